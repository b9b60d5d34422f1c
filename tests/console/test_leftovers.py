"""What a console run leaves in its globals ends with the run, as with a process's end
(console/leftovers.py): here, a tkinter program's Tcl interpreter, deleted on the run's own
thread. A real program under Xvfb, run by the `desklaunch` command."""

from __future__ import annotations

from test_cli import run_attached, write
from xserver import x_display


def test_a_tkinter_program_ends_desklaunch_with_its_own_exit_code(tmp_path):
    """Tcl aborted the whole process (SIGABRT) when desklaunch's exit deleted the program's
    interpreter from another thread than the run's, which made it."""
    script = write(tmp_path, "tk_app.py", """\
        import sys
        import tkinter as tk

        class Window:
            def __init__(self):
                self.root = tk.Tk()
                self.name = tk.StringVar(value="Ada")
                tk.Entry(self.root, textvariable=self.name).pack()

        window = Window()
        window.root.after(200, window.root.destroy)
        window.root.mainloop()
        print("window closed")
        sys.exit(4)
    """)
    result = run_attached(tmp_path, script, extra_env={"DISPLAY": x_display()})
    assert result.returncode == 4, result.stderr
    assert "Tcl_AsyncDelete" not in result.stderr
