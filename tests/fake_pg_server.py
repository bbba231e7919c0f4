"""A stand-in PostgreSQL server that refuses every password, as one with scram auth does.

The test server trusts every local login, so a wrong password can only be
shown against this: it speaks just enough of the protocol (no SSL, ask for a
clear-text password, answer FATAL 28P01) for libpq to report a refused login.
"""

from __future__ import annotations

import socket
import struct
import threading
from collections.abc import Iterator
from contextlib import contextmanager

SSL_REQUEST = 80877103
GSS_REQUEST = 80877104


def _read_exactly(connection: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = connection.recv(size - len(data))
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    return data


def _error(code: str, message: str) -> bytes:
    fields = b"".join(
        key + value.encode() + b"\0"
        for key, value in ((b"S", "FATAL"), (b"V", "FATAL"), (b"C", code), (b"M", message))
    )
    body = fields + b"\0"
    return b"E" + struct.pack("!I", len(body) + 4) + body


def _serve_one(connection: socket.socket) -> None:
    with connection:
        try:
            while True:
                (length,) = struct.unpack("!I", _read_exactly(connection, 4))
                payload = _read_exactly(connection, length - 4)
                (code,) = struct.unpack("!I", payload[:4])
                if code in (SSL_REQUEST, GSS_REQUEST):
                    connection.sendall(b"N")
                    continue
                break  # the startup message
            connection.sendall(b"R" + struct.pack("!II", 8, 3))  # clear-text password, please
            kind = _read_exactly(connection, 1)
            (length,) = struct.unpack("!I", _read_exactly(connection, 4))
            _read_exactly(connection, length - 4)
            if kind == b"p":
                connection.sendall(_error("28P01", "password authentication failed"))
        except (ConnectionError, OSError):
            pass


@contextmanager
def refusing_server() -> Iterator[int]:
    """A server on 127.0.0.1 that refuses every password; yields its port."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            connection.settimeout(5)
            _serve_one(connection)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join(5)
        listener.close()
