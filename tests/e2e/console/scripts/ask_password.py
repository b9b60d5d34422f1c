import getpass

secret = getpass.getpass("Password: ")
print(f"{len(secret)} characters, reversed: {secret[::-1]}")
