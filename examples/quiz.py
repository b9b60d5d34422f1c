"""Quiz: one form of questions (input_group), checked as a whole, then the score.

    desklaunch examples/quiz.py
"""

from desklaunch.ui import (
    checkbox,
    input,
    input_group,
    put_markdown,
    put_table,
    put_text,
    radio,
    select,
    slider,
)

QUESTIONS = [
    # (field name, the answer that scores, how to show it)
    ("capital", "Canberra", "Canberra"),
    ("planets", ["Mars", "Venus"], "Mars and Venus"),
    ("boiling", 100, "100 °C"),
    ("author", "Mary Shelley", "Mary Shelley"),
]


def all_answered(data: dict):
    """The group's check: every question needs an answer (it points at the first missing)."""
    if not data["planets"]:
        return ("planets", "Tick at least one planet")
    if not data["author"].strip():
        return ("author", "Have a guess")
    return None


put_markdown("## A small quiz\nFour questions; the form says if one is left out.")
answers = input_group("Quiz", [
    radio("What is the capital of Australia?", ["Sydney", "Canberra", "Melbourne"],
          name="capital", required=True),
    checkbox("Which planets are closer to the Sun than Jupiter?",
             ["Mars", "Saturn", "Venus", "Neptune"], name="planets"),
    slider("At what temperature does water boil at sea level (°C)?", name="boiling",
           value=50, min_value=0, max_value=200, step=10),
    input("Who wrote Frankenstein?", name="author", placeholder="A name",
          datalist=["Mary Shelley", "Bram Stoker", "Jules Verne"]),
    select("How sure are you?", ["Not at all", "Somewhat", "Very"], name="sure"),
], validate=all_answered, cancelable=True)

if answers is None:
    put_text("Maybe another time.")
else:
    rows, score = [], 0
    for name, right, shown in QUESTIONS:
        given = answers[name]
        if isinstance(right, list):
            ok = sorted(given) == sorted(right)
        elif isinstance(right, str):
            ok = str(given).strip().lower() == right.lower()
        else:
            ok = given == right
        score += ok
        rows.append([name, "✓" if ok else "✗", shown])
    put_table(rows, header=["Question", "Right?", "Answer"])
    put_text(f"Score: {score} of {len(QUESTIONS)} (you were {answers['sure'].lower()} sure)")
