"""What the parts of an import share: an URL's outcome, the report callback, the page kinds."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..models import ImportedItem

Reporter = Callable[[str], None]
Kind = ImportedItem.Kind
PAGE_KINDS = (Kind.NEWS, Kind.DOCUMENT, Kind.PAGE)
BATCH_SIZE = 100


@dataclass
class Outcome:
    url: str
    result: str  # "imported", "updated", "unchanged" or "skipped"
    reason: str = ""
