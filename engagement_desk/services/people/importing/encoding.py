"""Which characters a CSV file holds: its encoding, decided from the bytes, or a refusal.

Offices save lists from Excel as "CSV UTF-8" (UTF-8 with BOM), as "CSV
(Trennzeichen-getrennt)" (Windows-1252) or as "Unicode-Text" (UTF-16 with BOM,
tab-separated). What is decided, and why:

- **UTF-16 with BOM** is decoded: the BOM says so unambiguously.
- **UTF-16 without BOM** is recognised by its NUL bytes and decoded: every
  character of German text (all of Latin-1) has a zero high byte in UTF-16, so
  one byte of (nearly) every pair is NUL, always at the same parity. A UTF-8 or
  Windows-1252 text has no NUL bytes at all.
- **UTF-32** is refused by its BOM: no office program writes it for lists.
- **Binary data** (a picture, a PDF, a database renamed to .csv) is refused
  when more than 1 % (and at least 8) of the first 64 KiB are control bytes
  no text has. A few stray ones are left for the reader, which names the row
  and column of each.
  A workbook saved under a .csv name (ZIP or OLE2 signature) is named as such.
- **UTF-8** is tried before Windows-1252: German text in Windows-1252 with an
  umlaut is practically never valid UTF-8, the other way round it always is.
- **Windows-1252**: Python's codec refuses the five bytes Windows-1252 leaves
  undefined, so a decode never yields C1 control characters.
- Any decode is **refused as garbled** if it holds a C1 control character
  (U+0080–U+009F, left by a conversion through Latin-1), a symbol of the
  Windows-1252 range 0x80–0xBF in the middle of a word ("MŸller", "Stra§e":
  Mac Roman read as Windows-1252; "MÃ¼ller": UTF-8 converted twice) or a
  capital Š, Œ, Ž, Ÿ inside a word next to a small letter ("KŠse", "MŸller"),
  or one of € † ‡ ™ ‰ ƒ right before a small letter ("†bel"). Apostrophes, dashes,
  the middle dot, the soft hyphen and the no-break space are usual inside words
  and allowed. When Mac Roman or the DOS code page 850 would give plausible
  German text instead, the message names it; such files are never guessed and
  imported, because a wrong guess would store garbled names without warning.
"""

from __future__ import annotations

import codecs
import re

from engagement_desk.services.errors import ServiceError

ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SAMPLE_BYTES = 65536
BINARY_SHARE = 0.01
BINARY_MINIMUM = 8
# Control bytes no text file holds; tab, line feed, carriage return, form feed
# and the DOS end-of-file mark (0x1A) are left out, NUL is counted.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1A), *range(0x1B, 0x20), 0x7F])
_NOT_CONTROL = bytes(byte for byte in range(256) if byte not in _CONTROL_BYTES)

_WORD_ENDS = frozenset(" \t\r\n;,\"'")

RESAVE = (
    "Bitte die Liste in Excel öffnen und als „CSV UTF-8“ speichern; es wurde nichts importiert."
)

_LETTER = r"[^\W\d_]"
# Symbols of Windows-1252's range 0x80–0xBF that are no letters, minus what
# stands inside words in real lists: ‘ ’ (apostrophes), – — (dashes), no-break
# space, soft hyphen, middle dot.
_ODD_SYMBOLS = "".join(
    char
    for char in bytes(range(0x80, 0xC0)).decode("cp1252", errors="ignore")
    if not char.isalpha() and char not in "\u2018\u2019\u2013\u2014\xa0\xad\xb7"
)
_CARON_CAPITALS = "\u0160\u0152\u017d\u0178"  # Š Œ Ž Ÿ
# Never directly before a small letter in real text; Mac Roman's Ä, Ü and the
# DOS code page's Ö become these at the start of a word ("†bel", "€rger").
_NEVER_BEFORE_LETTERS = "\u20ac\u2020\u2021\u2122\u2030\u0192"  # € † ‡ ™ ‰ ƒ
_LOWER = "a-z\xdf-\xf6\xf8-\xff\u0161\u017e\u0153"
_GARBLED = re.compile(
    "[\x80-\x9f]"
    f"|(?<={_LETTER})[{re.escape(_ODD_SYMBOLS)}](?={_LETTER})"
    f"|(?<=[{_LOWER}])[{_CARON_CAPITALS}]"
    f"|(?<={_LETTER})[{_CARON_CAPITALS}](?=[{_LOWER}])"
    f"|[{_NEVER_BEFORE_LETTERS}](?=[{_LOWER}])"
)
# Only these characters can start a match; finding them first is several times
# faster on a large list than trying the lookbehinds at every position.
_GARBLED_START = re.compile(
    f"[\x80-\x9f{re.escape(_ODD_SYMBOLS)}{_CARON_CAPITALS}{_NEVER_BEFORE_LETTERS}]"
)
_GERMAN_LETTERS = re.compile("[äöüÄÖÜß]")
# Other encodings a German list may come in, only to name them in a refusal.
_NAMED_ELSEWHERE = (
    ("mac_roman", "Mac Roman (ältere Mac-Programme)"),
    ("cp850", "DOS (Codepage 850)"),
)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """The text of a CSV file and the name of its encoding, or a German refusal."""
    if not data:
        raise ServiceError(f"Die Datei „{name}“ ist leer.")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise ServiceError(
            f"Die Datei „{name}“ ist in UTF-32 gespeichert; diese Kodierung wird nicht "
            f"gelesen. {RESAVE}"
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(_strict(data, "utf-16", "UTF-16", name), "UTF-16", name)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        label = f"UTF-16 {utf16[-2:].upper()} ohne BOM"
        return _checked(_strict(data, utf16, label, name), label, name)
    _refuse_binary(data, name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        label = "UTF-8 mit BOM" if data.startswith(codecs.BOM_UTF8) else "UTF-8"
        return _checked(text, label, name)
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ServiceError(_unknown_encoding(data, name)) from None
    return _checked(text, "Windows-1252", name, data)


def _strict(data: bytes, codec: str, label: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        raise ServiceError(
            f"Die Datei „{name}“ sieht nach {label} aus, ist aber beschädigt "
            f"(unvollständige Zeichen). {RESAVE}"
        ) from None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when the NUL bytes follow UTF-16's pattern, else None."""
    sample = data[:SAMPLE_BYTES]
    pairs = len(sample) // 2
    if pairs < 2 or b"\x00" not in sample:
        return None
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    # Most characters of a German list have a NUL high byte; a real NUL in a
    # character (U+0000) or a high byte of zero in the other half is rare.
    if odd_nul >= pairs / 2 and even_nul <= pairs / 10:
        return "utf-16-le"
    if even_nul >= pairs / 2 and odd_nul <= pairs / 10:
        return "utf-16-be"
    return None


def _refuse_binary(data: bytes, name: str) -> None:
    if data.startswith(ZIP_MAGIC):
        raise ServiceError(
            f"„{name}“ ist keine CSV-Datei, sondern eine Excel-Arbeitsmappe oder ein "
            "ZIP-Archiv. Eine Arbeitsmappe bitte unter ihrem Namen mit der Endung .xlsx wählen."
        )
    if data.startswith(OLE2_MAGIC):
        raise ServiceError(
            f"„{name}“ ist keine CSV-Datei, sondern eine Datei im alten Office-Format "
            "(z. B. .xls). Bitte in Excel als Excel-Arbeitsmappe (.xlsx) oder "
            "„CSV UTF-8“ speichern."
        )
    sample = data[:SAMPLE_BYTES]
    controls = len(sample.translate(None, _NOT_CONTROL))
    if controls >= BINARY_MINIMUM and controls > len(sample) * BINARY_SHARE:
        raise ServiceError(
            f"„{name}“ ist keine Textdatei (CSV), sondern enthält Binärdaten. Bitte eine "
            "CSV-Datei oder eine Excel-Arbeitsmappe (.xlsx) wählen."
        )


def _checked(text: str, label: str, name: str, data: bytes | None = None) -> tuple[str, str]:
    """``text`` unless it looks garbled; then a refusal naming the first odd word."""
    match = _first_garbled(text)
    if match is None:
        return text, label
    line = text.count("\n", 0, match.start()) + 1
    char = match.group()
    if "\x80" <= char <= "\x9f":
        word = f"das Steuerzeichen U+{ord(char):04X}"
    else:
        word = f"„{_word_at(text, match.start())}“"
    other = _plausible_elsewhere(data) if data is not None else None
    if other is not None:
        reason = f"offenbar in {other} gespeichert, nicht in {label}"
    elif label == "Windows-1252":
        reason = "weder in UTF-8 noch in Windows-1252 gespeichert"
    else:
        reason = f"in {label} gespeichert, aber die Umlaute sind falsch umgewandelt"
    raise ServiceError(f"Die Datei „{name}“ ist {reason}: Zeile {line} enthält {word}. {RESAVE}")


def _unknown_encoding(data: bytes, name: str) -> str:
    other = _plausible_elsewhere(data)
    if other is not None:
        return f"Die Datei „{name}“ ist offenbar in {other} gespeichert. {RESAVE}"
    return f"Die Zeichenkodierung der Datei „{name}“ ist weder UTF-8 noch Windows-1252. {RESAVE}"


def _plausible_elsewhere(data: bytes) -> str | None:
    """The 8-bit encoding in which the file reads as the most plausible German text, if any."""
    best, best_count = None, 0
    for codec, label in _NAMED_ELSEWHERE:
        text = data.decode(codec)
        count = len(_GERMAN_LETTERS.findall(text))
        if count > best_count and _first_garbled(text) is None:
            best, best_count = label, count
    return best


def _first_garbled(text: str) -> re.Match[str] | None:
    for candidate in _GARBLED_START.finditer(text):
        match = _GARBLED.match(text, candidate.start())
        if match is not None:
            return match
    return None


def _word_at(text: str, position: int) -> str:
    """The word around ``position``, at most 30 characters each side."""
    start, end = position, position + 1
    while start > 0 and position - start < 30 and text[start - 1] not in _WORD_ENDS:
        start -= 1
    while end < len(text) and end - position < 30 and text[end] not in _WORD_ENDS:
        end += 1
    return text[start:end]
