"""Coloured blocks on consecutive rows, a QR code's white-on-black rows of full and half
blocks, a 200-character table row, and numbers printed on one line without end, as
primenumbers.py prints them."""

for _ in range(3):
    print("\033[44m" + " " * 20 + "\033[0m")
for _ in range(2):
    print("\033[48;5;232m\033[38;5;255m" + "█▀▄ " * 5 + "\033[0m")
print("wide | " + "-" * 193)
print(", ".join(str(number) for number in range(2000)), end="")
input(" Done? ")
