"""A report read through stages 1–3: its source, cleaned text, outline, metadata."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .clean import CleanText, clean
from .load import Source, load
from .metadata import Metadata, describe
from .structure import Outline, Section, parse


@dataclass(frozen=True)
class Document:
    source: Source
    clean: CleanText
    outline: Outline
    meta: Metadata

    @property
    def text(self) -> str:
        return self.clean.text

    @property
    def sections(self) -> list[Section]:
        return self.outline.sections

    def span_text(self, start: int, end: int) -> str:
        """The exact source text behind a cleaned span (for evidence)."""
        return self.clean.original(start, end)


def read(path: str | Path) -> Document:
    """Load, clean and parse one report."""
    return from_source(load(path))


def from_source(source: Source) -> Document:
    cleaned = clean(source.text)
    outline = parse(cleaned)
    return Document(source, cleaned, outline, describe(cleaned, outline))
