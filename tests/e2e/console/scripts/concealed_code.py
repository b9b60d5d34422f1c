"""A one-time code shown concealed (SGR 8), then a question: the code is not read out."""

print("Your one-time code: \x1b[8m493817\x1b[28m (hidden)")
input("Done? ")
