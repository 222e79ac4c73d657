"""A report read through stages 1–3: its source, cleaned text, outline, metadata."""
from __future__ import annotations

import functools
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .clean import CleanText, clean
from .load import Source, load
from .metadata import Metadata, describe
from .structure import Outline, Section, parse

if TYPE_CHECKING:
    from .cache import ObjectCache
    from .tokens import Tokens


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


T = TypeVar("T")
_KEPT = 8  # documents whose findings are kept: a pair, the pairs on either side, a track of a few years


def per_document(find: Callable[[Document], T]) -> Callable[[Document], T]:
    """`find` of a document, kept for the last few documents: a report stands in the pair with
    the year before and in the pair with the year after (a batch, the viewer, `track`), and
    what it holds by itself is found once. Kept by identity: a Document holds lists (no hash),
    and a report read again is another object, found afresh."""
    kept: dict[int, tuple[Document, T]] = {}

    @functools.wraps(find)
    def found(doc: Document) -> T:
        hit = kept.get(id(doc))
        if hit is None or hit[0] is not doc:
            if len(kept) >= _KEPT:
                kept.pop(next(iter(kept)))  # the earliest kept
            hit = kept[id(doc)] = (doc, find(doc))  # the document held: its id is not reused meanwhile
        return hit[1]

    return found


def read(path: str | Path) -> Document:
    """Load, clean and parse one report."""
    return from_source(load(path))


def from_source(source: Source) -> Document:
    cleaned = clean(source.text)
    outline = parse(cleaned)
    return Document(source, cleaned, outline, describe(cleaned, outline))


def cache_key(path: str | Path, digest: str) -> str:
    """The key of a report in the cache of parsed reports: its content, and the suffix that decides how its bytes are read."""
    return f"{digest}{Path(path).suffix.lower()}"


def digest_of(path: str | Path) -> str | None:
    """The content digest of a regular file that load() would read, else None (a FIFO, a
    device or an oversized file is left to load() to refuse, never opened here)."""
    from .cache import file_digest
    from .load import MAX_OFFICE_BYTES

    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_OFFICE_BYTES:
            return None
        return file_digest(path)
    except OSError:
        return None


def cached(path: str | Path, digest: str | None, cache: ObjectCache) -> tuple[Document, Tokens] | None:
    """A report and its tokens from the cache of parsed reports (kept by content digest) when
    a run read it before, naming `path`: the same content may sit at another path this time."""
    value = cache.get(cache_key(path, digest)) if digest else None
    if value is None:
        return None
    doc, tokens = value
    return replace(doc, source=replace(doc.source, path=str(path))), tokens


def remember(path: str | Path, digest: str | None, cache: ObjectCache, doc: Document, tokens: Tokens) -> None:
    if digest:
        cache.put(cache_key(path, digest), (doc, tokens))
