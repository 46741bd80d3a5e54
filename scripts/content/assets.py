"""Check contributed binary files: logos must be real, sane images; downloads real PDFs.

No contributed logo is served as it came: Pillow decodes it (which also proves it is the
image it claims to be) and the site publishes a fresh PNG of at most PUBLISHED_LOGO_SIDE
pixels (`publish_logo`), so bytes hidden in or after an image never reach a visitor.
Downloads are PDFs opened by qpdf and published only as rewritten without anything a reader
runs or opens (scripts/content/pdfs.py); the checks below refuse what is not a PDF, what would
show as a page in a browser, what cannot be read or rewritten, and files nothing refers to.
"""

from __future__ import annotations

import io
import re
import struct
import warnings
import zlib
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from scripts.content.problems import ProblemList, size_text, too_big
from scripts.content.source import SourceFile

if TYPE_CHECKING:
    from PIL import Image

# Pillow and pikepdf (scripts.content.pdfs) are imported where a logo or a PDF is read: a site
# without them builds without loading either.

MAX_LOGO_BYTES = 300_000
MAX_LOGO_PIXELS = 2000
MAX_DOWNLOAD_BYTES = 20_000_000
LOGO_EXTENSIONS = (".png", ".jpg", ".jpeg", ".webp")
PUBLISHED_LOGO_SIDE = 512  # the published PNG fits in this square
_PILLOW_FORMATS = {"png": "PNG", "jpeg": "JPEG", "webp": "WEBP"}
_HTML_START = re.compile(rb"<\s*(?:html|script|body|head|svg|iframe|meta|!doctype)", re.IGNORECASE)


def published_logo(name: str) -> str:
    """'logos/zorg.jpg' → 'logos/zorg.png': every logo is published as a fresh PNG."""
    path = PurePosixPath(name)
    return str(path.with_suffix(".png")) if path.suffix else name


def decode_image(data: bytes, kind: str) -> Image.Image | None:
    """The image, fully decoded by Pillow, or None when Pillow cannot read it as `kind`."""
    from PIL import Image
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format != _PILLOW_FORMATS.get(kind):
                    return None
                if max(probe.size) > MAX_LOGO_PIXELS:
                    return None
                probe.verify()
            image = Image.open(io.BytesIO(data))
            image.load()
            return image
    except Exception:  # Pillow raises many kinds for a broken or hostile file
        return None


def publish_logo(data: bytes) -> bytes:
    """A checked logo re-encoded as a PNG of at most PUBLISHED_LOGO_SIDE pixels (the same
    input gives the same bytes: no metadata, fixed settings)."""
    found = image_type_and_size(data)
    image = decode_image(data, found[0]) if found else None
    if image is None:
        raise ValueError("not a checked logo")
    from PIL import Image
    with image:
        has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
        clean = image.convert("RGBA" if has_alpha else "RGB")
        clean.thumbnail((PUBLISHED_LOGO_SIDE, PUBLISHED_LOGO_SIDE), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        clean.save(out, format="PNG", optimize=False, compress_level=9)
        return out.getvalue()


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


def image_is_complete(kind: str, data: bytes) -> bool:
    """The file is one whole image of its type: no other content hides in or after it."""
    if kind == "png":
        pos = 8
        while pos + 12 <= len(data):
            length = struct.unpack(">I", data[pos:pos + 4])[0]
            chunk = data[pos + 4:pos + 8 + length]
            if pos + 12 + length > len(data):
                return False
            crc = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])[0]
            if zlib.crc32(chunk) != crc:
                return False
            pos += 12 + length
            if chunk[:4] == b"IEND":
                return pos == len(data)
        return False
    if kind == "jpeg":
        return data.rstrip(b"\x00").endswith(b"\xff\xd9")
    if kind == "webp":
        return struct.unpack("<I", data[4:8])[0] + 8 in (len(data), len(data) - 1)
    return False


def check_logo(path: Path, source: SourceFile, problems: ProblemList) -> None:
    line = source.line("logo")
    if not path.is_file():
        problems.add(source.path, line, "logo", f"Het logo '{path.name}' bestaat niet.",
                     "Zet het bestand in content/deelnemers/logos/ en controleer de naam.")
        return
    if path.is_symlink():
        problems.add(source.path, line, "logo", f"Het logo '{path.name}' is een koppeling (symlink).",
                     "Zet het bestand zelf in content/deelnemers/logos/.")
        return
    data = path.read_bytes()
    if len(data) > MAX_LOGO_BYTES:
        problems.add(source.path, line, "logo", too_big("Het logo", len(data), MAX_LOGO_BYTES),
                     "Maak het logo kleiner, bijvoorbeeld door het op te slaan als PNG van 512 pixels breed.")
        return
    found = image_type_and_size(data)
    if found is None:
        problems.add(source.path, line, "logo", "Het logo is geen PNG-, JPG- of WebP-afbeelding.",
                     "Sla het logo op als PNG of JPG.")
        return
    kind, width, height = found
    if not image_is_complete(kind, data):
        problems.add(source.path, line, "logo", f"Het logo is geen volledige {kind.upper()}-afbeelding: "
                     "het bestand is beschadigd of er zit iets anders in.",
                     "Sla het logo opnieuw op als PNG of JPG, bijvoorbeeld met een tekenprogramma.")
        return
    extension = path.suffix.lower().lstrip(".").replace("jpg", "jpeg")
    if extension != kind:
        problems.add(source.path, line, "logo", f"Het logo heet .{path.suffix.lstrip('.')}, "
                     f"maar is een {kind.upper()}-bestand.", f"Geef het bestand de extensie .{kind.replace('jpeg', 'jpg')}.")
    if not (16 <= width <= MAX_LOGO_PIXELS and 16 <= height <= MAX_LOGO_PIXELS):
        problems.add(source.path, line, "logo", f"Het logo is {width}×{height} pixels.",
                     f"Een logo is tussen 16 en {MAX_LOGO_PIXELS} pixels breed en hoog.")
        return
    image = decode_image(data, kind)
    if image is None:
        problems.add(source.path, line, "logo", f"Het logo kan niet worden gelezen als {kind.upper()}-"
                     "afbeelding: het bestand is beschadigd of er zit iets anders in.",
                     "Sla het logo opnieuw op als PNG of JPG, bijvoorbeeld met een tekenprogramma.")
        return
    with image:
        if image.size != (width, height):
            problems.add(source.path, line, "logo", f"Het logo zegt {width}×{height} pixels te zijn, "
                         f"maar is {image.size[0]}×{image.size[1]}.", "Sla het logo opnieuw op als PNG of JPG.")


def pdf_problem(data: bytes) -> tuple[str, str] | None:
    """(message, hint) when the bytes are not a PDF the site can publish, else None.

    A PDF starts with '%PDF-1.x' or '%PDF-2.0' and ends with '%%EOF'; HTML at its start would
    make a browser that sniffs show a page on the site's address. Then qpdf must be able to
    open it and rewrite it without active content (pdfs.clean_pdf): what a reader would run
    is not refused but left out of the published file."""
    if not re.match(rb"%PDF-[12]\.\d", data[:8]):
        return "is geen pdf-bestand", "Alleen pdf-bestanden kunnen worden gedownload."
    if len(data) > MAX_DOWNLOAD_BYTES:
        return (f"is te groot: {size_text(len(data))}; dat is {size_text(len(data) - MAX_DOWNLOAD_BYTES)} te veel "
                f"(hoogstens {size_text(MAX_DOWNLOAD_BYTES)})",
                "Maak het bestand kleiner, bijvoorbeeld met 'Opslaan als: verkleinde pdf'.")
    if b"%%EOF" not in data[-2048:]:
        return "is geen volledig pdf-bestand (het einde ontbreekt)", "Sla de pdf opnieuw op."
    if _HTML_START.search(data[:4096]):
        return "bevat HTML", "Sla het document opnieuw op als pdf, bijvoorbeeld met 'Afdrukken naar pdf'."
    from scripts.content.pdfs import UnreadablePdf, clean_pdf

    try:
        clean_pdf(data)
    except UnreadablePdf as error:
        if str(error) == "password":
            return ("is beveiligd met een wachtwoord", "Sla de pdf op zonder wachtwoord of beveiliging.")
        if str(error).startswith("active content"):
            return ("bevat iets dat een pdf-lezer uitvoert en dat de site er niet uit kan halen",
                    "Sla het document opnieuw op met 'Afdrukken naar pdf': dan blijven alleen tekst "
                    "en beeld over.")
        return ("kan niet worden gelezen als pdf: het bestand is beschadigd",
                "Sla het document opnieuw op als pdf, bijvoorbeeld met 'Afdrukken naar pdf'.")
    return None


def check_download(path: Path, source: SourceFile, problems: ProblemList) -> None:
    if not path.is_file() or path.is_symlink():
        problems.add(source.path, source.line("downloads"), "downloads",
                     f"'{path.name}' bestaat niet (of is een koppeling).",
                     "Zet de pdf zelf in content/actueel/downloads/.")
        return
    size = path.stat().st_size
    data = path.read_bytes() if size <= MAX_DOWNLOAD_BYTES else path.read_bytes()[:8] + b" " * size
    found = pdf_problem(data)
    if found:
        problems.add(source.path, source.line("downloads"), "downloads",
                     f"'{path.name}' {found[0]}.", found[1])


def check_asset_folder(folder: Path, rel_folder: str, checked: set[str], problems: ProblemList) -> None:
    """Every file in a folder that is published as it is (logos, downloads) must be what it
    claims: a published .html or .svg would run on the site's own address."""
    if not folder.is_dir():
        return
    logos = folder.name == "logos"
    published: dict[str, str] = {}  # published name → contributed name
    for path in sorted(folder.iterdir()):
        if logos and path.suffix.lower() in LOGO_EXTENSIONS:
            name = published_logo(path.name)
            if name in published:
                problems.add(f"{rel_folder}/{path.name}", 0, "", f"'{path.name}' en '{published[name]}' "
                             f"worden allebei gepubliceerd als {name}.",
                             "Geef elk logo een eigen naam (zonder de extensie mee te tellen).")
            published[name] = path.name
    for path in sorted(folder.rglob("*")):
        key = f"{folder.parent.name}/{folder.name}/{path.relative_to(folder).as_posix()}"
        rel = f"{rel_folder}/{path.relative_to(folder).as_posix()}"
        if path.is_symlink():
            problems.add(rel, 0, "", f"'{path.name}' is een koppeling (symlink) naar een ander bestand of "
                         "een andere map.", "Zet het bestand zelf in deze map.")
            continue
        if any(part.is_symlink() for part in path.relative_to(folder).parents if str(part) != "."):
            continue  # inside a symlinked folder: that folder is reported
        if path.is_dir() or not path.is_file():
            continue  # its files are reported one by one
        if path.parent != folder:
            problems.add(rel, 0, "", f"'{path.name}' staat in een map die de site niet leest: het wordt "
                         "niet gepubliceerd.", f"Zet het bestand direct in {rel_folder}/, zonder map ertussen.")
            continue
        if path.name.startswith("."):
            problems.add(rel, 0, "", f"'{path.name}' begint met een punt: zo'n bestand wordt niet gepubliceerd.",
                         "Geef het bestand een naam die met een letter of cijfer begint, of haal het weg.")
            continue
        if key in checked:
            continue
        if logos and path.suffix.lower() not in LOGO_EXTENSIONS:
            problems.add(rel, 0, "", f"'{path.name}' hoort niet in deze map: hier staan alleen logo's.",
                         "Een logo is een PNG-, JPG- of WebP-bestand. Haal andere bestanden weg.")
            continue
        if not logos and path.suffix.lower() != ".pdf":
            problems.add(rel, 0, "", f"'{path.name}' hoort niet in deze map: hier staan alleen pdf-bestanden.",
                         "Haal het bestand weg of sla het op als pdf.")
            continue
        if not logos:
            # Published only through a news item that offers it: a file nobody refers to would
            # be a file on the site's address that no page explains.
            problems.add(rel, 0, "", f"Geen bericht verwijst naar '{path.name}': het wordt niet gepubliceerd.",
                         f"Zet het bij 'downloads' van een bericht (bestand: downloads/{path.name}), "
                         "of haal het weg.")
            continue
        data = path.read_bytes()
        limit = MAX_LOGO_BYTES if logos else MAX_DOWNLOAD_BYTES
        if len(data) > limit:
            problems.add(rel, 0, "", too_big(f"'{path.name}'", len(data), limit),
                         "Maak het bestand kleiner.")
            continue
        found = image_type_and_size(data)  # a logo no file names (still published)
        if found is None or not image_is_complete(found[0], data) or decode_image(data, found[0]) is None:
            problems.add(rel, 0, "", f"'{path.name}' is geen goede PNG-, JPG- of WebP-afbeelding.",
                         "Sla het logo opnieuw op als PNG of JPG.")
