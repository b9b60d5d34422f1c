"""Reads one line and ends at once."""

print(f"Hello, {input('Your name: ')}!")
