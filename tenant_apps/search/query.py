"""Reading a citizen's query: words, synonyms, document numbers and whether it asks for a task.

The query "Cấp lại thẻ BHYT bị mất" becomes three concepts, each with its alternatives:
(cấp & lại & thẻ | mất thẻ | làm lại thẻ …), (bhyt | bảo hiểm y tế), (mất); the filler "bị" is
dropped, and "cấp lại" marks a task, so procedures and online services rank first.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from .numbers import read_numbers
from .text import query_words

Phrase = tuple[str, ...]
# A synonym as a tsquery phrase: each part a word, or the phrases of another group (nested).
Part = str | tuple[Phrase, ...]
Alternative = tuple[Part, ...]
MAX_CONCEPTS = 8
MAX_PHRASE_WORDS = 8
MAX_ALTERNATIVES = 12
MAX_COMBINATIONS = 20

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
    alternatives: tuple[Alternative, ...] = ()  # synonyms: each must appear as a phrase

    def tsquery(self, weight: str = "") -> str:
        suffix = f":{weight}" if weight else ""

        def phrase(words: Phrase) -> str:
            return " <-> ".join(f"{word}{suffix}" for word in words)

        def part(value: Part) -> str:
            return f"{value}{suffix}" if isinstance(value, str) else f"({' | '.join(map(phrase, value))})"

        parts = [" & ".join(f"{word}{suffix}" for word in self.typed)]
        parts += [" <-> ".join(map(part, alternative)) for alternative in self.alternatives]
        return " | ".join(f"({item})" for item in parts)


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

    def candidates_tsquery(self) -> str:
        """Entries that match enough concepts, as one tsquery the GIN index answers.

        "Any k of n" is written as the OR of every k-concept AND while there are few of them
        (4 of 5 concepts: 5 terms), so a concept found everywhere ("bhxh") does not make every
        entry a candidate; past MAX_COMBINATIONS it is the OR of the concepts, filtered after.
        """
        terms = [f"({concept.tsquery()})" for concept in self.concepts]
        if not terms:
            return ""
        if math.comb(len(terms), self.needed) > MAX_COMBINATIONS:
            return " | ".join(terms)
        return " | ".join(f"({' & '.join(group)})" for group in combinations(terms, self.needed))


class SynonymBank:
    """Synonym groups as a phrase lookup; groups that share a phrase are one group.

    A phrase that contains another group's phrase is also looked up with that group's other
    phrases in its place ("rút bảo hiểm xã hội" finds "rút BHXH"), and searched as one tsquery
    phrase with the inner group as alternatives (huong <-> (bhxh | bao <-> hiem <-> xa <-> hoi)
    <-> mot <-> lan), which PostgreSQL evaluates once instead of once per combination.
    """

    def __init__(self, groups: Iterable[list[Phrase]]):
        merged: list[set[Phrase]] = []
        for group in groups:
            phrases = set(group)
            overlapping = [existing for existing in merged if existing & phrases]
            for existing in overlapping:
                phrases |= existing
                merged.remove(existing)
            merged.append(phrases)
        self.groups = [tuple(sorted(group, key=lambda phrase: (len(phrase), phrase))) for group in merged]
        self.group_of: dict[Phrase, int] = {}
        for index, group in enumerate(self.groups):
            for phrase in group:
                self.group_of.setdefault(phrase, index)
        for index, phrases in enumerate(self.groups):
            for phrase in phrases:
                for variant in self._variants(index, phrase):
                    self.group_of.setdefault(variant, index)

    def _inner_groups(self, index: int, phrase: Phrase) -> list[tuple[int, int, int]]:
        """(start, length, group) of the other groups' phrases inside `phrase`, longest first, no overlap."""
        found, position = [], 0
        while position < len(phrase):
            for length in range(len(phrase) - position, 0, -1):
                group = self.group_of.get(phrase[position : position + length])
                if group is not None and group != index and length < len(phrase):
                    found.append((position, length, group))
                    position += length
                    break
            else:
                position += 1
        return found

    def _variants(self, index: int, phrase: Phrase) -> list[Phrase]:
        variants = [phrase]
        for start, length, group in reversed(self._inner_groups(index, phrase)):
            variants = [v[:start] + other + v[start + length :] for v in variants for other in self.groups[group]]
        return variants[:MAX_ALTERNATIVES]

    def alternatives(self, index: int, typed: Phrase) -> tuple[Alternative, ...]:
        """The group's phrases other than the one typed, each with its inner groups as alternatives."""
        result = []
        group = self.groups[index]
        for phrase in group:
            inner_groups = self._inner_groups(index, phrase)
            if (phrase == typed and not inner_groups) or any(o != phrase and _contains(phrase, o) for o in group):
                continue  # the typed words cover it; "hưởng BHXH một lần" adds nothing to "BHXH một lần"
            parts: list[Part] = []
            position = 0
            for start, length, inner in inner_groups:
                parts.extend(phrase[position:start])
                parts.append(self.groups[inner])
                position = start + length
            parts.extend(phrase[position:])
            result.append(tuple(parts))
        return tuple(result[:MAX_ALTERNATIVES])

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


def _contains(phrase: Phrase, inner: Phrase) -> bool:
    return any(phrase[start : start + len(inner)] == inner for start in range(len(phrase) - len(inner) + 1))


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
            concepts.append(Concept(phrase, bank.alternatives(group, phrase)))
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
