"""The one exception type the CLI turns into a one-line message."""


class ReportdiffError(Exception):
    """A problem with the user's input or environment, explained in one line.

    Raised anywhere in the pipeline; the CLI prints ``reportdiff: <message>``
    on stderr and exits non-zero. Anything else escaping is a bug.
    """
