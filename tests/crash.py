"""Running a real Qari process until it says it has done something, then killing it with
SIGKILL at once: no clean shutdown, no backup at exit, as a crash or a power cut would."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time


def run_then_kill_9(script: str, marker: str, timeout: float = 60) -> str:
    """Run ``script`` in a fresh interpreter until it prints a line starting with
    ``marker``; SIGKILL it then, and return that line."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        text=True, env=env,
    ) as proc:  # fmt: skip
        try:
            line = ""
            deadline = time.monotonic() + timeout
            while not line.startswith(marker) and time.monotonic() < deadline:
                line = proc.stdout.readline()
                if not line and proc.poll() is not None:
                    break
            assert line.startswith(marker), f"the app never printed {marker}"
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        finally:
            if proc.poll() is None:
                proc.kill()
    assert proc.returncode == -signal.SIGKILL
    return line
