"""Yes-or-no questions asked with input(), as pip and poetry ask them."""

if input("Proceed (Y/n)? ").strip().lower() in ("", "y"):
    print("proceeding")
print("answer:", input("Define your dependencies interactively? (yes/no) [yes] "))
print("name:", input("Name (y/n are letters too): "))
print("exit:", input("Do you really want to exit ([y]/n)? "))  # IPython's
