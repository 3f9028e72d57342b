"""One window per data folder: a second `qari` hands its paths to the first and exits.

Two processes on one store would be safe (SQLite, WAL), but two windows fighting over the same
settings and the last-article memory are not what a user means by opening a folder.
"""

from __future__ import annotations

import getpass
import json
import zlib
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_MS = 2000  # a socket nobody serves refuses at once; this is for a slow machine
ANSWER_MS = 8000  # the first window may be busy painting or reading its library


def server_name(data_dir: Path) -> str:
    """Per user and per data folder, short enough for a socket path. A CRC tells one
    user's data folders apart as well as a digest would, and zlib is loaded already: hashlib
    (OpenSSL) would load before the window paints only for this."""
    key = f"{getpass.getuser()}\0{data_dir.resolve()}".encode("utf-8", "surrogateescape")
    return f"qari-{zlib.crc32(key):08x}"


class SingleInstance(QObject):
    paths_received = Signal(list)  # from a second instance; [] means "just show yourself"

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server: QLocalServer | None = None

    def hand_over(self, paths: Sequence[str]) -> bool:
        """Give these paths to a running instance; False if there is none."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(CONNECT_MS):
            return False
        socket.write((json.dumps({"paths": list(paths)}) + "\n").encode("utf-8"))
        socket.flush()
        answered = socket.waitForReadyRead(ANSWER_MS) and bytes(socket.readAll()).startswith(b"ok")
        socket.disconnectFromServer()
        return answered

    def listen(self) -> bool:
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            # A socket left by a crashed instance (nobody answered hand_over): take it over.
            QLocalServer.removeServer(self.name)
            if not server.listen(self.name):
                return False
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    def _on_connection(self) -> None:
        while self._server is not None and self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        line = bytes(socket.readLine()).decode("utf-8", "replace")
        try:
            paths = [str(p) for p in json.loads(line).get("paths", [])]
        except (ValueError, AttributeError):
            paths = None  # not one of ours: ignore it
        if paths is not None:
            socket.write(b"ok\n")
            socket.flush()
            self.paths_received.emit(paths)
        socket.disconnectFromServer()
