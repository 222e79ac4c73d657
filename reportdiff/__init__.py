"""reportdiff — compare Chinese government reports across years, section by section."""
from .align import Overrides
from .compare import Comparison, compare
from .document import Document, read
from .errors import ReportdiffError

__all__ = ["Comparison", "Document", "Overrides", "ReportdiffError", "compare", "read"]
__version__ = "0.1.0"
