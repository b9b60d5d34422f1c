"""Yes-or-no questions asked with input(), as pip, poetry, IPython and Django ask them."""

if input("Proceed (Y/n)? ").strip().lower() in ("", "y"):
    print("proceeding")
print("answer:", input("Define your dependencies interactively? (yes/no) [yes] "))
print("name:", input("Name (y/n are letters too): "))
print("exit:", input("Do you really want to exit ([y]/n)? "))  # IPython's
print("flush:", input("Type 'yes' to continue, or 'no' to cancel: "))  # Django's
