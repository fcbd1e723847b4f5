"""One running copy per data folder, and a second start that brings the first one forward.

The data-folder lock (kompetenz.store.lock) is what keeps two writers apart; this module only
adds the courtesy: the first copy listens on a local socket named after the data folder, and a
second copy can ask it to raise its window. A local socket is inter-process communication on
this computer only, never a network connection.

Signals:
    raise_requested(): another start asked this copy to show its window.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

RAISE_MESSAGE = b"raise\n"
CONNECT_TIMEOUT_MS = 500


def server_name(data_dir: Path) -> str:
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"kompetenz-{digest}"


class InstanceServer(QObject):
    raise_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(data_dir)
        # A socket file left by a crashed copy would block listen(); we hold the lock, so it is stale.
        QLocalServer.removeServer(name)
        self._server.listen(name)
        self._server.newConnection.connect(self._on_server_new_connection)
        if parent is not None:
            # Close with the window: Python may exit without running Qt's destructors, which
            # would leave the socket file behind in the temporary folder.
            parent.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self.close()
        return False

    def close(self) -> None:
        self._server.close()  # also removes the socket file

    def _on_server_new_connection(self) -> None:
        connection = self._server.nextPendingConnection()
        if connection is None:
            return
        connection.waitForReadyRead(CONNECT_TIMEOUT_MS)
        if bytes(connection.readAll().data()).startswith(RAISE_MESSAGE.strip()):
            self.raise_requested.emit()
        connection.disconnectFromServer()


def ask_running_copy_to_raise(data_dir: Path) -> bool:
    """True if a running copy for this data folder answered and was asked to come forward."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(RAISE_MESSAGE)
    socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    return True
