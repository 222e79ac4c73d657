"""Stage 1 — load: bytes on disk → the report's text.

Decodes whatever encoding the file is in, extracts text from web pages, and
drops the navigation and footer that a saved web page carries around the
report. Everything that makes a file unreadable becomes a ReportdiffError
with a sentence the user can act on.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from charset_normalizer import from_bytes

from .errors import ReportdiffError

MAX_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


@dataclass(frozen=True)
class Source:
    """A report's text as loaded, before any cleaning."""

    path: str
    text: str
    format: str  # "txt" | "md" | "html"


def load(path: str | Path) -> Source:
    """Read a report file and return its text."""
    path = Path(path)
    if path.is_dir():
        raise ReportdiffError(f"{path} is a directory, not a report file")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReportdiffError(f"{path}: no such file") from None
    except OSError as exc:
        raise ReportdiffError(f"{path}: cannot read ({exc.strerror or exc})") from None
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise ReportdiffError(
            f"{path}: unsupported file type '{suffix}' (use .txt, .md or .html)"
        )
    text = decode(data, str(path))
    fmt = "md" if suffix in {".md", ".markdown"} else "txt"
    if suffix in HTML_SUFFIXES or _looks_like_html(text):
        text, fmt = html_to_text(text), "html"
    text = strip_web_boilerplate(text)
    if not re.search(r"[\u4e00-\u9fff]", text):
        raise ReportdiffError(f"{path}: contains no Chinese text; is this a report?")
    return Source(path=str(path), text=text, format=fmt)


def decode(data: bytes, name: str = "input") -> str:
    """Decode report bytes: BOMs first, then strict UTF-8, then detection."""
    if not data.strip():
        raise ReportdiffError(f"{name}: file is empty")
    if len(data) > MAX_BYTES:
        raise ReportdiffError(
            f"{name}: file is too large ({len(data) // 2**20} MiB; the limit is "
            f"{MAX_BYTES // 2**20} MiB)"
        )
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _strict(data, encoding, name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
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

    SKIP = {"script", "style", "nav", "header", "footer", "aside", "noscript", "form", "button", "select"}
    BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "table"}

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
# open a site's footer (disclaimers, permalinks, comment boxes, paging links)
# and the short lines of a navigation bar.
_FOOTER = re.compile(
    r"^\s*(本文仅代表作者观点|本文地址|免责声明|版权所有|留言与评论|上一篇|下一篇|"
    r"责任编辑|分享到|打印本页|关闭窗口|【打印】|相关阅读|相关文章|扫一扫)"
)
_NAV = re.compile(r"^\s*(导航菜单|首页|网站首页|当前位置|您的位置|登录|注册|搜索|返回顶部)\s*$|.+\s*[>›»]\s*.+\s*[>›»]")


def strip_web_boilerplate(text: str) -> str:
    """Drop a web page's navigation (top) and footer (bottom) around the report."""
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
    return "\n".join(lines[start:end])
