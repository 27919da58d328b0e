"""Reading a citizen's query: words, synonyms, document numbers and whether it asks for a task.

The query "Cấp lại thẻ BHYT bị mất" becomes three concepts, each with its alternatives:
(cấp & lại & thẻ | mất thẻ | làm lại thẻ …), (bhyt | bảo hiểm y tế), (mất); the filler "bị" is
dropped, and "cấp lại" marks a task, so procedures and online services rank first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .numbers import read_numbers
from .text import query_words

Phrase = tuple[str, ...]
MAX_CONCEPTS = 8
MAX_PHRASE_WORDS = 8
MAX_ALTERNATIVES = 12

# Words that ask how to do something ("thủ tục…", "đăng ký…", "cấp lại…", "rút…", "mua…").
TASK_WORDS: frozenset[Phrase] = frozenset(
    tuple(phrase.split())
    for phrase in (
        "thu tuc", "dang ky", "cap lai", "cap doi", "cap moi", "doi the", "lam lai", "rut", "huong", "mua",
        "gia han", "ho so", "nop", "tham gia", "dieu chinh", "lam the nao", "lam sao", "cach", "muon",
        "can gi", "giay to", "khai", "bao tang", "bao giam", "chot so", "tra cuu", "mat",
    )
)  # fmt: skip
# Fillers that carry no meaning in a search ("như thế nào", "bị", "của", "tôi"); "thẻ", "một",
# "có" in "cơ quan" are not among them.
STOP_PHRASES: frozenset[Phrase] = frozenset(
    tuple(phrase.split())
    for phrase in (
        "nhu the nao", "the nao", "lam sao", "o dau", "bao nhieu", "bao lau", "khong", "duoc", "bi", "cua",
        "cho", "thi", "la", "va", "voi", "toi", "minh", "em", "can", "muon", "gi", "nao", "khi", "o", "tai",
        "ve", "cac", "nhung", "nhu", "de", "phai", "hay", "hoac", "nay", "do", "a", "nhe", "vay", "sao", "ai",
        "trong", "lam", "cach",
    )
)  # fmt: skip


@dataclass(frozen=True)
class Concept:
    """One thing the query asks for, with the ways it may be written."""

    typed: Phrase  # as typed: all its words must appear, in any order
    alternatives: tuple[Phrase, ...] = ()  # synonyms: each must appear as a phrase

    def tsquery(self, weight: str = "") -> str:
        suffix = f":{weight}" if weight else ""
        parts = [" & ".join(f"{word}{suffix}" for word in self.typed)]
        parts += [" <-> ".join(f"{word}{suffix}" for word in phrase) for phrase in self.alternatives]
        return " | ".join(f"({part})" for part in parts)


@dataclass(frozen=True)
class ParsedQuery:
    words: tuple[str, ...]
    concepts: tuple[Concept, ...]
    doc_keys: tuple[str, ...]
    is_task: bool

    @property
    def is_empty(self) -> bool:
        return not self.concepts and not self.doc_keys

    @property
    def needed(self) -> int:
        """How many concepts a result must match: all of one or two, then three in five."""
        count = len(self.concepts)
        return count if count <= 2 else -(-count * 3 // 5)

    def any_tsquery(self) -> str:
        return " | ".join(f"({concept.tsquery()})" for concept in self.concepts)


class SynonymBank:
    """Synonym groups as a phrase lookup; groups that share a phrase are one group."""

    def __init__(self, groups: Iterable[list[Phrase]]):
        merged: list[set[Phrase]] = []
        for group in groups:
            phrases = set(group)
            overlapping = [existing for existing in merged if existing & phrases]
            for existing in overlapping:
                phrases |= existing
                merged.remove(existing)
            merged.append(phrases)
        self.groups = [self._with_nested(group, merged) for group in merged]
        self.group_of: dict[Phrase, int] = {}
        for index, group in enumerate(self.groups):
            for phrase in group:
                self.group_of.setdefault(phrase, index)

    @staticmethod
    def _with_nested(group: set[Phrase], groups: list[set[Phrase]]) -> tuple[Phrase, ...]:
        """ "hưởng bhxh một lần" also as "hưởng bảo hiểm xã hội một lần" (one level of nesting)."""
        variants = dict.fromkeys(sorted(group, key=lambda phrase: (len(phrase), phrase)))
        for phrase in list(variants):
            for other in groups:
                if other is group:
                    continue
                for inner in other:
                    start = _find(phrase, inner)
                    if start < 0:
                        continue
                    for replacement in other:
                        variants[phrase[:start] + replacement + phrase[start + len(inner) :]] = None
        return tuple(list(variants)[: MAX_ALTERNATIVES * 2])

    def match_at(self, query: list[str], position: int) -> tuple[int, int]:
        """The group of the longest phrase starting at `position` and its length, or (-1, 0)."""
        for length in range(min(MAX_PHRASE_WORDS, len(query) - position), 0, -1):
            group = self.group_of.get(tuple(query[position : position + length]))
            if group is not None:
                return group, length
        return -1, 0


@lru_cache(maxsize=64)
def bank_of(terms: tuple[str, ...]) -> SynonymBank:
    """The bank of these synonym rows, parsed once per process for as long as the rows are the same."""
    from .models import SynonymGroupBase

    return SynonymBank(SynonymGroupBase.phrases_of(row) for row in terms)


def _find(phrase: Phrase, inner: Phrase) -> int:
    for start in range(len(phrase) - len(inner) + 1):
        if phrase[start : start + len(inner)] == inner:
            return start
    return -1


def _longest(phrases: frozenset[Phrase], query: list[str], position: int) -> int:
    for length in range(min(3, len(query) - position), 0, -1):
        if tuple(query[position : position + length]) in phrases:
            return length
    return 0


def parse_query(text: str, bank: SynonymBank) -> ParsedQuery:
    typed = query_words(text)
    numbers = read_numbers(typed)
    rest = list(numbers.rest)
    is_task = any(_longest(TASK_WORDS, typed, position) for position in range(len(typed)))
    meaningful = [word for position, word in enumerate(rest) if not _longest(STOP_PHRASES, rest, position)]
    concepts: list[Concept] = []
    position = 0
    while position < len(rest):
        group, length = bank.match_at(rest, position)
        if length:
            phrase = tuple(rest[position : position + length])
            alternatives = tuple(alt for alt in bank.groups[group] if alt != phrase)[:MAX_ALTERNATIVES]
            concepts.append(Concept(phrase, alternatives))
            position += length
            continue
        skip = _longest(STOP_PHRASES, rest, position) if meaningful else 0
        if skip:
            position += skip
            continue
        concepts.append(Concept((rest[position],)))
        position += 1
    unique = tuple(dict.fromkeys(concepts))[:MAX_CONCEPTS]
    return ParsedQuery(tuple(typed), unique, numbers.keys, is_task)
