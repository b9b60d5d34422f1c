"""Concealed text (SGR 8), as a quiz hides its answer: hidden on the screen, as in a terminal."""

print("answer: \x1b[8mforty-two\x1b[28m (select to see)")
print("\x1b[31;8mred secret\x1b[0m plain")
