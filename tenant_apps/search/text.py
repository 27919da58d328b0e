"""Vietnamese text helpers: NFC normalisation and accent folding for search.

Search must match with and without diacritics ("bao hiem that nghiep" finds "bảo hiểm thất
nghiệp", "đ" matches "d"). The embedded PostgreSQL wheel ships without the `unaccent`
extension, so text is folded here, both when it is indexed and when it is queried, and
PostgreSQL full-text search (config "simple") ranks the folded words.
"""

import re
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


# A Vietnamese syllable, once folded: an optional initial, one to three vowels, an optional final.
_SYLLABLE = re.compile(r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$")
_TELEX_TONE = "sfrxj"  # sắc, huyền, hỏi, ngã, nặng typed after the word
_TELEX_LETTERS = re.compile(r"aa|aw|ee|oo|ow|uw|^dd")  # â ă ê ô ơ ư đ
_VNI_DIGITS = re.compile(r"[1-9]")  # 1-5 tones, 6 circumflex, 7 horn, 8 breve, 9 đ
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def is_syllable(word: str) -> bool:
    return bool(_SYLLABLE.match(word))


def repair_typing(word: str) -> str:
    """Undo Telex or VNI keystrokes left in a folded word when the result is unambiguous.

    "hoij" -> "hoi", "tuwf" -> "tu", "ba3o" -> "bao", "hie63m" -> "hiem". A word is changed only when
    it is not a Vietnamese syllable and the repaired one is, so "bhxh", "qh15" or "vneid" stay as typed.
    """
    if len(word) < 2 or is_syllable(word):
        return word
    if any(char.isalpha() for char in word) and _VNI_DIGITS.search(word):
        candidate = _VNI_DIGITS.sub("", word)
        if not any(char.isdigit() for char in candidate) and is_syllable(candidate):
            return candidate
    candidate = word[:-1] if word[-1] in _TELEX_TONE else word
    candidate = _TELEX_LETTERS.sub(lambda match: match.group(0)[0], candidate)
    return candidate if candidate != word and is_syllable(candidate) else word


def words(text: str) -> list[str]:
    """The folded words of `text`, letters and digits only: "Nghị định 158/2025/NĐ-CP" -> nghi dinh 158 2025 nd cp."""
    return _NOT_WORD.sub(" ", fold(text)).split()


def query_words(text: str) -> list[str]:
    """The words of what a citizen typed, folded, with Telex/VNI leftovers repaired."""
    return [repair_typing(word) for word in words(normalise(text))]
