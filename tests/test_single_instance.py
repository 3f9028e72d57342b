"""A second `qari` on the same data folder hands its paths to the first window."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.qt.single_instance import SingleInstance, server_name

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parent.parent


def client(name: str, *paths: str) -> subprocess.Popen:
    script = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from PySide6.QtCore import QCoreApplication
from reader.qt.single_instance import SingleInstance
app = QCoreApplication([])
sys.exit(0 if SingleInstance({name!r}).hand_over({list(paths)!r}) else 3)
"""
    return subprocess.Popen([sys.executable, "-c", script])


def test_paths_reach_the_first_instance(qtbot, tmp_path):
    name = server_name(tmp_path)
    first = SingleInstance(name)
    assert first.listen()
    with qtbot.waitSignal(first.paths_received, timeout=10_000) as got:
        proc = client(name, "/news/2024", "/news/مقالات")
    assert got.args == [["/news/2024", "/news/مقالات"]]
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=10_000)
    assert proc.returncode == 0
    first.close()


def test_nobody_listening_means_start_normally(tmp_path):
    lonely = SingleInstance(server_name(tmp_path / "other"))
    assert lonely.hand_over(["/x"]) is False


def test_a_stale_socket_from_a_crash_is_taken_over(qtbot, tmp_path):
    name = server_name(tmp_path)
    crashed = SingleInstance(name)
    assert crashed.listen()
    crashed._server.setParent(None)  # as if the process died without closing it
    crashed._server = None
    survivor = SingleInstance(name)
    assert survivor.listen()
    survivor.close()


def test_data_folders_have_their_own_instances(tmp_path):
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "a")


def test_second_app_hands_over_and_exits(tmp_path, library):
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    main = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data)]
    with subprocess.Popen(main, env=env, stderr=subprocess.DEVNULL) as first:
        try:
            # The first is listening once it has opened its store (listen() comes first).
            deadline = time.monotonic() + 30
            while not (data / "userdata.sqlite").exists() and time.monotonic() < deadline:
                time.sleep(0.1)
            second = subprocess.run(
                [*main, str(library)], env=env, timeout=30, capture_output=True, check=False
            )
            assert second.returncode == 0
            assert first.poll() is None  # the first window is still the one running
            first.send_signal(signal.SIGTERM)  # closes the window the normal way
            first.wait(timeout=30)
        finally:
            if first.poll() is None:
                first.kill()
    assert str(library) in (data / "settings.ini").read_text()


def test_a_data_folder_whose_name_is_not_utf8_has_its_name(tmp_path):
    """A Linux folder name is bytes: one in Latin-1 (as an old archive's) is not UTF-8."""
    if sys.platform != "linux":
        pytest.skip("only Linux folder names can be bytes that are not UTF-8")
    latin = Path(os.fsdecode(os.fsencode(tmp_path) + b"/donn\xe9es"))
    latin.mkdir()
    assert server_name(latin) == server_name(latin)
    assert server_name(latin) != server_name(tmp_path)
