"""Progress on stderr: a run that takes more than about a second shows that it is working,
then says which file it wrote. Only in a terminal; nothing when stderr is piped or --quiet."""
from __future__ import annotations

import threading
import time
from typing import TextIO

from ..present import Presenter
from .text import width

# A run shorter than this shows nothing while it works (most runs on small reports).
DELAY = 1.0
TICK = 0.1
BAR = 20  # columns of the moving bar


class Progress:
    """``with Progress(sys.stderr) as progress: …; progress.wrote(paths)``."""

    def __init__(self, stream: TextIO, quiet: bool = False, lang: str = "zh"):
        self.stream = stream
        self.on = not quiet and hasattr(stream, "isatty") and stream.isatty()
        self.p = Presenter(lang)
        self.start = time.monotonic()
        self.shown = 0  # columns of the line drawn so far
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> Progress:
        if self.on:
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self._clear()

    def _run(self) -> None:
        if self._stop.wait(DELAY):
            return
        step = 0
        while not self._stop.wait(TICK):
            at = step % (2 * BAR - 2)
            at = at if at < BAR else 2 * BAR - 2 - at  # back and forth: the length of the run is not known
            bar = "░" * at + "█" + "░" * (BAR - 1 - at)
            self._draw(f"reportdiff: {self.p('comparing')} {bar} {time.monotonic() - self.start:.1f} s")
            step += 1

    def _draw(self, line: str) -> None:
        self.stream.write("\r" + line + " " * max(0, self.shown - width(line)))
        self.stream.flush()
        self.shown = width(line)

    def _clear(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * self.shown + "\r")
            self.stream.flush()
            self.shown = 0

    def wrote(self, paths: list[str]) -> None:
        """The last line: which files the run wrote, and how long it took."""
        if self.on and paths:
            self.stream.write(f"reportdiff: {self.p('wrote', path=', '.join(paths))} ({time.monotonic() - self.start:.1f} s)\n")
            self.stream.flush()
