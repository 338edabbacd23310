"""Read the text of a PDF that Chromium printed, to assert what reaches the paper.

Enough of PDF for Chromium's (Skia's) output and nothing more: objects whose streams are Flate-compressed,
Type0 fonts with a ToUnicode map, and text shown glyph by glyph as `<hex> Tj`. A text object ends a word.
"""

from __future__ import annotations

import re
import unicodedata
import zlib

_OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_TEXT_TOKEN = re.compile(rb"/(\w+) [\d.]+ Tf|<([0-9A-Fa-f]*)>|\b(ET)\b")
_CHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


def _streams(objects: dict[int, bytes]) -> dict[int, bytes]:
    """Return the decompressed stream of every object that has one."""
    streams = {}
    for number, body in objects.items():
        if (data := _STREAM.search(body)) and b"/FlateDecode" in body:
            streams[number] = zlib.decompress(data.group(1))
    return streams


def _unicode_map(cmap: bytes) -> dict[int, str]:
    """Return glyph → text of a ToUnicode CMap (its bfchar and bfrange entries)."""
    mapping = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for glyph, text in _CHAR.findall(block):
            mapping[int(glyph, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for first, last, text in _RANGE.findall(block):
            start = int(text, 16)
            for glyph in range(int(first, 16), int(last, 16) + 1):
                mapping[glyph] = chr(start + glyph - int(first, 16))
    return mapping


def _fonts(objects: dict[int, bytes], streams: dict[int, bytes]) -> dict[bytes, dict[int, str]]:
    """Return each font resource name with the glyph map of the font it names."""
    fonts = {}
    for body in objects.values():
        for name, number in re.findall(rb"/(\w+) (\d+) 0 R", body):
            font = objects.get(int(number), b"")
            if b"/Type /Font" in font and (to_unicode := re.search(rb"/ToUnicode (\d+) 0 R", font)):
                fonts[name] = _unicode_map(streams[int(to_unicode.group(1))])
    return fonts


def pdf_text(pdf: bytes) -> str:
    """Return the printed text, words separated by single spaces, ligatures resolved ("ﬁ" → "fi")."""
    objects = {int(number): body for number, body in _OBJECT.findall(pdf)}
    streams = _streams(objects)
    fonts = _fonts(objects, streams)
    pieces = []
    for data in streams.values():
        font: dict[int, str] = {}
        for token in _TEXT_TOKEN.finditer(data):
            if token.group(1):
                font = fonts.get(token.group(1), {})
            elif token.group(2) is not None and font:
                glyphs = token.group(2).decode()
                pieces.append("".join(font.get(int(glyphs[i:i + 4], 16), "") for i in range(0, len(glyphs), 4)))
            elif token.group(3):
                pieces.append(" ")
    return " ".join(unicodedata.normalize("NFKC", "".join(pieces)).split())
