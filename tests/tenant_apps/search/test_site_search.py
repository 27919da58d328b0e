"""Site search as a citizen uses it: everything findable, labelled by kind, in a sensible order."""

import html as html_lib
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from shared_apps.synonyms.models import NationalSynonymGroup
from tenant_apps.documents.models import DocumentIndexPage, DocumentType
from tenant_apps.news.models import NewsIndexPage
from tenant_apps.procedures.models import ProcedureIndexPage
from tenant_apps.qa.models import Question
from tests.factories import (
    BestBetFactory,
    LegalDocumentPageFactory,
    NewsPageFactory,
    ProcedurePageFactory,
    QuestionFactory,
    SynonymGroupFactory,
    add_office,
)

pytestmark = pytest.mark.django_db

RESULT = re.compile(r'<h3><a href="([^"]*)">([^<]*)</a></h3>\s*<p class="meta">(.*?)</p>', re.S)


def _search(site, query, **params):
    response = site.client().get("/tim-kiem/", {"q": query, **params})
    assert response.status_code == 200
    return response


def _results(site, query, **params) -> list[tuple[str, str]]:
    """(title, labels) of each result, in the order the citizen sees them."""
    html = _search(site, query, **params).content.decode()
    return [(html_lib.unescape(title), re.sub(r"<[^>]+>", " ", meta)) for _url, title, meta in RESULT.findall(html)]


def _titles(site, query, **params) -> list[str]:
    return [title for title, _labels in _results(site, query, **params)]


def _procedure(site, title, **kwargs):
    with site.context():
        return ProcedurePageFactory(parent=ProcedureIndexPage.objects.get(), title=title, **kwargs)


def _news(site, title, **kwargs):
    with site.context():
        return NewsPageFactory(parent=NewsIndexPage.objects.get(), title=title, **kwargs)


def _document(site, title, number, doc_type, **kwargs):
    with site.context():
        return LegalDocumentPageFactory(
            parent=DocumentIndexPage.objects.get(), title=title, number=number, doc_type=doc_type, **kwargs
        )


@pytest.fixture
def health_card(hanoi):
    """A reissue procedure and news that talk about the same card."""
    _news(hanoi, "Người dân làm mất thẻ BHYT cần lưu ý gì khi đi khám bệnh")
    _news(hanoi, "Thủ tục hành chính lĩnh vực BHXH được rút gọn")
    return _procedure(
        hanoi,
        "Cấp lại, đổi thẻ bảo hiểm y tế",
        applicants="Người tham gia bảo hiểm y tế bị mất, hỏng thẻ hoặc thay đổi thông tin",
    )


def test_a_lost_card_query_finds_the_reissue_procedure_first(hanoi, health_card):
    results = _results(hanoi, "Cấp lại thẻ BHYT bị mất")
    assert results[0][0] == "Cấp lại, đổi thẻ bảo hiểm y tế"
    assert "Thủ tục" in results[0][1]


@pytest.mark.parametrize("query", ["the bhyt", "thẻ bảo hiểm y tế", "mất thẻ bhyt", "thu tuc the bhyt"])
def test_card_queries_put_the_procedure_above_news(hanoi, health_card, query):
    assert _titles(hanoi, query)[0] == "Cấp lại, đổi thẻ bảo hiểm y tế"


def test_a_task_query_ranks_procedures_above_news_that_name_the_task(hanoi, health_card):
    titles = _titles(hanoi, "thu tuc")
    news = titles.index("Thủ tục hành chính lĩnh vực BHXH được rút gọn")
    assert titles.index("Cấp lại, đổi thẻ bảo hiểm y tế") < news


def test_each_result_says_what_it_is(hanoi, health_card):
    with hanoi.context():
        QuestionFactory(title="Mất thẻ BHYT có được cấp lại không?")
    labels = dict(_results(hanoi, "the bhyt"))
    assert "Thủ tục" in labels["Cấp lại, đổi thẻ bảo hiểm y tế"]
    assert "Tin tức" in labels["Người dân làm mất thẻ BHYT cần lưu ý gì khi đi khám bệnh"]
    assert "Hỏi đáp" in labels["Mất thẻ BHYT có được cấp lại không?"]


def test_answered_public_questions_are_found_and_others_are_not(hanoi):
    with hanoi.context():
        answered = QuestionFactory(title="Đóng BHXH tự nguyện tối đa bao nhiêu năm?")
        QuestionFactory(title="Đóng BHXH tự nguyện khi đi làm ở nước ngoài?", status=Question.Status.NEW, answer="")
        QuestionFactory(title="Đóng BHXH tự nguyện cho người thân?", status=Question.Status.REJECTED)
    response = _search(hanoi, "dong bhxh tu nguyen")
    html = response.content.decode()
    assert "Đóng BHXH tự nguyện tối đa bao nhiêu năm?" in html
    assert f"/hoi-dap/{answered.pk}/" in html
    assert "ở nước ngoài" not in html and "cho người thân" not in html

    with hanoi.context():
        answered.status = Question.Status.REJECTED
        answered.save()
    assert "tối đa bao nhiêu năm" not in _search(hanoi, "dong bhxh tu nguyen").content.decode()


def test_offices_are_found_by_the_commune_they_serve(hanoi):
    with hanoi.context():
        add_office("Bảo hiểm xã hội cơ sở Cầu Giấy", ["Phường Nghĩa Đô", "Phường Cầu Giấy"])
    results = _results(hanoi, "phuong nghia do")
    assert results[0][0] == "Bảo hiểm xã hội cơ sở Cầu Giấy"
    assert "Cơ quan BHXH" in results[0][1]


def test_the_kind_filter_narrows_results_with_a_plain_link(hanoi, health_card):
    html = _search(hanoi, "the bhyt").content.decode()
    assert '<a href="?q=the+bhyt&amp;loai=tin-tuc">Tin tức (1)</a>' in html
    assert '<a href="?q=the+bhyt&amp;loai=thu-tuc">Thủ tục (1)</a>' in html

    assert _titles(hanoi, "the bhyt", loai="tin-tuc") == ["Người dân làm mất thẻ BHYT cần lưu ý gì khi đi khám bệnh"]
    assert _titles(hanoi, "the bhyt", loai="khong-co-loai-nay")[0] == "Cấp lại, đổi thẻ bảo hiểm y tế"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("BHYT học sinh", "Hướng dẫn tham gia bảo hiểm y tế học sinh"),
        ("bao hiem xa hoi tu nguyen", "Tuyên truyền BHXH tự nguyện tại phường"),
        ("rút BHXH", "Giải quyết hưởng bảo hiểm xã hội một lần"),
        ("mua bhyt ho gia dinh", "Tham gia BHYT hộ gia đình"),
        ("kcb bằng cccd", "Khám chữa bệnh bằng căn cước công dân"),
    ],
)
def test_abbreviations_and_citizens_words_find_the_official_terms(hanoi, query, expected):
    _news(hanoi, "Hướng dẫn tham gia bảo hiểm y tế học sinh")
    _news(hanoi, "Tuyên truyền BHXH tự nguyện tại phường")
    _news(hanoi, "Khám chữa bệnh bằng căn cước công dân")
    _procedure(hanoi, "Giải quyết hưởng bảo hiểm xã hội một lần")
    _procedure(hanoi, "Tham gia BHYT hộ gia đình")
    assert _titles(hanoi, query)[0] == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nd 158", "Nghị định hướng dẫn BHXH bắt buộc"),
        ("nghị định 158/2025", "Nghị định hướng dẫn BHXH bắt buộc"),
        ("158/2025/NĐ-CP", "Nghị định hướng dẫn BHXH bắt buộc"),
        ("luat 41/2024", "Luật Bảo hiểm xã hội"),
        ("41/2024/QH15", "Luật Bảo hiểm xã hội"),
        ("qđ 595", "Quy trình thu BHXH, BHYT"),
    ],
)
def test_loosely_typed_document_numbers_find_the_document_first(hanoi, query, expected):
    _document(hanoi, "Nghị định hướng dẫn BHXH bắt buộc", "158/2025/NĐ-CP", DocumentType.DECREE)
    _document(hanoi, "Luật Bảo hiểm xã hội", "41/2024/QH15", DocumentType.LAW)
    _document(hanoi, "Quy trình thu BHXH, BHYT", "595/QĐ-BHXH", DocumentType.DECISION)
    _news(hanoi, "Tập huấn Nghị định 158 và Luật 41 cho doanh nghiệp")
    assert _titles(hanoi, query)[0] == expected


@pytest.mark.parametrize(
    "query", ["bảo hiểm xã hội", "bao hiem xa hoi", "baỏ hiểm xã hộ̉i", "bao hiem xa hoij", "ba3o hie63m xa4 ho65i"]
)
def test_queries_typed_without_or_with_stray_accents_still_match(hanoi, query):
    _news(hanoi, "Chính sách bảo hiểm xã hội mới")
    assert "Chính sách bảo hiểm xã hội mới" in _titles(hanoi, query)


def test_unpublished_and_private_pages_are_never_shown(hanoi):
    draft = _news(hanoi, "Tin nháp về lương hưu")
    private = _news(hanoi, "Tin nội bộ về lương hưu")
    _news(hanoi, "Tin công khai về lương hưu")
    with hanoi.context():
        draft.unpublish()
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    assert _titles(hanoi, "luong huu") == ["Tin công khai về lương hưu"]


def test_a_province_synonym_works_only_in_that_province(hanoi, hcm):
    for site in (hanoi, hcm):
        _news(site, "Danh mục văn bản hợp nhất năm 2026")
    with hanoi.context():
        SynonymGroupFactory(terms="VBHN, văn bản hợp nhất")
    assert _titles(hanoi, "vbhn") == ["Danh mục văn bản hợp nhất năm 2026"]
    assert _titles(hcm, "vbhn") == []


def test_the_national_bank_applies_in_every_province(hanoi, hcm):
    NationalSynonymGroup.objects.create(terms="CĐCS, công đoàn cơ sở")
    for site in (hanoi, hcm):
        _news(site, "Hội nghị công đoàn cơ sở")
        assert _titles(site, "cđcs") == ["Hội nghị công đoàn cơ sở"]


def test_a_pinned_result_comes_first_marked_and_only_in_its_province(hanoi, hcm):
    _news(hanoi, "Lương hưu tháng 12 được chi trả sớm")
    _news(hcm, "Lương hưu tháng 12 được chi trả sớm")
    procedure = _procedure(hanoi, "Giải quyết hưởng lương hưu")
    with hanoi.context():
        BestBetFactory(page=procedure, queries="lương hưu\nnghỉ hưu", note="Thủ tục nhận lương hưu")
    html = _search(hanoi, "luong huu thang 12").content.decode()
    pinned = html.index("Giải quyết hưởng lương hưu")
    assert pinned < html.index("Lương hưu tháng 12 được chi trả sớm")
    assert "Đề xuất" in html[pinned : pinned + 300] and "Thủ tục nhận lương hưu" in html
    assert html.count("Giải quyết hưởng lương hưu") == 1  # not repeated among the results
    assert "Đề xuất" not in _search(hcm, "luong huu").content.decode()


def test_nothing_found_suggests_a_spelling_and_offers_a_next_step(hanoi, health_card):
    with hanoi.context():
        hanoi.province.phone = "024 3333 6666"
        hanoi.province.save()
    html = _search(hanoi, "the bhyy").content.decode()
    assert "Tìm thấy 0 kết quả" in html
    assert 'Có phải bạn muốn tìm: <a href="?q=the+bhyt">the bhyt</a>' in html
    assert "Cấp lại, đổi thẻ bảo hiểm y tế" in html  # among the procedures offered
    assert "024 3333 6666" in html


def test_results_are_not_indexed_by_search_engines(hanoi):
    response = _search(hanoi, "bhxh")
    assert response["X-Robots-Tag"] == "noindex"
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_the_search_page_uses_few_queries_whatever_it_finds(hanoi):
    browser = hanoi.client()

    def count(query):
        browser.get("/tim-kiem/", {"q": query})  # warm caches
        with CaptureQueriesContext(connection) as queries:
            assert browser.get("/tim-kiem/", {"q": query}).status_code == 200
        return len(queries)

    for number in range(3):
        _news(hanoi, f"Bảo hiểm y tế hộ gia đình đợt {number}")
    few = count("bao hiem y te")
    for number in range(3, 15):
        _news(hanoi, f"Bảo hiểm y tế hộ gia đình đợt {number}")
    assert count("bao hiem y te") == few
    assert few <= 6
