"""A console run ends as the program's process would: after the threads it left running,
which are silent from then on (console/runthreads.py)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

from menu_programs import output, start


def test_a_run_with_a_thread_pool_never_shut_down_ends_as_the_process_would(
        tmp_path: Path) -> None:
    app = start(tmp_path, """
        import threading, time
        from concurrent.futures import ThreadPoolExecutor

        pool = ThreadPoolExecutor(1)  # IPython's debugger keeps one; idle workers wait
        print(pool.submit(lambda: "worked").result())

        def late():
            time.sleep(0.2)
            print("queued work done")

        pool.submit(late)
        threading.Thread(target=lambda: (time.sleep(0.1), print("thread done"))).start()
    """)
    app.wait_for("Exited with code 0")
    assert output(app)[0] == "worked"
    assert sorted(output(app)[1:]) == ["queued work done", "thread done"]


def test_a_thread_left_running_is_silent_once_its_program_ended(tmp_path: Path) -> None:
    app = start(tmp_path, """
        import threading, time
        from pathlib import Path

        go, done = Path(__file__).with_name("go"), Path(__file__).with_name("done")

        def later():
            while not go.exists():
                time.sleep(0.01)
            try:
                print("from the first run's thread")
                input("Still there?")
            except SystemExit:  # as a process's end ends it: silently
                Path(__file__).with_name("ended").touch()
            finally:
                done.touch()

        if not go.exists():
            threading.Thread(target=later, daemon=True).start()
            print("first run ends")
        else:
            go.touch()
            while not done.exists():  # the first run's thread has printed and asked by now
                time.sleep(0.01)
            print("second run ends")
    """)
    (tmp_path / "go").unlink(missing_ok=True)
    app.wait_for("Exited with code 0")
    (tmp_path / "go").touch()
    app.click("Run again")
    app.wait_for("second run ends")
    log = app.find("log", "Output").text
    assert "first run ends" in log
    assert "first run's thread" not in log and "Still there?" not in log  # a process's end
    assert (tmp_path / "ended").exists()


def test_a_librarys_thread_pool_works_again_in_the_next_run(tmp_path: Path, monkeypatch
                                                             ) -> None:
    library = tmp_path / "site"
    library.mkdir()
    (library / "pooled.py").write_text(
        "from concurrent.futures import ThreadPoolExecutor\nPOOL = ThreadPoolExecutor(2)\n")
    monkeypatch.syspath_prepend(str(library))  # an installed package: it stays imported
    monkeypatch.delitem(sys.modules, "pooled", raising=False)
    folder = tmp_path / "app"  # the script's folder: its modules are run afresh each time
    folder.mkdir()
    app = start(folder, """
        import pooled
        print(pooled.POOL.submit(pow, 7, 2).result())
        pooled.POOL.submit(lambda: print("and in the pool"))
    """)
    app.wait_for("Exited with code 0")
    app.click("Run again")
    app.wait_for("Exited with code 0")
    log = app.find("log", "Output").text
    assert log.count("49") == 2 and log.count("and in the pool") == 2, log
    assert "cannot schedule new futures" not in log
    sys.modules.pop("pooled", None)


def test_a_threads_frame_is_read_while_a_collection_frees_a_thread_local(tmp_path: Path
                                                                        ) -> None:
    """What Stop does to call a program's Ctrl+C handler with its frame. Up to Python 3.11
    `sys._current_frames()` deadlocks the whole process when a garbage collection it sets off
    frees a `threading.local` (CPython gh-106883); here every collection leaves one behind."""
    probe = tmp_path / "probe.py"
    probe.write_text(textwrap.dedent("""
        import gc, threading
        from desklaunch.console.runthreads import frame_of

        class Cycle:
            pass

        def leave_garbage(phase, info):
            if phase == "stop":
                cycle = Cycle()
                cycle.me, cycle.local = cycle, threading.local()

        waiting = threading.Thread(target=threading.Event().wait, args=(5,), daemon=True)
        waiting.start()
        gc.callbacks.append(leave_garbage)
        gc.set_threshold(1)
        frame = frame_of(waiting)
        gc.set_threshold(700)
        print(frame.f_code.co_name, gc.isenabled())
    """))
    done = subprocess.run([sys.executable, str(probe)], capture_output=True, text=True,
                          timeout=60)
    assert (done.stdout, done.returncode) == ("wait True\n", 0), done.stderr


def test_stop_ends_the_main_part_and_the_run_waits_for_its_threads_as_a_terminal(
        tmp_path: Path) -> None:
    """Ctrl+C in a terminal ends the main thread; Python shows its traceback, then waits for
    the other threads (what they print shows) before it exits with 130. A second Stop ends
    the wait."""
    from desklaunch.testing import AppTest

    (tmp_path / "workers.py").write_text(textwrap.dedent("""
        import threading, time

        def work():
            for step in range(4):
                print("worker", step, flush=True)
                time.sleep(0.3)
            print("worker finished")

        threading.Thread(target=work).start()
        time.sleep(30)
        print("main done")
    """))
    app = AppTest.from_file(tmp_path / "workers.py", settle=0.2)
    app.wait_for("worker 0")
    app.click("Stop")
    app.wait_for("Stop again to stop waiting for them")
    app.wait_for("Exited with code 130")
    lines = output(app)
    assert lines[-1] == "worker finished" and "main done" not in lines
    assert lines.index("KeyboardInterrupt") < lines.index("worker 3")


def test_a_second_stop_ends_the_wait_for_the_threads(tmp_path: Path) -> None:
    from desklaunch.testing import AppTest

    (tmp_path / "forever.py").write_text(textwrap.dedent("""
        import threading, time
        threading.Thread(target=lambda: [time.sleep(0.1) for _ in range(300)]).start()
        raise ValueError("main failed")
    """))
    app = AppTest.from_file(tmp_path / "forever.py", settle=0.2)
    app.wait_for("ValueError: main failed")
    app.click("Stop")
    app.wait_for("Exited with code 1")


def test_a_thread_asking_as_the_window_closes_ends_as_a_process_thread_would(
        tmp_path: Path, monkeypatch) -> None:
    ended: list[type[BaseException]] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: ended.append(args.exc_type))
    app = start(tmp_path, """
        import queue, threading

        lines = queue.Queue()
        threading.Thread(target=lambda: [lines.put(input()) for _ in iter(int, 1)],
                         name="reader", daemon=True).start()
        print("got", lines.get())
    """)
    app.fill("Input", "hello")
    app.submit()
    app.wait_for("Exited with code 0")  # its reading thread asks again, and waits
    app.close()
    deadline = time.monotonic() + 10
    while any(thread.name == "reader" for thread in threading.enumerate()):
        assert time.monotonic() < deadline, "the reading thread never ended"
        time.sleep(0.01)
    assert ended == [SystemExit]  # which Python ends a thread with silently
