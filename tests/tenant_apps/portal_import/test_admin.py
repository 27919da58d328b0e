"""The import screens: the centre starts and watches any province's runs; a province only its own."""

import pytest
from django_tenants.utils import tenant_context

from tenant_apps.news.models import NewsPage
from tenant_apps.portal_import.models import ImportedItem, QueuedUrl, SectionMapping
from tenant_apps.portal_import.runs.models import ImportRun
from tenant_apps.portal_import.tasks import run_portal_import
from tenants.models import Province
from tests.factories.old_portal import OldPortal, article_title

CENTRAL_RUNS = "/admin/portal_import_central/"
PROVINCE_RUNS = "/admin/portal_import_runs/"


@pytest.mark.django_db
def test_the_central_list_shows_every_provinces_runs_with_their_progress(central_admin, hanoi, hcm):
    ImportRun.objects.create(province=hanoi.province, source="https://bhxh.hanoi.gov.vn/", processed=7, queued=20)
    ImportRun.objects.create(province=hcm.province, source="/srv/cong-cu-hcm.warc.gz")

    page = central_admin.get(CENTRAL_RUNS)

    assert page.status_code == 200
    text = page.content.decode()
    assert "https://bhxh.hanoi.gov.vn/" in text and "7/20" in text
    assert "/srv/cong-cu-hcm.warc.gz" in text


@pytest.mark.django_db
def test_a_province_sees_only_its_own_runs_and_not_the_central_screen(hanoi, hcm):
    own = ImportRun.objects.create(province=hanoi.province, source="https://bhxh.hanoi.gov.vn/")
    other = ImportRun.objects.create(province=hcm.province, source="https://bhxh.hochiminhcity.gov.vn/")
    browser = hanoi.signed_in_client()

    listing = browser.get(PROVINCE_RUNS).content.decode()

    assert "https://bhxh.hanoi.gov.vn/" in listing
    assert "hochiminhcity" not in listing
    assert browser.get(f"{PROVINCE_RUNS}inspect/{own.pk}/").status_code == 200
    assert browser.get(f"{PROVINCE_RUNS}inspect/{other.pk}/").status_code == 404
    assert browser.get(CENTRAL_RUNS).status_code == 404


@pytest.mark.django_db
def test_the_central_form_starts_a_run_for_the_chosen_province(
    central_admin, hanoi, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        response = central_admin.post(
            f"{CENTRAL_RUNS}new/",
            {"province": hanoi.province.pk, "source": "https://bhxh.hanoi.gov.vn/", "delay_seconds": "1"},
        )

    assert response.status_code == 302
    run = ImportRun.objects.get(province=hanoi.province)
    assert (run.status, run.requested_by, len(callbacks)) == (ImportRun.Status.QUEUED, "admin", 1)


@pytest.mark.django_db
def test_the_section_mapping_is_edited_in_the_province_admin(hanoi):
    with hanoi.context():
        mapping = SectionMapping.objects.create(old_category="Hoạt động ngành")
        category = NewsPage._meta.get_field("category").related_model.objects.get(slug="tin-toan-nganh")
    browser = hanoi.signed_in_client()

    response = browser.post(
        f"/admin/portal_import_sections/edit/{mapping.pk}/",
        {"old_category": "Hoạt động ngành", "news_category": category.pk},
    )

    assert response.status_code == 302
    with hanoi.context():
        assert SectionMapping.objects.get(pk=mapping.pk).news_category == category


def test_an_admin_started_run_is_carried_out_by_the_worker_in_the_province(worker, committed):
    hanoi = Province.objects.get(code="01")
    portal = OldPortal(news=3, documents=1, questions=1)
    with portal.serve() as base_url:
        run = ImportRun.objects.create(province=hanoi, source=base_url, delay_seconds=0, requested_by="admin")
        committed(lambda: _remove_import(hanoi, run))
        with tenant_context(hanoi):
            result = run_portal_import.delay(run.pk)
        assert result.get(timeout=120) == ImportRun.Status.FINISHED

    run.refresh_from_db()
    assert run.status == ImportRun.Status.FINISHED
    assert f"Nhập mới: {run.imported}" in run.report
    with tenant_context(hanoi):
        assert NewsPage.objects.filter(title=article_title(1)).count() == 1


def _remove_import(province, run):
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from tenant_apps.qa.models import Question

    with tenant_context(province):
        items = ImportedItem.objects.filter(run_id=run.pk)
        for page in Page.objects.filter(pk__in=items.filter(kind__in=["tin", "van-ban", "trang"]).values("object_id")):
            page.delete()
        for kind, model in (("hoi-dap", Question), ("anh", get_image_model()), ("tep", get_document_model())):
            model.objects.filter(pk__in=items.filter(kind=kind).values("object_id")).delete()
        Redirect.objects.all().delete()
        SectionMapping.objects.all().delete()
        QueuedUrl.objects.filter(run_id=run.pk).delete()
        items.delete()
    run.delete()
