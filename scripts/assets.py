"""Check contributed binary files: logos must be real, sane images; downloads real PDFs."""

from __future__ import annotations

import struct
from pathlib import Path

from .problems import ProblemList
from .source import SourceFile

MAX_LOGO_BYTES = 300_000
MAX_LOGO_PIXELS = 2000
MAX_DOWNLOAD_BYTES = 20_000_000


def image_type_and_size(data: bytes) -> tuple[str, int, int] | None:
    """('png'|'jpeg'|'webp', width, height) from the file's header, or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24 and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return "png", width, height
    if data.startswith(b"\xff\xd8\xff"):
        pos = 2
        while pos + 9 < len(data):
            if data[pos] != 0xFF:
                return None
            marker = data[pos + 1]
            length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
            if marker in (0xC0, 0xC1, 0xC2):
                height, width = struct.unpack(">HH", data[pos + 5:pos + 9])
                return "jpeg", width, height
            pos += 2 + length
        return None
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP" and len(data) >= 30:
        chunk = data[12:16]
        if chunk == b"VP8X":
            width = 1 + int.from_bytes(data[24:27], "little")
            height = 1 + int.from_bytes(data[27:30], "little")
            return "webp", width, height
        if chunk == b"VP8 " and data[23:26] == b"\x9d\x01\x2a":
            width, height = struct.unpack("<HH", data[26:30])
            return "webp", width & 0x3FFF, height & 0x3FFF
        if chunk == b"VP8L" and data[20] == 0x2F:
            bits = int.from_bytes(data[21:25], "little")
            return "webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    return None


def check_logo(path: Path, source: SourceFile, problems: ProblemList) -> None:
    line = source.line("logo")
    if not path.is_file():
        problems.add(source.path, line, "logo", f"Het logo '{path.name}' bestaat niet.",
                     "Zet het bestand in content/deelnemers/logos/ en controleer de naam.")
        return
    data = path.read_bytes()
    if len(data) > MAX_LOGO_BYTES:
        problems.add(source.path, line, "logo", f"Het logo is te groot ({len(data) // 1000} kB).",
                     f"Een logo mag hoogstens {MAX_LOGO_BYTES // 1000} kB zijn. Maak het kleiner.")
        return
    found = image_type_and_size(data)
    if found is None:
        problems.add(source.path, line, "logo", "Het logo is geen PNG-, JPG- of WebP-afbeelding.",
                     "Sla het logo op als PNG of JPG.")
        return
    kind, width, height = found
    extension = path.suffix.lower().lstrip(".").replace("jpg", "jpeg")
    if extension != kind:
        problems.add(source.path, line, "logo", f"Het logo heet .{path.suffix.lstrip('.')}, "
                     f"maar is een {kind.upper()}-bestand.", f"Geef het bestand de extensie .{kind.replace('jpeg', 'jpg')}.")
    if not (16 <= width <= MAX_LOGO_PIXELS and 16 <= height <= MAX_LOGO_PIXELS):
        problems.add(source.path, line, "logo", f"Het logo is {width}×{height} pixels.",
                     f"Een logo is tussen 16 en {MAX_LOGO_PIXELS} pixels breed en hoog.")


def check_download(path: Path, source: SourceFile, problems: ProblemList) -> None:
    data = path.read_bytes()[:8] if path.is_file() else b""
    if not data.startswith(b"%PDF-"):
        problems.add(source.path, source.line("downloads"), "downloads",
                     f"'{path.name}' is geen pdf-bestand.", "Alleen pdf-bestanden kunnen worden gedownload.")
    elif path.stat().st_size > MAX_DOWNLOAD_BYTES:
        problems.add(source.path, source.line("downloads"), "downloads",
                     f"'{path.name}' is te groot.", "Een download mag hoogstens 20 MB zijn.")
