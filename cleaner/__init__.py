"""cleaner: strip boilerplate from scraped article text.

>>> from cleaner import clean_text
>>> result = clean_text("Advertisement\\n\\nThe mayor said on Monday that the new library will open in the spring, after two years of delays.\\n")
>>> result.text
'The mayor said on Monday that the new library will open in the spring, after two years of delays.\\n'
"""

__version__ = "0.1.0"

from cleaner.api import Cleaner, clean_html, clean_text  # noqa: E402
from cleaner.config import Config  # noqa: E402
from cleaner.model import CleanResult, Decision, Document, Line, Reason  # noqa: E402

__all__ = ["CleanResult", "Cleaner", "Config", "Decision", "Document", "Line", "Reason", "__version__", "clean_html", "clean_text"]
