"""Writing results to disk all-or-nothing, so a failed run leaves no half file."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import ReportdiffError


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write `data` to `path` via a temporary file renamed into place."""
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise ReportdiffError(f"cannot write {path}: folder {directory} does not exist")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    except OSError as exc:
        raise ReportdiffError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        os.unlink(tmp)
        raise ReportdiffError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        os.unlink(tmp)
        raise
