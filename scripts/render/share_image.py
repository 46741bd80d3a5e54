"""A share image per page (og:image, 1200×630): the page's title, its kind and date on the
movement's colour, drawn by Pillow at build time.

Deterministic: Pillow's own bundled font (`ImageFont.load_default(size=…)`, no system font), no
clock, no metadata in the PNG; the same inputs give the same bytes. Drawing and compressing one
card costs a few milliseconds, so cards are cached by a hash of everything that goes in: in
memory (the preview rebuilds in one process) and on disk in the user's cache folder (a new
`make build`, the benchmark's copies of the project). A cached card is the same bytes as a new
one, so the cache never changes the output."""

from __future__ import annotations

import hashlib
import io
import os
from functools import lru_cache
from typing import TYPE_CHECKING

from PIL import __version__ as PILLOW_VERSION  # the package only: Image and the rest when a card is drawn

from scripts.render.cache_folder import cache_folder

if TYPE_CHECKING:
    from PIL import ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
BAND = 120  # the dark band at the bottom with the site's name
LAYOUT = "1"  # raise when the drawing below changes: old cached cards are then not used

# The card is drawn in shades of grey (antialiased text) and given colours by its palette:
# 0‥127 run from the movement's colour to white (text on the field), 128‥255 from the dark band
# colour to white (text on the band). A palette PNG is small and quick to compress.
FIELD = (11, 85, 99)  # --md-primary-fg-color, the movement's teal
BAND_COLOUR = (7, 61, 71)  # --md-primary-fg-color--dark
ACCENT = 100  # the short line above the title: a light shade of the field's colour


def _palette() -> list[int]:
    def ramp(start: tuple[int, int, int], steps: int) -> list[int]:
        return [round(start[c] + (255 - start[c]) * i / (steps - 1)) for i in range(steps) for c in range(3)]
    return ramp(FIELD, 128) + ramp(BAND_COLOUR, 128)


PALETTE = _palette()


@lru_cache(maxsize=8)
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    from PIL import ImageFont

    return ImageFont.load_default(size=size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, size: int, width: int, lines: int) -> list[str]:
    """The words of `text` in at most `lines` lines of at most `width` pixels; the last line ends
    in '…' when the text is longer."""
    font, found, line = _font(size), [], ""
    words = text.split()
    for word in words:
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) <= width or not line:
            line = trial
            continue
        found.append(line)
        line = word
        if len(found) == lines:
            break
    else:
        found.append(line)
        return found[:lines]
    last = found[-1]
    while last and draw.textlength(last + " …", font=font) > width:
        last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
    found[-1] = last + " …"
    return found


def draw_card(title: str, kind: str, detail: str, site_name: str, host: str) -> bytes:
    """The PNG bytes of one card."""
    from PIL import Image, ImageDraw

    grey = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(grey)
    draw.rectangle((0, HEIGHT - BAND, WIDTH, HEIGHT), fill=128)
    y = 70
    if kind:
        draw.text((MARGIN, y), kind.upper(), font=_font(34), fill=127)
        y += 62
    draw.rectangle((MARGIN, y, MARGIN + 96, y + 8), fill=ACCENT)
    y += 34
    size = 72 if len(title) <= 60 else 60
    for line in _wrap(draw, title, size, WIDTH - 2 * MARGIN, 3 if detail else 4):
        draw.text((MARGIN, y), line, font=_font(size), fill=127)
        y += round(size * 1.22)
    if detail:
        y += 18
        for line in _wrap(draw, detail, 38, WIDTH - 2 * MARGIN, 1):
            draw.text((MARGIN, y), line, font=_font(38), fill=110)
    draw.text((MARGIN, HEIGHT - BAND + 38), site_name, font=_font(40), fill=255)
    if host:
        length = draw.textlength(host, font=_font(30))
        draw.text((WIDTH - MARGIN - length, HEIGHT - BAND + 46), host, font=_font(30), fill=230)
    card = Image.frombytes("P", grey.size, grey.tobytes())
    card.putpalette(PALETTE)
    out = io.BytesIO()
    card.save(out, "PNG", compress_level=6)
    return out.getvalue()


def prepare() -> None:
    """Draw a card and throw it away: Pillow's modules, its PNG writer and the fonts of every
    size loaded before a card is needed. The preview does this on a thread of its own after its
    first build, so that the first edit that changes a card does not wait for them."""
    draw_card("Radicale vernieuwing", "Thema", "Voorbeeld", "Radicale vernieuwing", "example.org")
    _font(60)  # the size of long titles


_MEMORY: dict[str, bytes] = {}


def card(title: str, kind: str, detail: str, site_name: str, host: str, *, use_cache: bool = True) -> bytes:
    """`draw_card`, cached by a hash of its inputs, the layout and Pillow's version."""
    key = hashlib.sha256("\0".join((LAYOUT, PILLOW_VERSION, title, kind, detail, site_name, host))
                         .encode("utf-8")).hexdigest()
    if use_cache and key in _MEMORY:
        return _MEMORY[key]
    folder = cache_folder("deelkaarten") if use_cache else None
    file = folder / key[:2] / f"{key}.png" if folder else None
    data = b""
    if file is not None:
        try:
            data = file.read_bytes()
        except OSError:
            data = b""
    if not data:
        data = draw_card(title, kind, detail, site_name, host)
        if file is not None:
            try:  # a cache that cannot be written only costs time
                file.parent.mkdir(parents=True, exist_ok=True)
                temporary = file.with_suffix(f".{os.getpid()}.tmp")
                temporary.write_bytes(data)
                temporary.replace(file)
            except OSError:
                pass
    if use_cache:
        if len(_MEMORY) > 20_000:
            _MEMORY.clear()
        _MEMORY[key] = data
    return data


__all__ = ["card", "draw_card", "WIDTH", "HEIGHT"]
