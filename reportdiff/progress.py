"""A one-line progress bar on stderr, for the runs that take long enough to need one.

Drawn only when the stream is a terminal, and only once `delay` seconds have
passed: a run that ends within a second prints nothing, and piped output is
never mixed with carriage returns.
"""
from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 30


class Progress:
    def __init__(
        self, label: str, total: int, stream: TextIO | None = None, delay: float = 0.0, left: str = "{s:.0f} s left", failed: str = ", {n} failed",
    ):
        self.stream = stream or sys.stderr
        self.label, self.total, self.done, self.failed = label, total, 0, 0
        self.start = time.perf_counter()
        self.delay = delay
        self.left_words, self.failed_words = left, failed  # the caller's language
        self.drawn = False
        self.shown = total > 0 and hasattr(self.stream, "isatty") and self.stream.isatty()

    def step(self, failed: bool = False, label: str | None = None) -> None:
        """One more item done (`label`: what comes next, where items have names)."""
        self.done += 1
        self.failed += failed
        self.label = label or self.label
        elapsed = time.perf_counter() - self.start
        if not self.shown or elapsed < self.delay and not self.drawn:
            return
        self.drawn = True
        filled = WIDTH * self.done // self.total
        left = elapsed / self.done * (self.total - self.done)
        bad = self.failed_words.format(n=self.failed) if self.failed else ""
        self.stream.write(f"\r\033[K{self.label} [{'#' * filled}{'.' * (WIDTH - filled)}] {self.done}/{self.total}{bad}, {self.left_words.format(s=left)}")
        if self.done >= self.total:
            self.stream.write("\n")
        self.stream.flush()

    def close(self) -> None:
        """Clear a bar left unfinished (the run stopped early, or had fewer steps)."""
        if self.drawn and self.done < self.total:
            self.stream.write("\r\033[K")
            self.stream.flush()
