"""Vietnamese text helpers: NFC normalisation and accent folding for search.

Search must match with and without diacritics ("bao hiem that nghiep" finds "bảo hiểm thất
nghiệp", "đ" matches "d"). The embedded PostgreSQL wheel ships without the `unaccent`
extension, so text is folded here, both when it is indexed and when it is queried, and
PostgreSQL full-text search (config "simple") ranks the folded words.
"""

import unicodedata

_EXTRA = str.maketrans({"đ": "d", "Đ": "d"})


def normalise(text: str) -> str:
    """Unicode NFC, as TCVN 6909 and the rules on government sites require."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case, strip Vietnamese diacritics and control characters: "Bảo hiểm Đắk Lắk" -> "bao hiem dak lak"."""
    decomposed = unicodedata.normalize("NFD", text.translate(_EXTRA))
    stripped = "".join(
        " " if unicodedata.category(char) == "Cc" else char for char in decomposed if not unicodedata.combining(char)
    )
    return unicodedata.normalize("NFC", stripped).lower()
