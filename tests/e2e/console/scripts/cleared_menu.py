"""A game that clears the screen for its menu, with the clear and the menu in one write."""

print("Loading the game")
print("\033[2J\033[HMain menu\n1) Play\n2) Quit")
input("Choice? ")
