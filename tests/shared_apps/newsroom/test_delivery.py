"""Delivering a national item into one province, called as the delivery task calls it (no worker)."""

import pytest
from django.conf import settings
from wagtail.models import GroupApprovalTask, PageLogEntry, Workflow, WorkflowPage, WorkflowTask

from shared_apps.newsroom.models import Delivery, SyndicationPolicy
from shared_apps.newsroom.services.delivery import deliver_national_item, set_receiving_mode
from tenant_apps.documents.models import DocumentIndexPage, LegalDocumentPage
from tenant_apps.news.models import NewsIndexPage, NewsPage
from tests.factories import NationalDocumentPageFactory, NationalNewsPageFactory

from .helpers import central_image, item_of, publish

pytestmark = pytest.mark.django_db


def test_a_copy_keeps_the_original_fields_dates_and_canonical_link(hanoi, newsroom):
    original = publish(
        NationalNewsPageFactory(parent=newsroom.news, title="Thu bảo hiểm xã hội năm 2026 vượt kế hoạch")
    )
    item, central_url = item_of(original), original.get_full_url()

    with hanoi.context():
        delivery = deliver_national_item(item.pk)
        copy = NewsPage.objects.get(syndication_key=item.key)
        assert copy.live and copy.get_parent().specific_class is NewsIndexPage
        assert copy.category.slug == "tin-toan-nganh"
        assert (copy.title, copy.author, copy.summary) == (original.title, original.author, original.summary)
        assert copy.first_published_at == original.first_published_at
        assert copy.canonical_url == central_url == "http://localhost/tin-toan-nganh/" + original.slug + "/"
        page_url = copy.url

    assert delivery.status == Delivery.Status.DELIVERED and delivery.copy_page_id == copy.pk
    html = hanoi.client().get(page_url).content.decode()
    assert "Thu bảo hiểm xã hội năm 2026 vượt kế hoạch" in html
    assert f'<link rel="canonical" href="{central_url}">' in html
    assert "Xem bản gốc" in html


def _history(copy) -> list[str]:
    return list(PageLogEntry.objects.filter(page=copy).order_by("timestamp", "pk").values_list("action", flat=True))


def test_a_copy_published_automatically_is_live_searchable_and_has_a_history_the_admin_shows(hanoi, newsroom):
    original = NationalNewsPageFactory(parent=newsroom.news, title="Chi trả lương hưu qua tài khoản ngân hàng")
    original.tags.add("người hưởng trợ cấp")
    item = item_of(publish(original))

    with hanoi.context():
        deliver_national_item(item.pk)
        copy = NewsPage.objects.get(syndication_key=item.key)
        assert copy.live and not copy.has_unpublished_changes
        assert copy.first_published_at == original.first_published_at
        assert copy.last_published_at == original.last_published_at
        assert copy.latest_revision == copy.live_revision
        assert copy.live_revision.as_object().title == "Chi trả lương hưu qua tài khoản ngân hàng"
        assert _history(copy) == ["wagtail.create", "wagtail.publish"]

    for query in ("luong huu ngan hang", "nguoi huong tro cap"):
        assert "Chi trả lương hưu" in hanoi.client().get("/tim-kiem/", {"q": query}).content.decode()
    admin = hanoi.signed_in_client()
    assert admin.get(f"/admin/pages/{copy.pk}/history/").status_code == 200
    assert admin.get(f"/admin/pages/{copy.pk}/edit/").status_code == 200


def test_an_edit_updates_the_same_copy_with_a_new_published_revision(hanoi, newsroom):
    original = publish(NationalNewsPageFactory(parent=newsroom.news, title="Dự thảo hướng dẫn khám chữa bệnh"))
    item = item_of(original)
    with hanoi.context():
        deliver_national_item(item.pk)

    original.title = "Hướng dẫn khám chữa bệnh bảo hiểm y tế trái tuyến"
    publish(original)
    with hanoi.context():
        deliver_national_item(item.pk)
        [copy] = NewsPage.objects.filter(syndication_key=item.key)
        assert copy.title == copy.draft_title == "Hướng dẫn khám chữa bệnh bảo hiểm y tế trái tuyến"
        assert copy.live and not copy.has_unpublished_changes
        assert copy.last_published_at == item_of(original).last_published_at
        assert copy.revisions.count() == 2 and copy.latest_revision == copy.live_revision
        assert copy.live_revision.as_object().title == copy.title
        assert _history(copy) == ["wagtail.create", "wagtail.publish", "wagtail.rename", "wagtail.publish"]

    assert "Hướng dẫn khám chữa bệnh" in hanoi.client().get("/tim-kiem/", {"q": "trai tuyen"}).content.decode()
    assert "Dự thảo" not in hanoi.client().get("/tim-kiem/", {"q": "du thao"}).content.decode()


def test_an_edit_published_automatically_supersedes_a_copy_awaiting_approval(hanoi, newsroom):
    set_receiving_mode(hanoi.province, SyndicationPolicy.Mode.APPROVAL_FIRST, username="truongban")
    original = publish(NationalNewsPageFactory(parent=newsroom.news))
    item = item_of(original)
    with hanoi.context():
        _board_workflow(NewsIndexPage.objects.get())
        deliver_national_item(item.pk)

    set_receiving_mode(hanoi.province, SyndicationPolicy.Mode.AUTO_PUBLISH, username="truongban")
    original.summary = "Bản đã cập nhật."
    publish(original)
    with hanoi.context():
        delivery = deliver_national_item(item.pk)
        copy = NewsPage.objects.get(syndication_key=item.key)
        assert copy.live and copy.summary == "Bản đã cập nhật." and not copy.workflow_in_progress

    assert delivery.status == Delivery.Status.DELIVERED and not delivery.awaiting_approval


def test_images_and_attachments_are_copied_into_the_provinces_own_media(hanoi, newsroom):
    image = central_image("#0a7d5a")
    original = NationalNewsPageFactory(
        parent=newsroom.news,
        featured_image=image,
        featured_image_alt="Hội nghị",
        body=f'<p>Ảnh:</p><embed embedtype="image" id="{image.pk}" format="fullwidth" alt="Hội nghị"/>',
    )
    publish(original)
    document = publish(NationalDocumentPageFactory(parent=newsroom.documents, with_file=True))
    image_hash = image.get_file_hash()
    try:
        with hanoi.context():
            deliver_national_item(item_of(original).pk)
            deliver_national_item(item_of(document).pk)
            copy = NewsPage.objects.get(syndication_key=item_of(original).key)
            copied_image = copy.featured_image
            assert copied_image.file_hash == image_hash
            assert copied_image.file.path.startswith(f"{settings.MEDIA_ROOT}/hanoi/")
            assert f'id="{copied_image.pk}"' in copy.body
            legal = LegalDocumentPage.objects.get(syndication_key=item_of(document).key)
            assert legal.get_parent().specific_class is DocumentIndexPage
            attachment = legal.attachments.get().document
            assert attachment.file.path.startswith(f"{settings.MEDIA_ROOT}/hanoi/")
            assert attachment.file.read().startswith(b"%PDF")
    finally:
        with hanoi.context():
            for copied in [*NewsPage.objects.filter(syndication_key__isnull=False)]:
                if copied.featured_image:
                    copied.featured_image.file.delete(save=False)
            for legal in LegalDocumentPage.objects.filter(syndication_key__isnull=False):
                for attachment in legal.attachments.all():
                    attachment.document.file.delete(save=False)
        image.file.delete(save=False)


def _board_workflow(news_index):
    workflow = news_index.get_workflow()
    if workflow is None:
        workflow = Workflow.objects.create(name="Duyệt tin thử nghiệm")
        WorkflowTask.objects.create(
            workflow=workflow, task=GroupApprovalTask.objects.create(name="Duyệt"), sort_order=0
        )
        WorkflowPage.objects.create(page=news_index, workflow=workflow)
    return workflow


def test_approval_first_puts_the_copy_into_the_provinces_workflow_unpublished(hanoi, newsroom):
    set_receiving_mode(hanoi.province, SyndicationPolicy.Mode.APPROVAL_FIRST, username="truongban")
    original = publish(NationalNewsPageFactory(parent=newsroom.news, title="Tin chờ Ban Biên tập tỉnh duyệt"))

    with hanoi.context():
        workflow = _board_workflow(NewsIndexPage.objects.get())
        delivery = deliver_national_item(item_of(original).pk)
        copy = NewsPage.objects.get(syndication_key=item_of(original).key)
        assert not copy.live
        assert copy.workflow_in_progress and copy.current_workflow_state.workflow == workflow

    assert delivery.status == Delivery.Status.DELIVERED and delivery.awaiting_approval
    assert "Tin chờ Ban Biên tập tỉnh duyệt" not in hanoi.client().get("/tin-tuc/").content.decode()


def test_approval_first_without_a_workflow_leaves_an_unpublished_draft(hanoi, newsroom):
    set_receiving_mode(hanoi.province, SyndicationPolicy.Mode.APPROVAL_FIRST, username="truongban")
    original = publish(NationalNewsPageFactory(parent=newsroom.news))

    with hanoi.context():
        WorkflowPage.objects.filter(page=NewsIndexPage.objects.get()).delete()
        deliver_national_item(item_of(original).pk)
        copy = NewsPage.objects.get(syndication_key=item_of(original).key)
        assert not copy.live and copy.has_unpublished_changes and not copy.workflow_in_progress


def test_the_policy_of_one_province_does_not_apply_to_another(hanoi, hcm, newsroom):
    set_receiving_mode(hanoi.province, SyndicationPolicy.Mode.APPROVAL_FIRST, username="truongban")
    original = publish(NationalNewsPageFactory(parent=newsroom.news))

    with hcm.context():
        deliver_national_item(item_of(original).pk)
        assert NewsPage.objects.get(syndication_key=item_of(original).key).live


def test_links_to_central_pages_become_absolute_and_replacements_link_the_copies(hanoi, newsroom):
    older = publish(NationalDocumentPageFactory(parent=newsroom.documents, number="1/QĐ-BHXH"))
    newer = NationalDocumentPageFactory(
        parent=newsroom.documents,
        number="2/QĐ-BHXH",
        body=f'<p>Xem <a linktype="page" id="{newsroom.news.pk}">tin toàn ngành</a>.</p>',
    )
    newer.replaces = [older]
    publish(newer)

    with hanoi.context():
        deliver_national_item(item_of(older).pk)
        deliver_national_item(item_of(newer).pk)
        older_copy = LegalDocumentPage.objects.get(syndication_key=item_of(older).key)
        newer_copy = LegalDocumentPage.objects.get(syndication_key=item_of(newer).key)
        assert list(newer_copy.replaces.all()) == [older_copy]
        assert '<a href="http://localhost/tin-toan-nganh/">tin toàn ngành</a>' in newer_copy.body
