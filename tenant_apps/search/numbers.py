"""Số/ký hiệu văn bản — legal-document numbers as citizens type them.

A document "158/2025/NĐ-CP" (a Nghị định) is indexed under the keys "158/2025/nd/cp", "158/2025",
"nghi-dinh:158" and "nghi-dinh:158/2025". A query is read for the same keys: "nd 158",
"nghị định 158/2025", "158/2025/NĐ-CP" or "qđ 595" each produce one that the document holds.
A bare number ("158") is not a key on its own: it would match every page that mentions 158.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import words

# Folded words or abbreviations -> the document type (the values of documents.DocumentType).
TYPE_NAMES: dict[tuple[str, ...], str] = {
    ("luat",): "luat",
    ("nghi", "quyet"): "nghi-quyet",
    ("nq",): "nghi-quyet",
    ("nghi", "dinh"): "nghi-dinh",
    ("nd",): "nghi-dinh",
    ("thong", "tu"): "thong-tu",
    ("tt",): "thong-tu",
    ("quyet", "dinh"): "quyet-dinh",
    ("qd",): "quyet-dinh",
    ("chi", "thi"): "chi-thi",
    ("ct",): "chi-thi",
    ("cong", "van"): "cong-van",
    ("cv",): "cong-van",
    ("huong", "dan"): "huong-dan",
    ("hd",): "huong-dan",
    ("ke", "hoach"): "ke-hoach",
    ("kh",): "ke-hoach",
    ("thong", "bao"): "thong-bao",
    ("tb",): "thong-bao",
}
# "Luật" is written "L" only in a number's suffix; a lone "l" in a query is not a type.
NUMBER_SUFFIX_TYPES = {**{name[0]: kind for name, kind in TYPE_NAMES.items() if len(name) == 1}, "l": "luat"}
NUMBER_FILLERS = {"so"}  # "Nghị định số 158"
_LONGEST_TYPE = max(len(name) for name in TYPE_NAMES)
_YEAR = re.compile(r"^(19|20)\d\d$")
_NUMBER = re.compile(r"^\d{1,5}$")


def document_keys(number: str, doc_type: str) -> list[str]:
    """The keys a document with this number and type is found by."""
    parts = words(number)
    if not parts or not _NUMBER.match(parts[0]):
        return []
    head = parts[0].lstrip("0") or "0"
    year = parts[1] if len(parts) > 1 and _YEAR.match(parts[1]) else ""
    keys = {"/".join([head, *parts[1:]])}
    if year:
        keys.add(f"{head}/{year}")
    for kind in {doc_type, *(NUMBER_SUFFIX_TYPES[part] for part in parts[1:] if part in NUMBER_SUFFIX_TYPES)}:
        if kind:
            keys.add(f"{kind}:{head}")
            if year:
                keys.add(f"{kind}:{head}/{year}")
    return sorted(keys)


@dataclass(frozen=True)
class NumberQuery:
    keys: tuple[str, ...]  # document keys the query names
    rest: tuple[str, ...]  # the words left once the number and its type are taken out


def read_numbers(query: list[str]) -> NumberQuery:
    """Find document numbers in folded query words: [nd, 158] -> key nghi-dinh:158, rest []."""
    keys: list[str] = []
    rest: list[str] = []
    position = 0
    while position < len(query):
        kind, after_type = _type_at(query, position)
        start = after_type
        while start < len(query) and query[start] in NUMBER_FILLERS and kind:
            start += 1
        if start < len(query) and _NUMBER.match(query[start]) and not (not kind and _YEAR.match(query[start])):
            found, end = _number_keys(query, start, kind)
            if found:
                keys.extend(found)
                position = end
                continue
        rest.append(query[position])
        position += 1
    return NumberQuery(tuple(dict.fromkeys(keys)), tuple(rest))


def _type_at(query: list[str], position: int) -> tuple[str, int]:
    for length in range(_LONGEST_TYPE, 0, -1):
        kind = TYPE_NAMES.get(tuple(query[position : position + length]))
        if kind:
            return kind, position + length
    return "", position


def _number_keys(query: list[str], start: int, kind: str) -> tuple[list[str], int]:
    head = query[start].lstrip("0") or "0"
    end = start + 1
    year = query[end] if end < len(query) and _YEAR.match(query[end]) else ""
    end += bool(year)
    suffix: list[str] = []
    # A suffix follows a year ("41/2024/qh15") or is an issuer code ("595/qd-bhxh").
    while end < len(query) and len(suffix) < 3 and (query[end] in NUMBER_SUFFIX_TYPES or _is_issuer(query[end])):
        suffix.append(query[end])
        end += 1
    kinds = {kind} if kind else {NUMBER_SUFFIX_TYPES[part] for part in suffix if part in NUMBER_SUFFIX_TYPES}
    keys = [f"{k}:{head}/{year}" if year else f"{k}:{head}" for k in sorted(kinds)]
    if suffix:
        keys.append("/".join([head, *([year] if year else []), *suffix]))
    elif year and not kind:
        keys.append(f"{head}/{year}")
    return keys, end


def _is_issuer(word: str) -> bool:
    """Issuer codes of a number's suffix: cp, qh15, bhxh, byt, ttg, ubnd, bldtbxh, ..."""
    return word in {"cp", "bhxh", "byt", "ttg", "ubnd", "bldtbxh", "btc", "bnv", "ubtvqh"} or bool(
        re.match(r"^(qh|ubtvqh)\d{1,2}$", word)
    )
