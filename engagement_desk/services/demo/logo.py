"""A small generated PNG logo (a heart in a circle) for the demo agency."""

from __future__ import annotations

import struct
import zlib

_SIZE = 96
_BACKGROUND = (255, 255, 255, 0)
_CIRCLE = (0, 122, 94, 255)
_HEART = (255, 255, 255, 255)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _pixel(px: int, py: int) -> tuple[int, int, int, int]:
    x = (px + 0.5) / _SIZE * 2 - 1
    y = 1 - (py + 0.5) / _SIZE * 2
    if x * x + y * y > 0.96:
        return _BACKGROUND
    hx, hy = x * 1.9, y * 1.9 + 0.25
    # The classic heart curve (x² + y² − 1)³ − x²y³ ≤ 0.
    if (hx * hx + hy * hy - 1) ** 3 - hx * hx * hy**3 <= 0:
        return _HEART
    return _CIRCLE


def logo_png() -> bytes:
    rows = bytearray()
    for py in range(_SIZE):
        rows.append(0)  # filter type "none"
        for px in range(_SIZE):
            rows.extend(_pixel(px, py))
    header = struct.pack(">IIBBBBB", _SIZE, _SIZE, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + _chunk(b"IEND", b"")
    )
