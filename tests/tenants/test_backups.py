"""Backups: a province restored into a fresh schema has the same pages and files as the original.

pg_dump and psql use their own connections, so the test data is committed and removed afterwards.
"""

import json
import re
import shutil
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django_tenants.utils import schema_context, schema_exists, tenant_context
from wagtail import hooks
from wagtail.documents.models import Document
from wagtail.models import Page

from tenant_apps.home.models import HomePage
from tenant_apps.news.models import NewsIndexPage
from tenants.models import Province
from tenants.steps import PROVINCE_BACKUP_CONTENTS
from tests.factories import ContentPageFactory, NewsPageFactory, WagtailDocumentFactory

RESTORED = "hanoi_khoi_phuc"
FILE_BYTES = b"%PDF-1.4\n% Quyet dinh so 123 ve lich tiep cong dan\n"


def _drop(schema: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    for root in (settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT):
        shutil.rmtree(Path(root) / schema, ignore_errors=True)


@pytest.fixture
def hanoi_content(committed):
    """A page and a document with its file in Hà Nội, committed, removed after the test."""
    hanoi = Province.objects.get(code="01")
    with tenant_context(hanoi):
        page = ContentPageFactory(parent=HomePage.objects.get(), title="Lịch tiếp công dân tháng 6", slug="lich-tiep")
        document = WagtailDocumentFactory(title="Quyết định 123", file=ContentFile(FILE_BYTES, name="qd-123.pdf"))
    committed(lambda: _delete_content(hanoi, page.pk, document.pk))
    committed(lambda: _drop(RESTORED))
    return hanoi, document


def _delete_content(province, page_id, document_id):
    with tenant_context(province):
        Page.objects.filter(pk=page_id).delete()
        Document.objects.get(pk=document_id).delete()  # Wagtail removes the file too


def _titles():
    return sorted(Page.objects.filter(depth__gt=1).values_list("title", flat=True))


def test_a_province_restored_into_a_fresh_schema_matches_the_original(hanoi_content, tmp_path):
    hanoi, document = hanoi_content
    archive = tmp_path / "hanoi.tar.gz"

    call_command("backup_province", "01", output=archive)

    with tarfile.open(archive) as contents:
        manifest = json.load(contents.extractfile("manifest.json"))
        names = contents.getnames()
    assert manifest["code"] == "01" and manifest["schema"] == "hanoi" and manifest["counts"]["documents"] >= 1
    assert "schema.sql" in names and f"media/{document.file.name}" in names

    call_command("restore_province", "01", str(archive), schema=RESTORED)

    with tenant_context(hanoi):
        original_titles, original_documents = _titles(), Document.objects.count()
    with schema_context(RESTORED):
        assert _titles() == original_titles and "Lịch tiếp công dân tháng 6" in _titles()
        assert Document.objects.count() == original_documents == manifest["counts"]["documents"]
        copy = Document.objects.get(title="Quyết định 123")
    assert (Path(settings.MEDIA_ROOT) / RESTORED / copy.file.name).read_bytes() == FILE_BYTES
    assert Province.objects.get(code="01").schema_name == "hanoi"  # a copy: the live site is untouched


@pytest.fixture
def hanoi_content_in_buckets(object_storage, hanoi_content):
    """The same content, its files in the test S3 server's buckets (MEDIA_STORAGE=s3), and a citizen's upload."""
    hanoi, document = hanoi_content
    with tenant_context(hanoi):
        upload = storages["private"].save("yeu-cau/2026/06/to-khai.pdf", ContentFile(b"%PDF-1.4 to khai"))
    return hanoi, document, upload, object_storage


def test_with_object_storage_a_province_restored_into_a_fresh_schema_has_its_objects(
    hanoi_content_in_buckets, tmp_path
):
    hanoi, document, upload, buckets = hanoi_content_in_buckets
    archive = tmp_path / "hanoi.tar.gz"

    call_command("backup_province", "01", output=archive)

    with tarfile.open(archive) as contents:
        names = contents.getnames()
    assert f"media/{document.file.name}" in names and f"private-media/{upload}" in names

    call_command("restore_province", "01", str(archive), schema=RESTORED)

    with schema_context(RESTORED):
        copy = Document.objects.get(title="Quyết định 123")
        assert copy.file.open("rb").read() == FILE_BYTES
        assert storages["private"].open(upload).read() == b"%PDF-1.4 to khai"
    assert f"{RESTORED}/{document.file.name}" in buckets.keys(buckets.media_bucket)
    assert f"{RESTORED}/{upload}" in buckets.keys(buckets.private_bucket)
    with tenant_context(hanoi):  # the original is untouched
        assert storages["private"].open(upload).read() == b"%PDF-1.4 to khai"


def test_restore_refuses_to_overwrite_an_existing_schema(hanoi_content, tmp_path):
    archive = tmp_path / "hanoi.tar.gz"
    call_command("backup_province", "01", output=archive)

    with pytest.raises(CommandError, match=re.escape("Schema «hanoi» đã tồn tại; thêm --replace nếu muốn ghi đè.")):
        call_command("restore_province", "01", str(archive))
    with pytest.raises(CommandError, match="của tỉnh mã «01», không phải «79»"):
        call_command("restore_province", "79", str(archive), schema=RESTORED)
    with pytest.raises(CommandError, match="đang là của"):
        call_command("restore_province", "01", str(archive), schema="hcm", replace=True)
    with pytest.raises(CommandError, match="không hợp lệ hoặc được dành riêng"):
        call_command("restore_province", "01", str(archive), schema="public", replace=True)
    assert not schema_exists(RESTORED)


def test_restore_with_replace_brings_back_deleted_content_in_place(hanoi_content, tmp_path):
    hanoi, _ = hanoi_content
    archive = tmp_path / "hanoi.tar.gz"
    call_command("backup_province", "01", output=archive)
    with tenant_context(hanoi):
        Page.objects.filter(title="Lịch tiếp công dân tháng 6").delete()

    call_command("restore_province", "01", str(archive), replace=True)

    with tenant_context(Province.objects.get(code="01")):
        assert Page.objects.filter(title="Lịch tiếp công dân tháng 6").exists()
    assert not schema_exists("hanoi_restoring")


def test_after_a_restore_over_the_live_site_the_home_page_no_longer_links_what_the_archive_lacks(
    hanoi_content, tmp_path
):
    hanoi, _ = hanoi_content
    archive = tmp_path / "hanoi.tar.gz"
    call_command("backup_province", "01", output=archive)
    with tenant_context(hanoi):
        later = NewsPageFactory(parent=NewsIndexPage.objects.get(), title="Tin đăng sau bản sao lưu")
        later.save_revision().publish()
    browser = Client(HTTP_HOST="hanoi.localhost")
    assert "Tin đăng sau bản sao lưu" in browser.get("/").content.decode()  # now in the cached fragments

    call_command("restore_province", "01", str(archive), replace=True)

    assert "Tin đăng sau bản sao lưu" not in browser.get("/").content.decode()


@pytest.mark.django_db
def test_bad_code_or_bad_file_gives_one_readable_line(tmp_path):
    not_an_archive = tmp_path / "ghi-chu.tar.gz"
    not_an_archive.write_text("không phải bản sao lưu")

    with pytest.raises(CommandError, match=r"^Không có tỉnh, thành phố mã «99» trên hệ thống\.$"):
        call_command("backup_province", "99", output=tmp_path / "x.tar.gz")
    with pytest.raises(CommandError, match=r"^Tệp «ghi-chu\.tar\.gz» không phải bản sao lưu tỉnh hợp lệ"):
        call_command("restore_province", "01", str(not_an_archive), schema=RESTORED)
    with pytest.raises(CommandError, match=r"^Không tìm thấy tệp"):
        call_command("restore_province", "01", str(tmp_path / "khong-co.tar.gz"))


@pytest.mark.django_db
def test_the_platform_backup_holds_the_whole_database_and_every_province(tmp_path):
    archive = tmp_path / "platform.tar.gz"

    call_command("backup_platform", output=archive)

    with tarfile.open(archive) as contents:
        manifest = json.load(contents.extractfile("manifest.json"))
        dump = contents.extractfile("database.dump").read(5)
    assert dump == b"PGDMP"  # pg_dump's custom format, for pg_restore
    assert {("01", "hanoi"), ("79", "hcm")} <= {(p["code"], p["schema"]) for p in manifest["provinces"]}


def test_the_archive_counts_what_each_app_registered(hanoi):
    from tenants.backups import _content_counts

    with hooks.register_temporarily(
        PROVINCE_BACKUP_CONTENTS, lambda: {"schema_is_hanoi": connection.schema_name == "hanoi"}
    ):
        counts = _content_counts("hanoi")

    assert {"pages", "documents", "images", "news_articles", "legal_documents"} <= set(counts)
    assert counts["schema_is_hanoi"] == 1
