"""Fixtures of the robustness tests: a network that is not there, and fingerprints of folders.

`no_network` makes every way Python opens a connection raise and records the attempt. Qt opens
sockets in C++, past Python's `socket` module, so `local_listener` counts connections that
reach a port on this machine: a view asked to load `http://127.0.0.1:<port>/…` would show up
there even if it never called into Python.
"""

from __future__ import annotations

import errno
import socket
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from robust_helpers import Listener


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Block and record every connection attempt made through Python's socket module."""
    attempts: list[str] = []

    def refuse(name: str) -> Callable[..., Any]:
        def blocked(*args: Any, **kwargs: Any) -> Any:
            shown = args[1:] if args and isinstance(args[0], socket.socket) else args
            attempts.append(f"{name}{shown!r}")
            raise OSError(errno.ENETUNREACH, f"the network is blocked in this test ({name})")

        return blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket.socket, "sendto", refuse("socket.sendto"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    return attempts


@pytest.fixture
def local_listener() -> Iterator[Listener]:
    listener = Listener()
    yield listener
    listener.close()
