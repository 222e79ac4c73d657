"""The per-user cache folder.

Private to the user (mode 0700) under ``$XDG_CACHE_HOME/reportdiff`` or
``~/.cache/reportdiff``: a world-writable path such as ``/tmp/jieba.cache`` can be
planted by any local user (a planted jieba cache changes the alignment) or left
unwritable for the next user. When no private folder can be made, callers run
without a cache rather than fall back to a shared one.
"""
from __future__ import annotations

import os
import stat
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
