"""Prints numbered lines as fast as it can, until it is stopped."""

n = 0
while True:
    n += 1
    print(f"line {n}")
