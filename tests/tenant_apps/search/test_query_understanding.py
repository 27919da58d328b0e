"""How a citizen's query is read: typing leftovers, document numbers, synonyms and tasks."""

import pytest

from shared_apps.synonyms.defaults import DEFAULT_GROUPS
from tenant_apps.search.numbers import document_keys, read_numbers
from tenant_apps.search.query import bank_of, parse_query
from tenant_apps.search.text import query_words


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("baỏ hiểm xã hội", ["bao", "hiem", "xa", "hoi"]),
        ("bao hiem xa hoij", ["bao", "hiem", "xa", "hoi"]),
        ("ba3o hie63m", ["bao", "hiem"]),
        ("tuwf nguyeenj", ["tu", "nguyen"]),
        ("ddongs BHXH", ["dong", "bhxh"]),
        ("VNeID CCCD qh15 covid19", ["vneid", "cccd", "qh15", "covid19"]),
        ("41/2024/QH15", ["41", "2024", "qh15"]),
    ],
)
def test_queries_are_folded_and_telex_or_vni_leftovers_repaired(typed, words):
    assert query_words(typed) == words


@pytest.mark.parametrize(
    ("typed", "keys"),
    [
        ("nd 158", ("nghi-dinh:158",)),
        ("nghị định số 158/2025", ("nghi-dinh:158/2025",)),
        ("luat 41/2024", ("luat:41/2024",)),
        ("41/2024/QH15", ("41/2024/qh15",)),
        ("qđ 595", ("quyet-dinh:595",)),
        ("158/2025/NĐ-CP", ("nghi-dinh:158/2025", "158/2025/nd/cp")),
        ("cấp lại thẻ trong 7 ngày", ()),
        ("luật bhxh 2024", ()),
    ],
)
def test_document_numbers_are_read_from_loose_queries(typed, keys):
    assert read_numbers(query_words(typed)).keys == keys


@pytest.mark.parametrize(
    ("number", "doc_type", "typed"),
    [
        ("158/2025/NĐ-CP", "nghi-dinh", "nd 158"),
        ("41/2024/QH15", "luat", "luật 41/2024"),
        ("595/QĐ-BHXH", "quyet-dinh", "QĐ 595"),
        ("2417/BHXH-CĐBHXH", "cong-van", "công văn 2417"),
    ],
)
def test_a_document_holds_the_key_a_loose_query_names(number, doc_type, typed):
    assert set(read_numbers(query_words(typed)).keys) & set(document_keys(number, doc_type))


def test_abbreviations_expand_to_their_words_and_nested_ones_too():
    query = parse_query("rút BHXH", bank_of(DEFAULT_GROUPS))
    (concept,) = query.concepts
    assert "((bhxh | bao <-> hiem <-> xa <-> hoi) <-> mot <-> lan)" in concept.tsquery()
    spelled_out = parse_query("rút bảo hiểm xã hội", bank_of(DEFAULT_GROUPS)).concepts[0]
    assert "(rut <-> (bhxh | bao <-> hiem <-> xa <-> hoi))" in spelled_out.tsquery()


def test_fillers_are_dropped_and_a_task_is_recognised():
    query = parse_query("Cấp lại thẻ BHYT bị mất như thế nào", bank_of(DEFAULT_GROUPS))
    assert [concept.typed for concept in query.concepts] == [("cap", "lai", "the"), ("bhyt",), ("mat",)]
    assert query.is_task


def test_a_news_like_query_is_not_a_task():
    assert not parse_query("hội nghị tổng kết năm", bank_of(DEFAULT_GROUPS)).is_task


def test_an_abbreviation_inside_a_typed_synonym_still_expands():
    (concept,) = parse_query("bhxh tự nguyện", bank_of(DEFAULT_GROUPS)).concepts
    assert "((bhxh | bao <-> hiem <-> xa <-> hoi) <-> tu <-> nguyen)" in concept.tsquery()
