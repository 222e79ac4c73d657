"""The command line's help in the interface language.

The commands are declared with English help (the library's words, as its errors are); each text
is registered with its Chinese wording by `said`, and the help formatter writes the wording of
the language asked for (--lang, $REPORTDIFF_LANG, Chinese by default), click's own headings too.
Chinese is wrapped by display width: a CJK character takes two columns of a terminal, and
click measures text in characters.
"""
from __future__ import annotations

import inspect
import re
from collections.abc import Iterable

import click

from .render.text import width as columns_of

_ZH: dict[str, str] = {}
# click's own strings, as its help writes them.
_ZH.update({
    "Show this message and exit.": "显示本帮助并退出。",
    "Usage:": "用法：",
    "Options": "选项",
    "Commands": "命令",
    "Positional arguments": "参数",
    "[OPTIONS]": "[选项]",
    "COMMAND [ARGS]...": "命令 [参数]...",
    "Examples:": "示例：",
})
_EXTRA = re.compile(r"\s*\[(?:default: (?P<default>[^\]]+)|(?P<required>required))\]$")
# A line may not begin with these (closing punctuation stays with what it closes).
_NO_LINE_START = set("，。、；：？！）》”’」』,.;:?!)")


def said(english: str, chinese: str) -> str:
    """`english`, registered with its Chinese wording for the help formatter."""
    _ZH[inspect.cleandoc(english)] = chinese.strip("\n")
    return english


def _units(line: str) -> list[str]:
    """Where a line may break: between CJK characters and at spaces, never inside an ASCII word."""
    return re.findall(r"[!-~]+|\s+|.", line)


def _wrap(text: str, width: int) -> list[str]:
    """Greedy wrapping by display width; a unit wider than the line goes on a line of its own."""
    lines: list[str] = []
    for source in text.splitlines() or [""]:
        line = ""
        for unit in _units(source):
            if line and columns_of(line + unit.rstrip()) > width and unit[0] not in _NO_LINE_START and not unit.isspace():
                lines.append(line.rstrip())
                line = ""
            if line or not unit.isspace():
                line += unit
        lines.append(line.rstrip())
    return lines


class Formatter(click.HelpFormatter):
    """click's help layout, in the language `lang`."""

    def __init__(self, lang: str, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.lang = lang

    def said(self, text: str) -> str:
        return _ZH.get(text, text) if self.lang == "zh" else text

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if self.lang == "zh":
            args = args.replace("[OPTIONS]", _ZH["[OPTIONS]"]).replace("COMMAND [ARGS]...", _ZH["COMMAND [ARGS]..."])
            prefix = prefix or _ZH["Usage:"]
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        if self.lang == "zh":
            self.write(f"{'':>{self.current_indent}}{self.said(heading)}：\n")
        else:
            super().write_heading(heading)

    def write_text(self, text: str) -> None:
        if self.lang != "zh":
            return super().write_text(text)
        indent, width = " " * self.current_indent, self.width - self.current_indent
        paragraphs = []
        for paragraph in self.said(text).split("\n\n"):
            if paragraph.startswith("\b"):  # a block written as it should appear, as click keeps it
                lines = [self._line(line) for line in paragraph[1:].strip("\n").splitlines()]
            else:
                lines = _wrap(paragraph.replace("\n", " " if paragraph.isascii() else ""), width)
            paragraphs.append("".join(f"{indent}{line}\n" for line in lines))
        self.write("\n".join(paragraphs))

    def _line(self, line: str) -> str:
        """A line of an example block: its words after two spaces worded where they are registered."""
        code, gap, words = line.rpartition("  ")
        return f"{code}{gap}{_ZH[words.strip()]}" if gap and words.strip() in _ZH else _ZH.get(line.strip(), line)

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        if self.lang != "zh":
            return super().write_dl(rows, col_max, col_spacing)
        rows = [(first, self._help(second)) for first, second in rows]
        first_col = min(max(len(first) for first, _ in rows), col_max) + col_spacing
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            lines = _wrap(second, max(self.width - first_col - self.current_indent - 2, 20)) if second else []
            if not lines:
                self.write("\n")
                continue
            if len(first) <= first_col - col_spacing:
                self.write(" " * (first_col - len(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n")

    def _help(self, text: str) -> str:
        """An option's help with click's [default: …] or [required] after it, worded."""
        extra = _EXTRA.search(text)
        own = self.said(text[: extra.start()] if extra else text)
        if extra is None:
            return own
        if extra["required"]:
            return f"必需：{own}"
        note = f"（默认：{extra['default']}）"
        return own[:-1] + note + "。" if own.endswith("。") else own + note


class Context(click.Context):
    """A context whose help speaks the language of the run (its root's `obj`)."""

    def make_formatter(self) -> click.HelpFormatter:
        return Formatter(self.find_root().obj or "zh", width=self.terminal_width, max_width=self.max_content_width)


def in_chinese(chinese: str):
    """A command function's docstring (its help), registered with its Chinese wording."""

    def register(function):
        said(function.__doc__ or "", chinese)
        return function

    return register
