import sys

name = input("Your name: ")
print(f"Hello, {name}!")
for line in sys.stdin:
    print("got", line.strip())
print("end of input")
