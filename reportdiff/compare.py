"""The library entry point: ``compare(old, new)`` runs the pipeline once.

    >>> result = reportdiff.compare("seeds/000_….txt", "seeds/001_….txt")
    >>> result.pairs[0].similarity, result.numbers[:3], result.commitments

The CLI, the HTML report and the TUI all render this one result object.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import terms
from .align import Alignment, Overrides, Pair, align
from .commitments import Commitments, track
from .diff import LanguageShift, diff_alignment
from .document import Document, read
from .numbers import Numbers
from .numbers import match as match_numbers
from .tokens import Tokens

# The stages compare() runs, in order (what a progress display counts).
STAGES = ("load", "tokens", "align", "diff", "terms", "numbers", "commitments")


@dataclass
class Comparison:
    """Everything one comparison found, for every renderer and for notebooks.

    ``alignment.pairs`` (also ``pairs``): sections of the old report beside their
    counterparts, each with its word diff (``pair.diff``); ``numbers``: the figures
    of both reports and the pairs of the same indicator; ``commitments``: the old
    plan's promises judged against the new review; ``language``: formulations new
    and dropped; ``timings``: CPU seconds by stage.
    """

    old: Document
    new: Document
    alignment: Alignment  # its pairs carry their word diffs
    language: LanguageShift
    numbers: Numbers
    commitments: Commitments
    timings: dict[str, float] = field(default_factory=dict)  # CPU seconds by stage

    @property
    def pairs(self) -> list[Pair]:
        return self.alignment.pairs

    def stats(self) -> dict:
        same = self.alignment.by_relation("same_topic")
        counts = {s: sum(1 for p in same if p.status == s) for s in ("matched", "split", "merged", "added", "removed")}
        both = [p.diff for p in same if p.old and p.new]
        moved = sum(1 for p in self.pairs for o in p.diff.ops if o.moved is not None and o.op == "+")
        return {
            "sections": counts,
            "sections_changed": sum(1 for d in both if d.changed),
            "chars_deleted": sum(d.count("-") for d in both),
            "chars_inserted": sum(d.count("+") for d in both),
            "sentences_moved": moved,
            "numbers_paired": len(self.numbers.pairs),
            "numbers_changed": sum(1 for p in self.numbers.pairs if p.direction != "="),
            "commitments": self.commitments.counts() if self.commitments.applicable else None,
        }


def compare(
    old: str | Path | Document,
    new: str | Path | Document,
    overrides: Overrides | None = None,
    strict: bool = False,
    tokens: tuple[Tokens, Tokens] | None = None,
    progress: Callable[[str], None] | None = None,
) -> Comparison:
    """Compare two reports (paths or read Documents) through every stage.

    `tokens` are the two Documents' tokens when already known (a batch keeps
    them in its cache of documents). `progress`, if given, is told the name of
    each stage (one of STAGES) as it starts.
    """
    timings: dict[str, float] = {}

    def timed(stage: str, fn, *args):
        if progress is not None:
            progress(stage)
        # CPU time, not wall time: a stage's cost, whatever else the machine is doing.
        start = time.process_time()
        value = fn(*args)
        timings[stage] = timings.get(stage, 0.0) + time.process_time() - start
        return value

    old_doc = old if isinstance(old, Document) else timed("load", read, old)
    new_doc = new if isinstance(new, Document) else timed("load", read, new)
    if tokens is None:
        old_tokens, new_tokens = timed("tokens", Tokens.of, old_doc.text), timed("tokens", Tokens.of, new_doc.text)
    else:
        old_tokens, new_tokens = tokens
    aligned = timed("align", align, old_doc, new_doc, old_tokens, new_tokens, overrides)
    alignment = timed("diff", diff_alignment, old_doc, new_doc, aligned, strict, (old_tokens, new_tokens))
    language = timed("terms", terms.language_shift, old_doc, new_doc, old_tokens, new_tokens)
    numbers = timed("numbers", match_numbers, old_doc, new_doc)
    commitments = timed("commitments", track, old_doc, new_doc, numbers.old, numbers.new, old_tokens, new_tokens, alignment)
    return Comparison(old_doc, new_doc, alignment, language, numbers, commitments, timings)
