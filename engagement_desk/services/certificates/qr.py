"""The QR code on each certificate: its number and verification code, drawn as one PDF path.

reportlab's QR encoder lays out the symbol once per version; per payload only the data bits
are placed, with error-correction bytes from cached generator polynomials (reportlab
rebuilds them for every symbol) and a fixed mask instead of trying all eight, which any
reader accepts. That keeps a symbol near a tenth of a millisecond, which a batch of a
thousand pages needs.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import chain, zip_longest

from reportlab.graphics.barcode.qrencoder import (
    QRBitBuffer,
    QRCode,
    QRErrorCorrectLevel,
    QRRSBlock,
)
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 4  # modules of white around the symbol, required by the standard
MASK_PATTERN = 0
LEVEL = QRErrorCorrectLevel.M
_PAYLOAD = re.compile(r"^\s*(?P<number>[A-Z]-\d{4}-\d+)(?:\s+CODE\s+(?P<code>[0-9A-Z-]+))?\s*$")


def qr_payload(number: str, code: str) -> str:
    """'U-2026-00042 CODE 7KQ4M2XP': upper case only, so it fits QR's compact alphanumeric mode."""
    return f"{number} CODE {code.replace('-', '')}".upper()


def parse_qr_payload(text: str) -> tuple[str, str | None] | None:
    """(number, code) from a scanned payload, or None if it is not one of ours."""
    found = _PAYLOAD.match(text.upper())
    if not found:
        return None
    return found["number"], found["code"]


def qr_matrix(text: str) -> list[list[bool]]:
    """Rows of dark (True) and light modules, without the quiet zone."""
    probe = QRCode(None, LEVEL)
    probe.addData(text)
    version = probe.calculate_version()
    template, positions = _layout(version)
    matrix = [list(row) for row in template]
    bits = (
        (byte >> shift) & 1
        for byte in _codewords(version, LEVEL, probe.dataList)
        for shift in range(7, -1, -1)
    )
    for (column, row), bit in zip(positions, bits, strict=False):
        if bit:
            matrix[row][column] = not matrix[row][column]
    return matrix


@cache
def _layout(version: int) -> tuple[tuple[tuple[bool, ...], ...], tuple[tuple[int, int], ...]]:
    """The symbol of a version with all data bits zero (so only the mask shows in the data
    area) and the order in which data bits are placed; both are the same for every payload."""
    symbol = QRCode(version, LEVEL)
    total = sum(block.totalCount for block in QRRSBlock.getRSBlocks(version, LEVEL))
    symbol.dataCache = [0] * total
    symbol.makeImpl(False, MASK_PATTERN)
    template = tuple(tuple(bool(m) for m in row) for row in symbol.modules)
    return template, tuple(symbol.dataPosIterator())


def qr_path(text: str) -> tuple[int, str]:
    """(module count, PDF path operators) drawing the dark modules in a unit-per-module grid.

    Runs of dark modules in a row become one rectangle; y grows upwards from the last row.
    """
    matrix = qr_matrix(text)
    size = len(matrix)
    parts = []
    for index, row in enumerate(matrix):
        y = size - 1 - index
        column = 0
        while column < size:
            if row[column]:
                start = column
                while column < size and row[column]:
                    column += 1
                parts.append(f"{start} {y} {column - start} 1 re")
            else:
                column += 1
    return size, "\n".join(parts) + "\nf"


def draw_qr(canvas: Canvas, text: str, x: float, y: float, size: float) -> None:
    """The symbol with its quiet zone filling the square (x, y, size) in the current colour."""
    modules, path = qr_path(text)
    unit = size / (modules + 2 * QUIET_ZONE)
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.transform(unit, 0, 0, unit, x + QUIET_ZONE * unit, y + QUIET_ZONE * unit)
    canvas.addLiteral(path)
    canvas.restoreState()


def _codewords(version: int, level: int, segments: list) -> list[int]:
    blocks = QRRSBlock.getRSBlocks(version, level)
    capacity = sum(block.dataCount for block in blocks) * 8
    buffer = QRBitBuffer()
    for segment in segments:
        segment.write(buffer, version)
    if buffer.getLengthInBits() > capacity:
        raise ValueError("QR payload too long")
    if buffer.getLengthInBits() + 4 <= capacity:
        buffer.put(0, 4)
    while buffer.getLengthInBits() % 8:
        buffer.putBit(False)
    data = list(buffer.buffer)
    data.extend((0xEC, 0x11)[i % 2] for i in range(capacity // 8 - len(data)))
    data_blocks, ec_blocks, offset = [], [], 0
    for block in blocks:
        chunk = data[offset : offset + block.dataCount]
        offset += block.dataCount
        data_blocks.append(chunk)
        ec_blocks.append(_error_correction(chunk, block.totalCount - block.dataCount))
    interleaved = chain(zip_longest(*data_blocks), zip_longest(*ec_blocks))
    return [byte for group in interleaved for byte in group if byte is not None]


def _gf_tables() -> tuple[list[int], list[int]]:
    exp = [0] * 512
    log = [0] * 256
    value = 1
    for power in range(255):
        exp[power] = value
        log[value] = power
        value <<= 1
        if value & 0x100:
            value ^= 0x11D
    for power in range(255, 512):
        exp[power] = exp[power - 255]
    return exp, log


_EXP, _LOG = _gf_tables()


@cache
def _generator(degree: int) -> tuple[int, ...]:
    """Coefficients of prod(x - 2^i), highest power first, leading 1 dropped."""
    poly = [1]
    for i in range(degree):
        nxt = [0] * (len(poly) + 1)
        for j, coefficient in enumerate(poly):
            nxt[j] ^= coefficient
            if coefficient:
                nxt[j + 1] ^= _EXP[_LOG[coefficient] + i]
        poly = nxt
    return tuple(poly[1:])


def _error_correction(data: list[int], degree: int) -> list[int]:
    generator = _generator(degree)
    remainder = [0] * degree
    for byte in data:
        factor = byte ^ remainder[0]
        remainder = [*remainder[1:], 0]
        if factor:
            log_factor = _LOG[factor]
            for i, coefficient in enumerate(generator):
                if coefficient:
                    remainder[i] ^= _EXP[_LOG[coefficient] + log_factor]
    return remainder
