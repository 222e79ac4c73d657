"""Writing results without ever losing a file.

Every output of a run is checked before any work (`check`) and written only
once the work is done, all together (`Outputs.commit`):

- an output that is one of the inputs, or another output of the same run, is
  refused (the same file after symlinks, or the same path not yet written);
- a regular file is replaced atomically through a temporary file beside it,
  keeping its mode (a new file follows the umask); a symlink's target is
  what gets replaced, not the link;
- anything else (a device such as /dev/null, a FIFO) is opened and written as
  it is, never replaced by a regular file;
- ``-`` is standard output;
- when any write fails, or the run is interrupted, no temporary file and no
  partial output stays behind, and nothing is renamed into place.
"""
from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ReaderGone, ReportdiffError, UsageError, shown

STDOUT = "-"


def _same(a: str | Path, b: str | Path) -> bool:
    """Whether two names reach one file: the same inode, or the same path once resolved."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def check(outputs: dict[str, str | None], inputs: Sequence[str | Path]) -> None:
    """Refuse, before any work, outputs that would destroy an input or each other.

    `outputs` maps the option that named a path (``-o``, ``--email``) to it.
    """
    named = [(option, name) for option, name in outputs.items() if name is not None]
    for i, (option, name) in enumerate(named):
        if any(c in name for c in "\n\r\0"):
            raise UsageError(f"{option}: a file name with a line break is not accepted: {shown(name)}")
        for other_option, other in named[:i]:
            if name == other or (STDOUT not in (name, other) and _same(name, other)):
                raise UsageError(f"{other_option} and {option} both name {shown(name)}; give each output its own file")
        if name == STDOUT:
            if sys.stdout is None:
                raise ReportdiffError("standard output is closed; use -o FILE")
            continue
        for source in inputs:
            if _same(name, source):
                raise UsageError(f"refusing to write {option} {shown(name)}: it is the input report {shown(source)}")
        if os.path.isdir(name):
            raise UsageError(f"{option} {shown(name)} is a folder; give a file name in it")
        folder = Path(os.path.realpath(name)).parent
        if not folder.is_dir():
            raise ReportdiffError(f"cannot write {shown(name)}: folder {shown(folder)} does not exist")
        _try_writing_in(Path(os.path.realpath(name)), name)


def _try_writing_in(target: Path, name: str) -> None:
    """Create and remove a file beside `target`, as commit will: a folder that refuses it
    (read-only, /sys, a full disk's quota) is told now, not after minutes of work.
    Devices and FIFOs are written in place, and opening a FIFO would wait for a reader."""
    with contextlib.suppress(FileNotFoundError):
        if not stat.S_ISREG(target.stat().st_mode):
            return
    try:
        fd, tmp = _temp_beside(target)
    except OSError as exc:
        raise ReportdiffError(f"cannot write {shown(name)}: {exc.strerror or exc}") from None
    os.close(fd)
    os.unlink(tmp)


def _temp_beside(target: Path) -> tuple[int, str]:
    """A new hidden file in the target's folder: where it is staged, and what the check tries."""
    return tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@dataclass
class Outputs:
    """The outputs of one run, written together by `commit`."""

    pending: list[tuple[str, bytes]] = field(default_factory=list)

    def add(self, name: str, data: str | bytes) -> None:
        self.pending.append((name, data.encode("utf-8") if isinstance(data, str) else data))

    def commit(self) -> None:
        """Write everything, stdout last.

        Regular files are staged as temporary files first and renamed into
        place only when every output is written, so a failure leaves every
        existing file as it was.
        """
        staged: list[tuple[str, Path]] = []
        direct: list[tuple[Path, bytes]] = []
        to_stdout: list[bytes] = []
        try:
            for name, data in self.pending:
                if name == STDOUT:
                    to_stdout.append(data)
                    continue
                try:
                    _stage(Path(os.path.realpath(name)), data, staged, direct)  # a symlink's target is replaced, not the link
                except OSError as exc:
                    raise ReportdiffError(f"cannot write {shown(name)}: {exc.strerror or exc}") from None
            # Devices and FIFOs before any rename: if one fails, no file has been replaced yet.
            for target, data in direct:
                with open(target, "wb") as handle:
                    handle.write(data)
            for tmp, target in staged:
                os.replace(tmp, target)
        except OSError as exc:
            _discard(staged)
            raise ReportdiffError(f"cannot write {shown(exc.filename or 'output')}: {exc.strerror or exc}") from None
        except BaseException:
            _discard(staged)
            raise
        for data in to_stdout:
            write_stdout(data)


def _stage(target: Path, data: bytes, staged: list[tuple[str, Path]], direct: list[tuple[Path, bytes]]) -> None:
    """A regular (or new) file as a temporary file beside it with its mode; anything else to write as it is."""
    try:
        info = target.stat()
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        direct.append((target, data))
        return
    mode = stat.S_IMODE(info.st_mode) if info else 0o666 & ~_umask()
    fd, tmp = _temp_beside(target)
    staged.append((tmp, target))
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        os.fchmod(handle.fileno(), mode)


def _discard(staged: list[tuple[str, Path]]) -> None:
    for tmp, _ in staged:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def write_stdout(data: str | bytes) -> None:
    """Write to standard output; a closed, full or vanished stdout is one clear error."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    stream = sys.stdout
    if stream is None:
        raise ReportdiffError("standard output is closed; use -o FILE")
    try:
        stream.flush()
        try:
            fd = stream.fileno()
        except (AttributeError, OSError, ValueError):  # a stream in memory, put in place by a caller
            stream.write(payload.decode("utf-8"))
            stream.flush()
            return
        # os.write in a loop: a buffered write into a pipe can stop short and say so only
        # by its return value, and the rest of the report would be lost without a word.
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view):]
    except BrokenPipeError:
        # The reader went away (| head). Point stdout at /dev/null so that the
        # interpreter's own flush at exit does not print a second message.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        raise ReaderGone() from None
    except OSError as exc:
        raise ReportdiffError(f"cannot write to standard output: {exc.strerror or exc}") from None


def write_new(path: Path, data: str) -> Path:
    """Write to `path`, or to the first free name after it (name-2.html, …): never over a file."""
    stem, suffix = path.stem, path.suffix
    for n in range(1, 1000):
        candidate = path if n == 1 else path.with_name(f"{stem}-{n}{suffix}")
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            raise ReportdiffError(f"cannot write {shown(candidate)}: {exc.strerror or exc}") from None
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(data)
        except BaseException:
            os.unlink(candidate)
            raise
        return candidate
    raise ReportdiffError(f"cannot find a free file name next to {shown(path)}")
