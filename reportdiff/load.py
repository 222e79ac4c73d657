"""Stage 1 — load: bytes on disk → the report's text.

Decodes whatever encoding the file is in, extracts text from web pages, and
drops the navigation and footer that a saved web page carries around the
report. Everything that makes a file unreadable becomes a ReportdiffError
with a sentence the user can act on.
"""
from __future__ import annotations

import codecs
import re
import stat
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

from .errors import ReportdiffError, shown

# Limits a run really handles: every stage grows linearly, and a pair of
# reports at MAX_CHARS each finishes in well under a minute (bench/run.py).
# A national report is about 20,000 characters, a five-year plan 100,000.
MAX_CHARS = 1_000_000
MAX_TEXT_BYTES = 4 * MAX_CHARS  # UTF-8 takes 3 bytes a character, markup more
MAX_OFFICE_BYTES = 64 * 2**20  # .docx and .pdf carry fonts and images besides text
MAX_DOCX_XML_BYTES = 32 * 2**20  # a .docx's XML once unpacked: about 10–30 bytes a character
MAX_PAGES = 2000
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
OFFICE_SUFFIXES = {".docx", ".pdf"}
# Characters that steer a terminal or reorder text on screen; never part of a report.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


@dataclass(frozen=True)
class Source:
    """A report's text as loaded, before any cleaning."""

    path: str
    text: str
    format: str  # "txt" | "md" | "html" | "docx" | "pdf"


def load(path: str | Path) -> Source:
    """Read a report file and return its text.

    The file is looked at (stat) before it is opened: a FIFO would block, a
    device such as /dev/zero never ends, and a file over the size limit is
    refused before a byte is read.
    """
    path = Path(path)
    name = shown(path)
    suffix = path.suffix.lower()
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ReportdiffError(f"{name}: no such file") from None
    except OSError as exc:
        raise ReportdiffError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise ReportdiffError(f"{name} is a directory, not a report file")
    for test, kind in _KINDS:
        if test(info.st_mode):
            raise ReportdiffError(f"{name} is {kind}, not a report file")
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES | OFFICE_SUFFIXES:
        raise ReportdiffError(f"{name}: unsupported file type '{shown(suffix)}' (use .txt, .md, .html, .docx or .pdf)")
    limit = MAX_OFFICE_BYTES if suffix in OFFICE_SUFFIXES else MAX_TEXT_BYTES
    if info.st_size > limit:
        raise ReportdiffError(f"{name}: file is too large ({_mib(info.st_size)}; the limit is {_mib(limit)})")
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)  # bounded even if the file grows while we read
    except OSError as exc:
        raise ReportdiffError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise ReportdiffError(f"{name}: file is too large (over {_mib(limit)})")
    if not data.strip():
        raise ReportdiffError(f"{name}: file is empty")
    if suffix == ".docx":
        text, fmt = docx_to_text(data, name), "docx"
    elif suffix == ".pdf":
        text, fmt = pdf_to_text(data, name), "pdf"
    else:
        text = decode(data, name)
        fmt = "md" if suffix in {".md", ".markdown"} else "txt"
        if suffix in HTML_SUFFIXES or _looks_like_html(text):
            text, fmt = html_to_text(text), "html"
    text = _CONTROL.sub("", strip_web_boilerplate(text))
    if len(text) > MAX_CHARS:
        raise ReportdiffError(f"{name}: the report is too long ({len(text):,} characters; the limit is {MAX_CHARS:,})")
    if not re.search(r"[\u4e00-\u9fff]", text):
        raise ReportdiffError(f"{name}: contains no Chinese text; is this a report?")
    return Source(path=str(path), text=text, format=fmt)


def _mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB" if size < 10 * 2**20 else f"{size // 2**20} MiB"


def decode(data: bytes, name: str = "input") -> str:
    """Decode report bytes: BOMs first, then strict UTF-8, then detection."""
    if not data.strip():
        raise ReportdiffError(f"{name}: file is empty")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _strict(data, encoding, name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _mostly_utf8(data):
            # UTF-8 with a flaw (often a file cut mid-character): say where, rather than
            # guess another encoding that would turn the whole report into nonsense.
            end = " (the file ends in the middle of a character: truncated?)" if exc.end >= len(data) - 1 else ""
            raise ReportdiffError(f"{name}: not valid UTF-8 at byte {exc.start}{end}") from None
        from charset_normalizer import from_bytes  # only for a file that is not UTF-8: most are

        match = from_bytes(data).best()
        if match is None or match.encoding in {"ascii"}:
            raise ReportdiffError(
                f"{name}: looks like a binary file, not text "
                "(save the report as .txt, .md or .html)"
            ) from None
        text = str(match)
    if _control_ratio(text) > 0.01:
        raise ReportdiffError(
            f"{name}: looks like a binary file, not text "
            "(save the report as .txt, .md or .html)"
        )
    return text


def _mostly_utf8(data: bytes) -> bool:
    """Valid UTF-8 but for a few bytes, and Chinese: another encoding read as UTF-8 breaks everywhere."""
    text = data.decode("utf-8", errors="replace")
    flaws = text.count("\ufffd")
    return flaws <= max(3, len(text) // 1000) and len(re.findall(r"[\u4e00-\u9fff]", text)) > 10 * flaws


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise ReportdiffError(
            f"{name}: damaged {encoding} text (the file may be truncated or corrupt)"
        ) from None


def _control_ratio(text: str) -> float:
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f")
    return controls / max(len(text), 1)


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head


class _TextExtractor(HTMLParser):
    """Collects the visible text of a page, one block element per line."""

    SKIP: ClassVar = frozenset({"script", "style", "nav", "header", "footer", "aside", "noscript", "form", "button", "select"})
    BLOCK: ClassVar = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n")
        elif tag in {"td", "th"}:
            self.parts.append("\t")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(re.sub(r"[ \r\n]+", " ", data))


def html_to_text(html: str) -> str:
    """The visible text of a web page, without scripts, styles and navigation."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    lines = [line.strip(" ") for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# A saved web page wraps the report in site chrome. These are the phrases that
# open a site's footer (disclaimers, permalinks, comment boxes, paging links,
# lists of related stories) and the short lines of a navigation bar.
_FOOTER = re.compile(
    r"^\s*(本文仅代表作者观点|本文地址|免责声明|版权所有|留言与评论|上一篇|下一篇|"
    r"责任编辑|分享到|打印本页|关闭窗口|【打印】|相关阅读|相关文章|扫一扫|相关报道|相关新闻|相关文档|延伸阅读)"
)
_NAV = re.compile(r"^\s*(导航菜单|首页|网站首页|当前位置|您的位置|登录|注册|搜索|返回顶部)\s*$|.+\s*[>›»]\s*.+\s*[>›»]")
# The page tools and story data around a news page's headline: 下载 打印 全屏 收藏
# 【字号：加大 还原 减小】, 来源：… 时间：…, a time stamp, a photo caption.
_CHROME = re.compile(
    r"(下载|打印|全屏|收藏|分享|加大|还原|减小|[大中小×>›»【】]|【?字[号体][:：]?|首页|当前位置[:：]?|您的位置[:：]?|"
    r"(来源|时间|发表时间|发布时间|阅读量|作者|编辑|责任编辑)[:：]?)"
)
_STORY_DATA = re.compile(
    r"(来源|时间|发表时间|发布时间|阅读量|作者|编辑|责任编辑)[:：].{0,30}|\d{4}-\d{1,2}-\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?|"
    r".{0,40}记者\s*[\u4e00-\u9fff·]{2,5}(\s*摄)?"
)
# What a page leaves after the report's last paragraph: tools, story data, links.
_TRAILER = re.compile(rf"{_CHROME.pattern}|{_STORY_DATA.pattern}|[(（]来源[:：].{{0,30}}[)）]|[|｜]|.{{0,20}}点击.{{0,20}}")
_LABEL = re.compile(r"(来源|时间|发表时间|发布时间|阅读量|作者|编辑)[:：]")
_TITLE_LINE = re.compile(r"[^。，！：:]{0,40}(报告|纲要|规划)[^。，！]{0,10}")


def strip_web_boilerplate(text: str) -> str:
    """Drop a web page's navigation and page tools (top) and footer (bottom) around the report."""
    lines = text.split("\n")
    start = scan = 0
    while scan < len(lines) and (not lines[scan].strip() or (_NAV.match(lines[scan]) and len(lines[scan].strip()) <= 40)):
        scan += 1
        if lines[scan - 1].strip():
            start = scan  # keep the file as it is unless there was navigation to drop
    end = len(lines)
    for i in range(len(lines) - 1, start, -1):
        if i < len(lines) * 0.5:
            break
        if _FOOTER.match(lines[i]):
            end = i
    body = _without_page_chrome(lines[start:end])
    while True:
        last = next((i for i in range(len(body) - 1, -1, -1) if body[i].strip()), None)
        if last is None or not _TRAILER.fullmatch(body[last].strip()):
            return "\n".join(body)
        del body[last:]


def _without_page_chrome(lines: list[str]) -> list[str]:
    """The report's front without a news page's tools, story data and captions.

    The front runs to the salutation (各位代表) or the first heading. Before the
    headline only short lines stand (tools, breadcrumbs such as 政务信息 > 宁夏要闻);
    after it, story data (来源：…, a time stamp; a bare label takes the next line as
    its value) and photo captions (…记者 李森 摄). A title repeated as the last
    line of the page goes too.
    """
    stripped = [line.strip() for line in lines]
    front_end = next((i for i, line in enumerate(stripped[:80]) if line.startswith("各位代表") or re.match(r"[一二三四五六七八九十]+、", line)), None)
    if front_end is None:
        return lines
    title = next((i for i in range(front_end) if _TITLE_LINE.fullmatch(stripped[i])), None)
    drop: set[int] = set()
    if title is not None and all(len(stripped[i]) <= 12 for i in range(title)):
        drop.update(range(title))
    for i in range(front_end):
        line = stripped[i]
        if _CHROME.fullmatch(line) or _STORY_DATA.fullmatch(line) and i != title:
            drop.add(i)
            if _LABEL.fullmatch(line) and i + 1 < front_end:
                drop.add(i + 1)
    last = next((i for i in range(len(lines) - 1, -1, -1) if stripped[i]), None)
    if title is not None and last is not None and last > front_end and stripped[last] == stripped[title]:
        drop.update(range(last, len(lines)))
    return [line for i, line in enumerate(lines) if i not in drop]


def docx_to_text(data: bytes, name: str) -> str:
    """Paragraphs and tables of a Word file, in document order; tables tab-separated."""
    import io
    import zipfile

    from docx import Document as WordDocument
    from docx.table import Table as WordTable
    from docx.text.paragraph import Paragraph

    try:
        unpacked = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(data)).infolist() if i.filename.endswith((".xml", ".rels")))
    except (zipfile.BadZipFile, ValueError):
        raise ReportdiffError(f"{name}: not a readable .docx (not a Word file, or cut short); re-save it from Word or export it as .txt") from None
    if unpacked > MAX_DOCX_XML_BYTES:
        raise ReportdiffError(f"{name}: the .docx unpacks to {_mib(unpacked)} of XML (the limit is {_mib(MAX_DOCX_XML_BYTES)})")
    try:
        word = WordDocument(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError):
        raise ReportdiffError(f"{name}: not a readable .docx (not a Word file, or cut short); re-save it from Word or export it as .txt") from None
    except Exception:  # python-docx raises lxml and package errors of many kinds
        raise ReportdiffError(f"{name}: damaged .docx (its contents cannot be read); re-save it from Word or export it as .txt") from None
    lines: list[str] = []
    for block in word.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, word).text)
        elif tag == "tbl":
            for row in WordTable(block, word).rows:
                lines.append("\t".join(cell.text.replace("\n", "") for cell in row.cells))
    return "\n\n".join(lines)


_PAGE_NUMBER = re.compile(r"^\s*(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|\d{1,4})\s*$")


def pdf_to_text(data: bytes, name: str) -> str:
    """The text layer of a PDF, in reading order, without running headers, footers
    and page numbers; the clean stage rejoins lines broken at page ends."""
    import io
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # pypdf logs what it repairs or gives up on (EOF marker not found …) as warnings, which
    # with no logging set up reach stderr: a damaged file is said once, in its own words.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise ReportdiffError(f"{name}: the PDF is encrypted; open it with its password and save an unprotected copy")
            except ReportdiffError:
                raise
            except Exception:
                raise ReportdiffError(f"{name}: the PDF is encrypted; open it with its password and save an unprotected copy") from None
        if len(reader.pages) > MAX_PAGES:
            raise ReportdiffError(f"{name}: the PDF has {len(reader.pages):,} pages (the limit is {MAX_PAGES:,})")
        # Layout mode keeps each line's indentation: Chinese typesetting indents
        # the first line of a paragraph (首行缩进), which tells where one starts.
        pages = [page.extract_text(extraction_mode="layout") or "" for page in reader.pages]
    except ReportdiffError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        raise ReportdiffError(f"{name}: damaged PDF (its contents cannot be read); download it again or export it as .txt") from None
    if not re.search(r"[\u4e00-\u9fff]", "".join(pages)):
        raise ReportdiffError(f"{name}: the PDF has no text layer (a scan?); run OCR on it first, e.g. ocrmypdf -l chi_sim")
    repeated = _running_lines(pages)
    lines = [
        line.rstrip()
        for page in pages
        for line in page.splitlines()
        if line.strip() and line.strip() not in repeated and not _PAGE_NUMBER.match(line)
    ]
    return _unwrap(lines)


_PARAGRAPH_OPENER = re.compile(r"[一二三四五六七八九十]是|[^，,。；;：:]{2,24}。")


def _unwrap(lines: list[str]) -> str:
    """Join the lines a PDF wrapped at the right margin into paragraphs.

    Where the document indents first lines, an indented line starts a
    paragraph and a flush one continues it. Without indents, a line as long
    as the page allows was cut by the layout, unless the next one opens like
    a paragraph (一是…, a short lead sentence). Numbered headings always
    start anew.
    """
    from .clean import fold
    from .numbering import match as numbered

    if not lines:
        return ""
    indents = [len(line) - len(line.lstrip()) for line in lines]
    base = min(indents)
    indented = sum(1 for i in indents if i > base) >= max(2, len(lines) // 20)
    texts = [line.strip() for line in lines]
    widths = sorted(len(t) for t in texts)
    full = widths[int(len(widths) * 0.9)]
    out = [texts[0]]
    for text, indent in zip(texts[1:], indents[1:]):
        heading = numbered(fold(text)) or text.startswith(("▲", "附件")) or numbered(fold(out[-1])) and len(out[-1]) < 40
        if indented:
            joins = indent == base and not heading
        else:
            opens = out[-1].endswith(("。", "！", "？", "；", ";")) and _PARAGRAPH_OPENER.match(text)
            joins = len(out[-1]) >= full * 0.9 and not opens and not heading
        if joins:
            out[-1] += text
        else:
            out.append(text)
    return "\n".join(out)


def _running_lines(pages: list[str]) -> set[str]:
    """Lines at the top or bottom of most pages: running headers and footers."""
    if len(pages) < 3:
        return set()
    counts: dict[str, int] = {}
    for page in pages:
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        for line in set(lines[:2] + lines[-2:]):
            counts[line] = counts.get(line, 0) + 1
    return {line for line, n in counts.items() if n >= max(3, len(pages) * 0.6) and len(line) <= 40}
