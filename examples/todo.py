"""A to-do list: add tasks, tick them off, remove them, clear the finished ones.

    desklaunch examples/todo.py

Shows buttons with callbacks, scopes (each task is one, redrawn or removed on its own) and
pin widgets (the new task's field, read with `pin.task` and emptied with `pin.task = ""`).
"""

from desklaunch.ui import (
    pin,
    put_buttons,
    put_input,
    put_markdown,
    put_row,
    put_scope,
    put_text,
    remove,
    toast,
    use_scope,
)

tasks: dict[str, dict[str, object]] = {}  # scope name → {"text": ..., "done": ...}
counter = iter(range(1, 1_000_000))


def show(key: str) -> None:
    """Draw task `key` in its own scope (replacing what was there)."""
    task = tasks[key]
    done = bool(task["done"])
    with use_scope(key, clear=True):
        put_row([
            put_text(("✓ " if done else "• ") + str(task["text"])),
            put_buttons([{"label": "Reopen" if done else "Done", "value": "toggle",
                          "color": "secondary" if done else "success"},
                         {"label": "Remove", "value": "remove", "color": "danger"}],
                        onclick=lambda action: act(key, action), small=True),
        ], size="1fr auto")
    update_count()


def act(key: str, action: str) -> None:
    if action == "toggle":
        tasks[key]["done"] = not tasks[key]["done"]
        show(key)
    else:
        del tasks[key]
        remove(key)
        update_count()


def add(_: object = None) -> None:
    text = (pin.task or "").strip()
    if not text:
        toast("Type a task first", color="warn")
        return
    key = f"task-{next(counter)}"
    tasks[key] = {"text": text, "done": False}
    with use_scope("list"):
        put_scope(key)
    show(key)
    pin.task = ""


def clear_done(_: object = None) -> None:
    finished = [key for key, task in tasks.items() if task["done"]]
    for key in finished:
        del tasks[key]
        remove(key)
    update_count()
    toast(f"Cleared {len(finished)} finished task(s)", color="success")


def update_count() -> None:
    left = sum(not task["done"] for task in tasks.values())
    with use_scope("count", clear=True):
        put_text(f"{left} of {len(tasks)} left" if tasks else "Nothing to do.")


put_markdown("# To-do")
put_row([put_input("task", label="New task", placeholder="What needs doing?"),
         put_buttons(["Add"], onclick=add)], size="1fr auto")
put_scope("list")
put_scope("count")
put_buttons([{"label": "Clear finished", "value": "clear", "color": "secondary"}],
            onclick=clear_done)
update_count()
