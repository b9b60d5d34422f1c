"""Prints many lines quickly, with colours, then a final line."""

for i in range(5_000):
    print(f"line {i}")
print("\033[1;32mgreen bold\033[0m and plain")
print("all done")
