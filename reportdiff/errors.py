"""The exceptions the CLI turns into a one-line message, and how names appear in it."""
from __future__ import annotations

import re
from pathlib import Path


class ReportdiffError(Exception):
    """A problem with the user's input or environment, explained in one line.

    Raised anywhere in the pipeline; the CLI prints ``reportdiff: <message>``
    on stderr and exits with `exit_code`. Anything else escaping is a bug.
    """

    exit_code = 1


class UsageError(ReportdiffError):
    """The command line itself is wrong (a bad flag, clashing outputs): exit 2, as is customary."""

    exit_code = 2


class ReaderGone(ReportdiffError):
    """Standard output's reader went away (`| head`): the user has what they wanted, so the
    CLI says nothing and exits as a process stopped by SIGPIPE would (141), like other tools."""

    exit_code = 128 + 13


_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
SHOWN_LENGTH = 80


def shown(name: str | Path) -> str:
    """A user-given name fit for a one-line message: control characters escaped
    (so a name cannot move the cursor or end the line), and a long one shortened."""
    text = _UNSAFE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), str(name))
    if len(text) > SHOWN_LENGTH:
        text = text[: SHOWN_LENGTH // 2 - 1] + "…" + text[-(SHOWN_LENGTH // 2):]
    return text
