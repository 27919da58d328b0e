"""Importing an old portal crawled live (robots.txt, sitemap, RSS, links): content, report, 301s, isolation."""

import re

import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tenant_apps.documents.models import DocumentStatus, DocumentType, LegalDocumentPage
from tenant_apps.news.models import NewsCategory, NewsPage
from tenant_apps.pages.models import ContentPage
from tenant_apps.portal_import.models import ImportedItem, QueuedUrl, SectionMapping
from tenant_apps.portal_import.runs.models import ImportRun
from tenant_apps.qa.models import Question
from tenants.models import Domain
from tests.factories.old_portal import OldPortal, article_path, article_title, document_path, question_path

pytestmark = pytest.mark.django_db


def _import(code, base_url, *extra):
    call_command("import_portal", code, base_url, "--delay", "0", *extra)


def _problems(run):
    return {problem["url"].split("/", 3)[3]: problem["reason"] for problem in run.problems}


def test_a_few_hundred_pages_become_news_documents_questions_and_pages(hanoi, capsys):
    portal = OldPortal(news=150, documents=40, questions=40)
    with portal.serve() as base_url:
        _import("01", base_url)
    output = capsys.readouterr().out
    run = ImportRun.objects.get(province=hanoi.province)
    with hanoi.context():
        counts = (
            NewsPage.objects.live().count(),
            LegalDocumentPage.objects.live().count(),
            Question.objects.filter(status=Question.Status.PUBLISHED).count(),
            ContentPage.objects.filter(
                title__in=["Chức năng, nhiệm vụ", "Cơ cấu tổ chức", "Lịch sử hình thành"]
            ).count(),
        )
    # 150 articles and the three in odd encodings; the truncated and the cut-off ones are skipped.
    assert counts == (153, 40, 40, 3)
    assert run.status == ImportRun.Status.FINISHED
    assert run.imported == 153 + 40 + 40 + 3
    assert "Nhập mới: 236" in output


def test_an_article_keeps_its_date_author_summary_and_captioned_image(hanoi, old_portal):
    _, base_url = old_portal
    _import("01", base_url)
    with hanoi.context():
        article = NewsPage.objects.get(title=article_title(3))
        image = article.featured_image
        assert article.first_published_at.date().isoformat() == "2024-01-04"
        assert article.author == "Phóng viên 3"
        assert article.summary.startswith("Tóm tắt: hội nghị số 3")
        assert article.featured_image_alt == "Ảnh hội nghị số 3"
        assert f'<embed alt="Ảnh hội nghị số 3" embedtype="image" format="fullwidth" id="{image.pk}"/>' in article.body
        assert "<i>Quang cảnh hội nghị số 3</i>" in article.body
        assert "/hanoi/" in image.file.path
    page = hanoi.client().get(article.url)
    assert page.status_code == 200
    assert "Quang cảnh hội nghị số 3" in page.content.decode()


def test_internal_links_point_at_the_new_pages_and_files(hanoi, old_portal):
    _, base_url = old_portal
    _import("01", base_url)
    with hanoi.context():
        article = NewsPage.objects.get(title=article_title(1))
        related = NewsPage.objects.get(title=article_title(4))
        document = LegalDocumentPage.objects.get(number="1/QĐ-BHXH")
        assert "127.0.0.1" not in article.body
    page = hanoi.client().get(article.url).content.decode()
    assert f'<a href="{related.url}">bài liên quan</a>' in page
    assert f'<a href="{document.url}">văn bản hướng dẫn</a>' in page


def test_a_legal_document_keeps_its_metadata_and_attached_files(hanoi, old_portal):
    _, base_url = old_portal
    _import("01", base_url)
    with hanoi.context():
        document = LegalDocumentPage.objects.get(number="0/QĐ-BHXH")
        files = [attachment.document for attachment in document.attachments.all()]
        assert (document.doc_type, document.issuer, document.signer) == (
            DocumentType.DECISION,
            "Bảo hiểm xã hội tỉnh Mẫu Sơn",
            "Nguyễn Văn Minh",
        )
        assert (document.signed_date.isoformat(), document.effective_date.isoformat()) == ("2024-03-01", "2024-04-01")
        assert document.status == DocumentStatus.EXPIRED
        assert document.summary == "Về việc hướng dẫn thu bảo hiểm xã hội, bảo hiểm y tế năm 2024 (đợt 0)"
        assert sorted(f.file.name.rsplit(".", 1)[1] for f in files) == ["docx", "pdf"]
        assert sorted(f.title for f in files) == ["Tải về bản PDF", "Tải về bản Word"]
    response = hanoi.client().get(document.url)
    assert response.status_code == 200
    assert "0/QĐ-BHXH" in response.content.decode()


def test_an_answered_question_is_published_with_its_answer(hanoi, old_portal):
    _, base_url = old_portal
    _import("01", base_url)
    with hanoi.context():
        question = Question.objects.get(title="Hỏi về chế độ BHYT (câu 1)")
        assert (question.asker_name, question.commune, question.topic) == ("Trần Thị Hoa 1", "Phường Đông Kinh", "bhyt")
        assert question.body.startswith("Tôi đóng BHYT được 2 năm")
        url = question.url
    response = hanoi.client().get(url)
    assert response.status_code == 200
    assert "người tham gia BHYT được hưởng đầy đủ quyền lợi" in response.content.decode()


def test_odd_encodings_arrive_as_proper_vietnamese(hanoi, old_portal):
    _, base_url = old_portal
    _import("01", base_url)
    with hanoi.context():
        titles = set(NewsPage.objects.values_list("title", flat=True))
    assert "Bài viết mã hóa Windows-1258 về đóng bảo hiểm" in titles  # windows-1258, tone marks combining
    assert "Bài viết khai sai bảng mã về thẻ bảo hiểm y tế" in titles  # UTF-8 declared as iso-8859-1
    assert "Bài viết dạng tổ hợp về bảo hiểm thất nghiệp" in titles  # NFD, stored NFC


def test_broken_disallowed_and_duplicate_pages_are_reported_with_their_reason(hanoi, old_portal):
    portal, base_url = old_portal
    _import("01", base_url)
    run = ImportRun.objects.get(province=hanoi.province)
    problems = _problems(run)
    assert problems["tin-tuc/loi-may-chu.html"] == "Lỗi HTTP 500"
    assert problems["tin-tuc/bai-bi-cat.html"] == "Không có nội dung chính"
    assert problems["tin-tuc/ket-noi-dut.html"].startswith("Không tải được")
    assert problems["noi-bo/tai-lieu.html"] == "robots.txt không cho phép"
    assert problems["tin-tuc/hoat-dong-nganh/bai-viet-so-0.html?print=1"].startswith("Trùng nội dung với")
    assert not any(path.startswith("/noi-bo/") for path in portal.requests_seen)
    with hanoi.context():
        assert NewsPage.objects.filter(title=article_title(0)).count() == 1


def test_old_urls_answer_301_to_the_new_pages_on_the_old_domain(hanoi, old_portal):
    _, base_url = old_portal
    _import("01", base_url, "--old-domain", "bhxh.mauson.gov.vn")
    with hanoi.context():
        article = NewsPage.objects.get(title=article_title(5))
        document = LegalDocumentPage.objects.get(number="2/QĐ-BHXH")
        question_url = Question.objects.get(title__endswith="(câu 3)").url
        printed = NewsPage.objects.get(title=article_title(0))
    old_site = Client(HTTP_HOST="bhxh.mauson.gov.vn")
    assert Domain.objects.get(domain="bhxh.mauson.gov.vn").tenant == hanoi.province
    for old_path, new_url in (
        (article_path(5), article.url),
        (f"{article_path(0)}?print=1", printed.url),
        (document_path(2), document.url),
        (question_path(3), question_url),
    ):
        response = old_site.get(old_path)
        assert (response.status_code, response["Location"]) == (301, new_url)
    image = old_site.get("/uploads/2024/anh-5.png")
    assert image.status_code == 301
    assert re.search(r"/media/hanoi/.*anh-5", image["Location"])


def test_a_second_province_sees_none_of_it(hanoi, hcm, old_portal):
    _, base_url = old_portal
    _import("01", base_url, "--old-domain", "bhxh.mauson.gov.vn")
    with hcm.context():
        assert NewsPage.objects.filter(title=article_title(4)).count() == 0
        assert LegalDocumentPage.objects.count() == 0
        assert ImportedItem.objects.count() == 0
        assert get_image_model().objects.filter(title__startswith="Ảnh hội nghị").count() == 0
        assert get_document_model().objects.filter(title__startswith="Tải về").count() == 0
    assert hcm.client().get(article_path(4)).status_code == 404
    assert ImportRun.objects.filter(province=hcm.province).count() == 0


def test_a_run_again_duplicates_nothing_and_updates_what_changed(hanoi, old_portal):
    portal, base_url = old_portal
    _import("01", base_url)
    with hanoi.context():
        before = (NewsPage.objects.count(), get_image_model().objects.count(), get_document_model().objects.count())
        article_id = NewsPage.objects.get(title=article_title(7)).pk
    portal.edits[article_path(7)] = "Tiêu đề đã sửa trên cổng cũ"

    _import("01", base_url)

    second = ImportRun.objects.filter(province=hanoi.province).first()
    with hanoi.context():
        after = (NewsPage.objects.count(), get_image_model().objects.count(), get_document_model().objects.count())
        assert NewsPage.objects.get(pk=article_id).title == "Tiêu đề đã sửa trên cổng cũ"
    assert after == before
    assert (second.imported, second.updated) == (0, 1)
    assert second.unchanged == 12 + 3 + 4 + 4 + 3 - 1


def test_an_old_section_without_a_match_goes_to_the_default_one_and_is_listed_for_mapping(hanoi, old_portal):
    _, base_url = old_portal
    _import("01", base_url)
    with hanoi.context():
        article = NewsPage.objects.get(title=article_title(3))
        mapping = SectionMapping.objects.get(old_category="Hoạt động ngành")
        assert (article.category.slug, mapping.news_category) == ("tin-dia-phuong", None)
        assert SectionMapping.objects.get(old_category="Tin địa phương").news_category.slug == "tin-dia-phuong"


def test_editing_the_section_mapping_and_running_again_moves_the_articles(hanoi, old_portal):
    from tenant_apps.portal_import.models import SectionMapping

    _, base_url = old_portal
    _import("01", base_url)
    with hanoi.context():
        national = NewsCategory.objects.get(slug="tin-toan-nganh")
        SectionMapping.objects.filter(old_category="Chính sách mới").update(news_category=national)

    _import("01", base_url)

    with hanoi.context():
        assert NewsPage.objects.get(title=article_title(1)).category == national
        assert NewsPage.objects.get(title=article_title(3)).category.slug == "tin-dia-phuong"
    # Four articles of that section, and the copy of one of them saved in NFD.
    assert ImportRun.objects.filter(province=hanoi.province).first().updated == 5


def test_a_run_that_stopped_is_resumed_where_it_was(hanoi, old_portal, capsys):
    _, base_url = old_portal
    stopped = ImportRun.objects.create(
        province=hanoi.province, source=base_url, status=ImportRun.Status.RUNNING, delay_seconds=0
    )
    with hanoi.context():
        QueuedUrl.objects.create(
            run_id=stopped.pk, url=f"{base_url}tin-tuc/chinh-sach-moi/bai-viet-so-4.html", done=True
        )
        QueuedUrl.objects.create(run_id=stopped.pk, url=f"{base_url}van-ban/van-ban-2-2024.html")

    _import("01", base_url)

    assert f"Tiếp tục lượt #{stopped.pk}" in capsys.readouterr().out
    stopped.refresh_from_db()
    assert stopped.status == ImportRun.Status.FINISHED
    with hanoi.context():
        assert LegalDocumentPage.objects.filter(number="2/QĐ-BHXH").exists()
        assert not NewsPage.objects.filter(title=article_title(4)).exists()  # done before it stopped


def test_an_unknown_province_or_source_is_refused_in_one_line(hanoi):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Không có tỉnh «99»"):
        _import("99", "http://127.0.0.1:9/")
    with pytest.raises(CommandError, match="không phải địa chỉ web, tệp WARC hay thư mục"):
        _import("01", "/khong/co/thu-muc-nay")
    with pytest.raises(CommandError, match=re.escape("Tên miền cũ «http://bhxh.mauson.gov.vn» không hợp lệ")):
        _import("01", "/khong/co/thu-muc-khac", "--old-domain", "http://bhxh.mauson.gov.vn")


def test_the_old_domain_of_another_province_is_refused(hanoi, hcm):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match=re.escape("Tên miền hcm.localhost đã thuộc")):
        _import("01", "/khong/co/thu-muc-nay", "--old-domain", "hcm.localhost")
