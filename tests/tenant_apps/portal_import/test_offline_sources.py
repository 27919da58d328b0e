"""Importing a saved crawl (WARC, via warcio) or a folder of saved pages: the same result as the live site."""

import pytest
from django.core.management import call_command

from tenant_apps.documents.models import LegalDocumentPage
from tenant_apps.news.models import NewsPage
from tenant_apps.portal_import.runs.models import ImportRun
from tenant_apps.qa.models import Question
from tests.factories.old_portal import OldPortal, article_title

pytestmark = pytest.mark.django_db

SMALL = {"news": 6, "documents": 2, "questions": 2}


def _imported(site):
    with site.context():
        return (
            NewsPage.objects.count(),
            LegalDocumentPage.objects.count(),
            Question.objects.count(),
            NewsPage.objects.get(title=article_title(1)).featured_image is not None,
        )


def test_a_saved_crawl_is_imported_with_its_images_and_files(hanoi, tmp_path):
    OldPortal(**SMALL).write_warc(tmp_path / "cong-cu.warc.gz")

    call_command("import_portal", "hanoi", str(tmp_path / "cong-cu.warc.gz"))

    # Six articles and the three in odd encodings, two documents, two questions.
    assert _imported(hanoi) == (9, 2, 2, True)
    with hanoi.context():
        assert LegalDocumentPage.objects.get(number="1/QĐ-BHXH").attachments.count() == 2
    assert ImportRun.objects.get(province=hanoi.province).status == ImportRun.Status.FINISHED


def test_a_folder_of_saved_pages_is_imported_under_the_old_addresses(hanoi, tmp_path):
    portal = OldPortal(**SMALL)
    portal.write_folder(tmp_path / "cong-cu")

    call_command("import_portal", "01", str(tmp_path / "cong-cu"), "--base-url", f"http://{portal.host}/")

    assert _imported(hanoi) == (9, 2, 2, True)
    old = f"http://{portal.host}/tin-tuc/chinh-sach-moi/bai-viet-so-1.html"
    with hanoi.context():
        assert NewsPage.objects.get(title=article_title(1)).pk == _page_for(old)


def test_a_folder_without_its_old_address_is_refused(hanoi, tmp_path):
    from django.core.management.base import CommandError

    OldPortal(**SMALL).write_folder(tmp_path)
    with pytest.raises(CommandError, match="--base-url"):
        call_command("import_portal", "01", str(tmp_path))


def _page_for(url):
    from tenant_apps.portal_import.models import ImportedItem

    return ImportedItem.objects.get(url=url).object_id
