"""Contributed PDFs are opened by a real PDF library and published only as rewritten.

Byte patterns cannot see a PDF's active parts: names may be written with '#xx' escapes
('/J#61vaScript'), objects may sit in compressed object streams, and an update appended
after '%%EOF' replaces what came before. So every download is parsed by qpdf (pikepdf),
which reads escapes, object streams and updates as a PDF reader does, and is written anew
without anything a reader runs or opens: no actions but going to a page of the document or
to an http(s) address, no JavaScript, no launch, no forms, no embedded files, no media or
file-attachment annotations, no encryption. The site publishes only that rewritten file
(`clean_pdf`), and the rewritten file is parsed again and scanned: should anything of the
kind be left, the file is refused rather than published.

Deterministic: the same input gives the same bytes (qpdf's /ID from the content, never the
clock; the document's own dates are kept as they are, no date is added).
"""

from __future__ import annotations

import hashlib
import io
import re

import pikepdf

# Dictionary keys whose value a reader runs, fills in, opens or plays: removed wherever they are.
_ACTIVE_KEYS = ("/OpenAction", "/AA", "/JS", "/JavaScript", "/AcroForm", "/XFA", "/EmbeddedFiles",
                "/EmbeddedFile", "/EF", "/RichMediaContent", "/RichMediaSettings")
# Annotations that play, attach or fill in something: removed from every page.
_ACTIVE_ANNOTATIONS = ("/FileAttachment", "/Sound", "/Movie", "/Screen", "/RichMedia", "/Widget", "/3D")
_SAFE_URI = re.compile(r"^https?://[^\s/\\]", re.IGNORECASE)
_CONTAINERS = (pikepdf.Dictionary, pikepdf.Array, pikepdf.Stream)
_CACHE: dict[bytes, bytes] = {}  # sha256 of a contributed file → its rewritten bytes
_CACHE_LIMIT = 64


class UnreadablePdf(ValueError):
    """The file cannot be opened as a PDF, is locked with a password, or keeps active content."""


def _allowed_action(action: object) -> bool:
    """Going to a page of this document, or to an http(s) address; nothing else."""
    if not isinstance(action, pikepdf.Dictionary):
        return False
    kind = action.get("/S")
    if kind == pikepdf.Name("/GoTo"):
        return True
    if kind == pikepdf.Name("/URI"):
        uri = action.get("/URI")
        text = bytes(uri).decode("latin-1") if isinstance(uri, pikepdf.String) else ""
        return bool(_SAFE_URI.match(re.sub(r"[\x00-\x20\x7f]", "", text)))
    return False


def _clean(value: object, seen: set[tuple[int, int]]) -> None:
    """Remove active content from a dictionary or array and everything directly inside it."""
    if isinstance(value, pikepdf.Stream):
        _clean(value.stream_dict, seen)
        return
    if isinstance(value, pikepdf.Dictionary):
        if value.is_indirect:
            if value.objgen in seen:
                return
            seen.add(value.objgen)
        for key in _ACTIVE_KEYS:
            if key in value:
                del value[key]
        if "/A" in value and not _allowed_action(value.get("/A")):
            del value["/A"]
        if "/S" in value and "/Next" in value:  # an action: no chain of further actions
            del value["/Next"]
        if isinstance(value.get("/Annots"), pikepdf.Array):
            value["/Annots"] = pikepdf.Array(
                [a for a in value["/Annots"] if not (isinstance(a, pikepdf.Dictionary)
                                                     and a.get("/Subtype") in [pikepdf.Name(n) for n in _ACTIVE_ANNOTATIONS])])
        for key in list(value.keys()):
            child = value.get(key)
            if isinstance(child, _CONTAINERS) and not child.is_indirect:
                _clean(child, seen)
    elif isinstance(value, pikepdf.Array):
        for child in value:
            if isinstance(child, _CONTAINERS) and not child.is_indirect:
                _clean(child, seen)


def active_parts(pdf: pikepdf.Pdf) -> list[str]:
    """What a reader could run or open in a parsed PDF (empty when nothing): for the check
    after rewriting, and for tests."""
    found: list[str] = []

    def scan(value: object, depth: int = 0) -> None:
        if depth > 50:
            return
        if isinstance(value, pikepdf.Stream):
            scan(value.stream_dict, depth + 1)
        elif isinstance(value, pikepdf.Dictionary):
            found.extend(key for key in _ACTIVE_KEYS if key in value)
            if "/A" in value and not _allowed_action(value.get("/A")):
                found.append("/A")
            if "/S" in value and "/Next" in value:
                found.append("/Next")
            if value.get("/Subtype") in [pikepdf.Name(n) for n in _ACTIVE_ANNOTATIONS]:
                found.append(str(value.get("/Subtype")))
            for key in value.keys():
                child = value.get(key)
                if not getattr(child, "is_indirect", False):
                    scan(child, depth + 1)
        elif isinstance(value, pikepdf.Array):
            for child in value:
                if not getattr(child, "is_indirect", False):
                    scan(child, depth + 1)

    for obj in pdf.objects:
        scan(obj)
    scan(pdf.trailer)
    return found


def clean_pdf(data: bytes) -> bytes:
    """The PDF rewritten without active content (see the module's docstring); raises
    UnreadablePdf when it cannot be."""
    digest = hashlib.sha256(data).digest()
    if digest in _CACHE:
        return _CACHE[digest]
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            seen: set[tuple[int, int]] = set()
            for obj in list(pdf.objects):
                _clean(obj, seen)
            _clean(pdf.trailer, seen)
            _clean(pdf.Root, seen)
            out = io.BytesIO()
            pdf.save(out, encryption=False, deterministic_id=True, fix_metadata_version=False,
                     compress_streams=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
        result = out.getvalue()
        with pikepdf.open(io.BytesIO(result)) as check:  # read back: nothing active is left
            left = active_parts(check)
    except pikepdf.PasswordError as error:
        raise UnreadablePdf("password") from error
    except UnreadablePdf:
        raise
    except Exception as error:  # qpdf raises many kinds for a broken or hostile file
        raise UnreadablePdf(type(error).__name__) from error
    if left:
        raise UnreadablePdf("active content left: " + ", ".join(sorted(set(left))))
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    _CACHE[digest] = result
    return result
