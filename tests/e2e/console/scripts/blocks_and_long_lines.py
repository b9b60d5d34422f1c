"""Coloured blocks on consecutive rows, a 200-character table row, and numbers printed on
one line without end, as primenumbers.py prints them."""

for _ in range(3):
    print("\033[44m" + " " * 20 + "\033[0m")
print("wide | " + "-" * 193)
print(", ".join(str(number) for number in range(2000)), end="")
input(" Done? ")
