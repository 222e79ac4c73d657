"""Word and PDF versions of a seed give the same sections and numbers as its .txt (issue 9)."""
from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from reportdiff.document import read
from reportdiff.errors import ReportdiffError
from reportdiff.numbers import match

from .conftest import seed, seed_path


def _paragraphs(prefix: str) -> list[str]:
    """The seed's paragraphs as a person would type them into Word (markdown removed)."""
    text = seed_path(prefix).read_text(encoding="utf-8")
    text = re.sub(r"^#+\s*", "", text, flags=re.M).replace("**", "")
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def make_docx(prefix: str, path: Path) -> Path:
    from docx import Document as WordDocument

    word = WordDocument()
    rows: list[list[str]] = []
    for para in [*_paragraphs(prefix), ""]:
        if "\t" in para:
            rows += [line.split("\t") for line in para.split("\n")]
            continue
        if rows:
            width = max(len(r) for r in rows)
            table = word.add_table(rows=len(rows), cols=width)
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
            rows = []
        if not para:
            continue
        style = "Heading 1" if re.match(r"[一二三四五六七八九十]、", para) else "Heading 2" if re.match(r"[（(][一二三四五六七八九十]+[）)]", para) and len(para) < 40 else None
        word.add_paragraph(para, style=style)
    word.save(path)
    return path


def make_pdf(prefix: str, path: Path) -> Path:
    """A text-layer PDF typeset like a government document: running header, page
    numbers, lines wrapped at 36 characters, each paragraph's first line indented
    by two characters (首行缩进)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path), pagesize=A4)
    width, height = A4
    lines: list[tuple[int, str]] = []
    for para in _paragraphs(prefix):
        if "\t" in para:
            continue  # tables are checked through the Word file
        wrapped = textwrap.wrap(para, 36, initial_indent="  ") or [para]
        lines += [(24 if i == 0 else 0, line.strip()) for i, line in enumerate(wrapped)]
    page, y = 1, None

    def start_page():
        pdf.setFont("STSong-Light", 9)
        pdf.drawString(72, height - 40, "湛河区人民政府文件")
        pdf.drawCentredString(width / 2, 30, f"- {page} -")
        pdf.setFont("STSong-Light", 12)
        return height - 72

    y = start_page()
    for indent, line in lines:
        if y < 60:
            pdf.showPage()
            page += 1
            y = start_page()
        pdf.drawString(60 + indent, y, line)
        y -= 18
    pdf.save()
    return path


def outline(doc):
    return [(s.level, s.heading.replace(" ", "")) for s in doc.outline.walk()]


@pytest.mark.parametrize("prefix", ["000", "004"])
def test_docx_gives_the_same_sections_and_numbers(tmp_path, prefix):
    doc = read(make_docx(prefix, tmp_path / f"{prefix}.docx"))
    assert doc.source.format == "docx"
    assert outline(doc) == outline(seed(prefix))
    if prefix == "000":
        assert len(doc.outline.tables) == 1 and len(doc.outline.tables[0].rows) == len(seed("000").outline.tables[0].rows)


def test_docx_number_pairs_match_the_txt(tmp_path):
    old = read(make_docx("000", tmp_path / "000.docx"))
    via_docx = {(p.indicator, p.kind, p.measure, p.old.value, p.new.value) for p in match(old, seed("001")).pairs}
    via_txt = {(p.indicator, p.kind, p.measure, p.old.value, p.new.value) for p in match(seed("000"), seed("001")).pairs}
    assert via_docx == via_txt


@pytest.mark.parametrize("prefix", ["000", "004"])
def test_pdf_gives_the_same_sections(tmp_path, prefix):
    doc = read(make_pdf(prefix, tmp_path / f"{prefix}.pdf"))
    assert doc.source.format == "pdf"
    assert "湛河区人民政府文件" not in doc.text and "- 2 -" not in doc.source.text
    assert outline(doc) == outline(seed(prefix))


def test_pdf_number_pairs_match_the_txt_text_figures(tmp_path):
    old = read(make_pdf("000", tmp_path / "000.pdf"))
    def text_pairs(o):
        return {(p.indicator, p.kind, p.measure, p.old.value, p.new.value) for p in match(o, seed("001")).pairs if p.old.source == "text"}
    assert text_pairs(old) == text_pairs(seed("000"))


def test_scanned_pdf_without_text_layer(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.rect(100, 100, 300, 300, fill=1)  # an image-like page: no text at all
    pdf.save()
    with pytest.raises(ReportdiffError, match=r"no text layer.*OCR"):
        read(path)


def test_encrypted_pdf(tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf("004", tmp_path / "plain.pdf")
    writer = PdfWriter()
    for page in PdfReader(plain).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    locked = tmp_path / "locked.pdf"
    with open(locked, "wb") as handle:
        writer.write(handle)
    with pytest.raises(ReportdiffError, match="encrypted"):
        read(locked)


@pytest.mark.parametrize("content", [b"PK\x03\x04 not really a zip", b"plain text pretending to be Word"])
def test_corrupt_docx(tmp_path, content):
    path = tmp_path / "broken.docx"
    path.write_bytes(content)
    with pytest.raises(ReportdiffError, match=r"\.docx"):
        read(path)


def test_corrupt_pdf_via_cli(tmp_path, run_cli):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n garbage garbage")
    code, _, err = run_cli(str(path), str(seed_path("001")))
    assert code != 0 and "Traceback" not in err and err.strip().startswith("reportdiff:")



def test_a_corrupt_pdf_is_said_in_one_line(tmp_path):
    """In a fresh process, where pypdf's warnings (EOF marker not found) would reach stderr."""
    import subprocess
    import sys

    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n garbage garbage")
    done = subprocess.run([sys.executable, "-m", "reportdiff", str(path), str(seed_path("001")), "-o", str(tmp_path / "r.html")], capture_output=True, text=True)
    assert done.returncode == 1 and len(done.stderr.strip().splitlines()) == 1, done.stderr


def test_html_version_of_a_seed_gives_the_same_sections(tmp_path):
    import html as html_module

    body = "".join(f"<p>{html_module.escape(p)}</p>\n" for p in _paragraphs("000") if "\t" not in p)
    page = f"<!DOCTYPE html><html><head><title>报告</title></head><body><nav>首页 &gt; 政府信息公开</nav>{body}<footer>版权所有</footer></body></html>"
    path = tmp_path / "000.html"
    path.write_text(page, encoding="utf-8")
    doc = read(path)
    assert doc.source.format == "html"
    assert outline(doc) == outline(seed("000"))


@pytest.mark.parametrize(
    "written, quoted",
    [("美丽庭院5000余户", "5000余户"), ("投资超2700亿元", "超2700亿元"), ("推广约30万辆", "约30万辆"),
     ("失业率控制在5%以内", "5%以内"), ("增长6%左右", "6%左右"), ("力争增长6%", "6%")],
)
def test_a_figure_is_quoted_with_its_qualifier_where_the_report_writes_it(written, quoted):
    """The number table is quoted as fact: 超2700亿元 is not 2700亿元, 5000余户 not 5000户余."""
    from reportdiff.document import from_source
    from reportdiff.load import Source
    from reportdiff.numbers import extract
    from reportdiff.present import figure

    doc = from_source(Source("x.txt", f"2026年政府工作报告\n\n一、2025年工作回顾\n\n{written}。\n", "txt"))
    assert [figure(q) for q in extract(doc)] == [quoted]
