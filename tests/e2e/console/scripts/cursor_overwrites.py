"""What a terminal shows of text written over text: only the cells written change."""

print("[ ] download", end="", flush=True)
print("\r[x]")
print("hello world\x1b[1GH")
print("A")
print("B")
print("\x1b[2A\rA2\x1b[2B", end="")
print("C")
print("12345\x1b[s67890\x1b[uX")
print("\x1b[9mstruck\x1b[29m plain")
print("12345\n67890")
print("\x1b[2AX\x1b[1BY")  # up and down keep the column
print("line1", end="")
print("\x1b[1Bbelow")
