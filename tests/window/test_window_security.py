"""A real window opens no door but its own: one listening socket, on 127.0.0.1 only.

While the window shows the script, the test lists every listening TCP socket of the whole
process tree (desklaunch and Qt WebEngine's helpers): a remote-debugging port, or a server
bound beyond loopback, would show up as a second or a non-loopback listener.
"""

from __future__ import annotations

import json
import os
import select
import socket
import subprocess
import sys
from pathlib import Path

from windowrun import window_env

DRIVER = Path(__file__).with_name("driver.py")
HANG_GUARD = 60


def descendants(pid: int) -> set[int]:
    found = {pid}
    changed = True
    while changed:
        changed = False
        for entry in os.listdir("/proc"):
            if not entry.isdigit() or int(entry) in found:
                continue
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) in found:
                found.add(int(entry))
                changed = True
    return found


def listening_sockets(pids: set[int]) -> list[tuple[str, int]]:
    """(address, port) of every TCP socket in LISTEN state that one of `pids` holds."""
    inodes: set[str] = set()
    for pid in pids:
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
                if target.startswith("socket:["):
                    inodes.add(target[8:-1])
        except OSError:
            continue
    found = []
    for table, family in (("/proc/net/tcp", socket.AF_INET), ("/proc/net/tcp6", socket.AF_INET6)):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state == "0A" and inode in inodes:
                address, port = local.split(":")
                raw = bytes.fromhex(address)
                if family == socket.AF_INET:
                    raw = raw[::-1]
                else:
                    raw = b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4))
                found.append((socket.inet_ntop(family, raw), int(port, 16)))
    return found


def test_the_window_listens_only_on_its_own_loopback_port(tmp_path: Path) -> None:
    ready, go = tmp_path / "ready", tmp_path / "go"
    os.mkfifo(ready)
    os.mkfifo(go)
    script = tmp_path / "waits.py"
    script.write_text(
        "from desklaunch.ui import put_text\n"
        "put_text('Shown')\n"
        f"with open({str(ready)!r}, 'w') as told:\n"
        "    told.write('shown')\n"
        f"with open({str(go)!r}) as waited:\n"
        "    waited.read()\n"
        "put_text('Checked')\n"
    )
    reader = os.open(ready, os.O_RDONLY | os.O_NONBLOCK)
    env = window_env()
    actions = [{"do": "expect", "text": "Checked"}, {"do": "close"}]
    proc = subprocess.Popen(
        [sys.executable, str(DRIVER), str(script), json.dumps(actions), str(tmp_path / "r.json")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=tmp_path)
    try:
        assert select.select([reader], [], [], HANG_GUARD)[0], "the script never showed"
        listeners = listening_sockets(descendants(proc.pid))
        go_fd = os.open(go, os.O_WRONLY | os.O_NONBLOCK)
        os.close(go_fd)
        assert proc.wait(HANG_GUARD) == 0
    finally:
        proc.kill()
        os.close(reader)
    assert len(listeners) == 1, listeners
    assert listeners[0][0] == "127.0.0.1", listeners
