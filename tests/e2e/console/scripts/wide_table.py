"""A table padded as a terminal counts cells (wcwidth, rich, tabulate): each Chinese,
Japanese or Korean character, and each emoji (with its skin tone, or joined into one
picture), takes two."""

ROWS = [("name", "city"), ("张三", "北京"), ("Alice", "Oslo"), ("김민준", "서울"),
        ("🙂 ok", "東京"), ("✅ done", "⚡"), ("🚀 go", "🪐"), ("👍🏽 yes", "❤️"),
        ("👨‍👩‍👧 kin", "Rome")]
PICTURES = ("👍🏽", "👨‍👩‍👧", "❤️")


def cells(text: str) -> int:
    for picture in PICTURES:
        text = text.replace(picture, "🙂")
    return sum(2 if ord(char) >= 0x1100 else 1 for char in text)


for name, city in ROWS:
    print(f"| {name}{' ' * (8 - cells(name))} | {city}{' ' * (6 - cells(city))} |")
