"""The per-user cache folder.

Private to the user (mode 0700) under ``$XDG_CACHE_HOME/reportdiff`` or
``~/.cache/reportdiff``: a world-writable path such as ``/tmp/jieba.cache`` can be
planted by any local user (a planted jieba cache changes the alignment) or left
unwritable for the next user. When no private folder can be made, callers run
without a cache rather than fall back to a shared one.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import pickle
import stat
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path


def user_cache_dir() -> Path | None:
    """The private cache folder, created if needed; None when it cannot be had safely."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = Path(base) / "reportdiff"
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = path.lstat()
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
            return None
        if stat.S_IMODE(info.st_mode) != 0o700:
            os.chmod(path, 0o700)
        if not os.access(path, os.W_OK | os.X_OK):
            return None
    except OSError:
        return None
    return path


@functools.cache  # the code does not change while it runs
def code_fingerprint() -> str:
    """A digest of the package's own code and templates.

    Part of every cache key and of every batch record: what was computed by
    other code (another version, a local edit) is computed again rather than
    trusted.
    """
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for folder in (package, package.parent / "templates"):  # templates sit beside the package in a checkout
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".py", ".j2", ".css", ".js") and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def file_digest(path: str | Path) -> str:
    """The sha256 of a file's bytes (read in blocks: a large file is not held in memory)."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


@dataclass(frozen=True)
class ObjectCache:
    """Values computed from a file's contents, kept by content digest (pickled, compressed).

    The folder is private to the user (`user_cache_dir`), so what is read back
    is what this user's own runs wrote. ``folder=None`` keeps nothing: every
    lookup misses. A damaged or unreadable entry is a miss, and a failed write
    only costs time.
    """

    folder: Path | None
    fingerprint: str

    @classmethod
    def open(cls, kind: str) -> ObjectCache:
        base = user_cache_dir()
        return cls(base / kind if base else None, code_fingerprint())

    def _file(self, key: str) -> Path | None:
        return self.folder / f"{self.fingerprint}-{key}.pickle.z" if self.folder else None

    def get(self, key: str):
        path = self._file(key)
        if path is None:
            return None
        try:
            return pickle.loads(zlib.decompress(path.read_bytes()))
        except Exception:
            return None

    def put(self, key: str, value) -> None:
        path = self._file(key)
        if path is not None:
            store(path, zlib.compress(pickle.dumps(value, pickle.HIGHEST_PROTOCOL), 1))


def store(path: Path, data: bytes) -> None:
    """Write a cache entry whole or not at all (readers see a whole entry or none); a cache
    that cannot be written only costs time, so failures are not errors."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".entry.", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    except BaseException:  # interrupted: no temporary file left behind
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def compiled_templates():
    """A jinja2 bytecode cache in the private cache folder: a fresh process loads a page's
    template compiled instead of compiling it (jinja2 checks each entry against the
    template's source). None when there is no private folder."""
    from jinja2 import BytecodeCache

    base = user_cache_dir()
    if base is None:
        return None
    folder = base / "templates"

    class Compiled(BytecodeCache):
        def load_bytecode(self, bucket) -> None:
            try:
                bucket.bytecode_from_string((folder / bucket.key).read_bytes())
            except Exception:  # absent or damaged: compiled again
                bucket.reset()

        def dump_bytecode(self, bucket) -> None:
            store(folder / bucket.key, bucket.bytecode_to_string())

    return Compiled()
