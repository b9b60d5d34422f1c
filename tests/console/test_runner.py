"""A console run ends as the program's process would: after the threads it left running."""

from __future__ import annotations

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
