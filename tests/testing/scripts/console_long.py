"""A plain terminal program with a long output, then a question."""

for number in range(1, 2001):
    print(f"line {number}")
input("Done? ")
