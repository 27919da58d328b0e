""" "Gỡ tin" and "Đính chính": the centre's action, its cascade to every province, the completion report.

Deliveries are run as the delivery task runs them, province by province (no worker), so a test can
stop between the centre's action and a province's part of the cascade.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone
from wagtail.models import TaskState

from shared_apps.newsroom import tasks
from shared_apps.newsroom.models import Delivery, NationalNotice, SyndicationPolicy
from shared_apps.newsroom.services.delivery import deliver_national_item, set_receiving_mode
from shared_apps.newsroom.services.fanout import retry_deliveries
from shared_apps.newsroom.services.withdrawals import WithdrawnCopyPublishRefused, cascade_report, withdraw_item
from tenant_apps.documents.models import LegalDocumentPage
from tenant_apps.news.models import NewsPage
from tests.factories import NationalDocumentPageFactory, NationalNewsPageFactory
from tests.tenant_apps.site.test_nu_html_checker import validation_errors, vnu  # noqa: F401 (a fixture)

from .helpers import item_of, publish

pytestmark = pytest.mark.django_db

BODY_MARK = "Mức hưởng trợ cấp thai sản tính sai"
REASON = "Thông tin về mức hưởng chưa đúng với Nghị định; Trung ương đã gỡ để rà soát."


def _today() -> str:
    return timezone.localdate().strftime("%d/%m/%Y")


def _national_article(newsroom, **kwargs):
    return publish(
        NationalNewsPageFactory(
            parent=newsroom.news,
            title="Hướng dẫn chế độ thai sản năm 2026",
            body=f"<p>{BODY_MARK} theo hướng dẫn cũ.</p>",
            **kwargs,
        )
    )


def _deliver(site, item):
    with site.context():
        return deliver_national_item(item.pk)


def _copy_url(site, item, model=NewsPage) -> str:
    with site.context():
        return model.objects.get(syndication_key=item.key).url


def _withdraw_through_admin(central_admin, original, reason=REASON):
    return central_admin.post(f"/admin/tin-toan-nganh/{original.pk}/go-tin/", {"text": reason})


def test_after_a_withdrawal_every_copy_shows_the_notice_and_leaves_lists_search_feeds_and_sitemap(
    hanoi, hcm, newsroom, central_admin, central_client
):
    original = _national_article(newsroom)
    item = item_of(original)
    for site in (hanoi, hcm):
        _deliver(site, item)
    urls = {site.host: _copy_url(site, item) for site in (hanoi, hcm)}
    for site in (hanoi, hcm):  # before: listed and searchable
        assert original.title in site.client().get("/rss/tin-tuc/").content.decode()
        assert original.title in site.client().get("/tim-kiem/", {"q": "che do thai san"}).content.decode()

    response = _withdraw_through_admin(central_admin, original)

    notice = NationalNotice.objects.get(item=item)
    assert (
        response.status_code == 302 and response["Location"] == f"/admin/tin-toan-nganh/go-va-dinh-chinh/{notice.pk}/"
    )
    assert notice.kind == NationalNotice.Kind.WITHDRAWAL and notice.text == REASON
    for site in (hanoi, hcm):
        _deliver(site, item)

    for site in (hanoi, hcm):
        client = site.client()
        page = client.get(urls[site.host])
        html = page.content.decode()
        assert page.status_code == 200
        assert "Tin này đã được Bảo hiểm xã hội Việt Nam gỡ ngày" in html and _today() in html
        assert REASON in html
        assert BODY_MARK not in html  # the withdrawn content is no longer shown
        assert '<meta name="robots" content="noindex">' in html
        assert original.title not in client.get("/tin-tuc/").content.decode()
        assert original.title not in client.get("/tim-kiem/", {"q": "che do thai san"}).content.decode()
        for feed in ("/rss/tin-tuc/", "/atom/tin-tuc/"):
            assert original.title not in client.get(feed).content.decode()
        assert urls[site.host] not in client.get("/sitemap.xml").content.decode()

    original_page = central_client.get(original.url)
    assert original_page.status_code == 200 and REASON in original_page.content.decode()
    assert BODY_MARK not in original_page.content.decode()
    assert original.title not in central_client.get("/rss/tin-toan-nganh/").content.decode()

    report = central_admin.get(f"/admin/tin-toan-nganh/go-va-dinh-chinh/{notice.pk}/").content.decode()
    assert "Đã hoàn tất ở tất cả 2 tỉnh." in report
    assert re.search(r'Đã hoàn tất: <span data-count="done">2</span>', report)


def test_a_province_that_never_received_the_item_is_untouched(hanoi, hcm, newsroom, central_admin):
    original = _national_article(newsroom)
    item = item_of(original)
    _deliver(hanoi, item)  # HCM's delivery never ran

    _withdraw_through_admin(central_admin, original)
    for site in (hanoi, hcm):
        _deliver(site, item)

    with hcm.context():
        assert not NewsPage.objects.filter(syndication_key=item.key).exists()
    hanoi_path = _copy_url(hanoi, item)
    assert hcm.client().get(hanoi_path).status_code == 404


def test_a_copy_never_published_in_its_province_is_not_shown_after_a_withdrawal(hanoi, newsroom, central_admin):
    """A copy awaiting the board's approval was never public: withdrawn, it stays a 404, notice or not."""
    set_receiving_mode(hanoi.province, SyndicationPolicy.Mode.APPROVAL_FIRST, username="truongban")
    original = _national_article(newsroom)
    item = item_of(original)
    _deliver(hanoi, item)
    with hanoi.context():
        copy = NewsPage.objects.get(syndication_key=item.key)
        path = copy.get_url_parts()[2]
        assert not copy.live

    _withdraw_through_admin(central_admin, original)
    _deliver(hanoi, item)

    response = hanoi.client().get(path)
    assert response.status_code == 404
    assert BODY_MARK not in response.content.decode()


def test_an_unpublished_copy_without_a_withdrawal_stays_a_404(hanoi, newsroom, central_client):
    """ "Ngừng đăng" (for mistakes) is unchanged: the original and every copy are gone."""
    original = _national_article(newsroom)
    item = item_of(original)
    _deliver(hanoi, item)
    path = _copy_url(hanoi, item)

    original.unpublish()
    _deliver(hanoi, item)

    assert hanoi.client().get(path).status_code == 404
    assert central_client.get(f"/tin-toan-nganh/{original.slug}/").status_code == 404


def test_a_province_cannot_republish_a_withdrawn_copy(hanoi, newsroom, central_admin):
    original = _national_article(newsroom)
    item = item_of(original)
    _deliver(hanoi, item)
    _withdraw_through_admin(central_admin, original)
    _deliver(hanoi, item)
    with hanoi.context():
        copy = NewsPage.objects.get(syndication_key=item.key)

    response = hanoi.signed_in_client().post(f"/admin/pages/{copy.pk}/edit/", {"action-publish": "1"}, follow=True)

    assert "Không thể đăng lại «Hướng dẫn chế độ thai sản năm 2026»" in response.content.decode()
    with hanoi.context():
        assert not NewsPage.objects.get(pk=copy.pk).live


def test_a_province_cannot_copy_a_withdrawn_copy_to_publish_it_as_its_own(hanoi, newsroom, central_admin):
    original = _national_article(newsroom)
    item = item_of(original)
    _deliver(hanoi, item)
    _withdraw_through_admin(central_admin, original)
    _deliver(hanoi, item)
    with hanoi.context():
        copy = NewsPage.objects.get(syndication_key=item.key)
        pages_before = NewsPage.objects.count()

    response = hanoi.signed_in_client().post(
        f"/admin/pages/{copy.pk}/copy/",
        {"new_title": "Bản sao", "new_slug": "ban-sao", "new_parent_page": copy.get_parent().pk},
        follow=True,
    )

    assert "Không thể sao chép «Hướng dẫn chế độ thai sản năm 2026»" in response.content.decode()
    with hanoi.context():
        assert NewsPage.objects.count() == pages_before


def _republish_refused(title="Hướng dẫn chế độ thai sản năm 2026") -> str:
    return f"Không thể đăng lại «{title}»: Bảo hiểm xã hội Việt Nam đã gỡ tin này và công bố lý do."


def _awaiting_approval_then_withdrawn(hanoi, newsroom, central_admin):
    """A copy waiting in an approval-first province's workflow when the centre withdraws the item; the
    cascade has not reached the province yet, so the workflow is still in progress there."""
    set_receiving_mode(hanoi.province, SyndicationPolicy.Mode.APPROVAL_FIRST, username="truongban")
    original = _national_article(newsroom)
    item = item_of(original)
    _deliver(hanoi, item)
    _withdraw_through_admin(central_admin, original)
    with hanoi.context():
        copy = NewsPage.objects.get(syndication_key=item.key)
        assert not copy.live and copy.current_workflow_state is not None
    return copy, item


def test_a_province_cannot_approve_a_withdrawn_copy_from_its_edit_page(hanoi, newsroom, central_admin):
    copy, _ = _awaiting_approval_then_withdrawn(hanoi, newsroom, central_admin)

    response = hanoi.signed_in_client().post(
        f"/admin/pages/{copy.pk}/edit/",
        {"action-workflow-action": "1", "workflow-action-name": "approve"},
        follow=True,
    )

    assert response.status_code == 200
    assert _republish_refused() in response.content.decode()
    with hanoi.context():
        copy = NewsPage.objects.get(pk=copy.pk)
        assert not copy.live
        assert copy.current_workflow_state.current_task_state.status == TaskState.STATUS_IN_PROGRESS


def test_a_province_cannot_approve_a_withdrawn_copy_from_the_dashboard(hanoi, newsroom, central_admin):
    """The workflow's own approve URL has no hook: the last guard refuses the publication and the whole
    approval is rolled back."""
    copy, _ = _awaiting_approval_then_withdrawn(hanoi, newsroom, central_admin)
    with hanoi.context():
        admin = get_user_model().objects.get(username="admin")
        copy.current_workflow_state.current_task_state.approve(user=admin)  # the first step ("xem xét")
        last_step = NewsPage.objects.get(pk=copy.pk).current_workflow_state.current_task_state

    response = hanoi.signed_in_client().post(
        f"/admin/pages/workflow/action/{copy.pk}/approve/{last_step.pk}/", {"comment": ""}
    )

    assert response.status_code == 302 and response["Location"] == "/admin/"
    with hanoi.context():
        copy = NewsPage.objects.get(pk=copy.pk)
        assert not copy.live and copy.live_revision is None
        last_step.refresh_from_db()
        assert last_step.status == TaskState.STATUS_IN_PROGRESS


def test_a_province_cannot_submit_a_withdrawn_copy_for_approval(hanoi, newsroom, central_admin):
    copy, item = _awaiting_approval_then_withdrawn(hanoi, newsroom, central_admin)
    _deliver(hanoi, item)
    with hanoi.context():
        assert NewsPage.objects.get(pk=copy.pk).current_workflow_state is None  # the cascade cancelled it

    response = hanoi.signed_in_client().post(f"/admin/pages/{copy.pk}/edit/", {"action-submit": "1"}, follow=True)

    assert _republish_refused() in response.content.decode()
    with hanoi.context():
        assert NewsPage.objects.get(pk=copy.pk).current_workflow_state is None


def test_a_province_cannot_revert_a_withdrawn_copy_to_an_older_revision_and_publish_it(hanoi, newsroom, central_admin):
    original = _national_article(newsroom)
    item = item_of(original)
    _deliver(hanoi, item)
    _withdraw_through_admin(central_admin, original)
    _deliver(hanoi, item)
    with hanoi.context():
        copy = NewsPage.objects.get(syndication_key=item.key)
        published_revision = copy.revisions.order_by("created_at").first()
    browser = hanoi.signed_in_client()

    revert_form = browser.get(f"/admin/pages/{copy.pk}/revisions/{published_revision.pk}/revert/")
    response = browser.post(
        f"/admin/pages/{copy.pk}/revisions/{published_revision.pk}/revert/", {"action-publish": "1"}, follow=True
    )

    assert revert_form.status_code == 200
    assert _republish_refused() in response.content.decode()
    with hanoi.context():
        assert not NewsPage.objects.get(pk=copy.pk).live


def test_no_code_path_publishes_a_withdrawn_copy(hanoi, newsroom, central_admin):
    """Scheduled publishing, a shell, a future view: the copy's row is never written as published."""
    original = _national_article(newsroom)
    item = item_of(original)
    _deliver(hanoi, item)
    _withdraw_through_admin(central_admin, original)
    _deliver(hanoi, item)
    with hanoi.context():
        copy = NewsPage.objects.get(syndication_key=item.key)
        with pytest.raises(WithdrawnCopyPublishRefused, match="Không thể đăng lại"):
            copy.save_revision().publish()
        assert not NewsPage.objects.get(pk=copy.pk).live


def test_the_copy_is_published_again_when_the_centre_publishes_the_original_again(hanoi, newsroom, central_admin):
    original = _national_article(newsroom)
    item = item_of(original)
    _deliver(hanoi, item)
    _withdraw_through_admin(central_admin, original)
    _deliver(hanoi, item)

    publish(original)
    _deliver(hanoi, item)

    with hanoi.context():
        assert NewsPage.objects.get(syndication_key=item.key).live


def test_a_correction_is_added_to_the_original_and_every_copy_newest_first(hanoi, hcm, newsroom, central_admin):
    original = _national_article(newsroom)
    item = item_of(original)
    for site in (hanoi, hcm):
        _deliver(site, item)

    first = central_admin.post(
        f"/admin/tin-toan-nganh/{original.pk}/dinh-chinh/", {"text": "Mức hưởng đúng là 100% lương bình quân."}
    )
    assert first.status_code == 302
    for site in (hanoi, hcm):
        _deliver(site, item)
    central_admin.post(f"/admin/tin-toan-nganh/{original.pk}/dinh-chinh/", {"text": "Thời gian nghỉ là 6 tháng."})
    for site in (hanoi, hcm):
        _deliver(site, item)

    pages = [site.client().get(_copy_url(site, item)) for site in (hanoi, hcm)]
    pages.append(central_admin.get(original.url))
    for page in pages:
        html = page.content.decode()
        assert page.status_code == 200
        assert f"Tin này đã được đính chính ngày {_today()}" in html
        assert html.index("Thời gian nghỉ là 6 tháng.") < html.index("Mức hưởng đúng là 100% lương bình quân.")
        assert BODY_MARK in html  # a corrected item stays published
    with hanoi.context():
        assert NewsPage.objects.get(syndication_key=item.key).revisions.count() == 3  # delivered anew each time
    second = NationalNotice.objects.filter(item=item).first()
    assert cascade_report(second).done == 2


def test_a_withdrawn_document_stays_at_its_address_in_every_province(hanoi, hcm, newsroom, central_admin):
    original = publish(NationalDocumentPageFactory(parent=newsroom.documents, title="Quyết định số 99 bị thu hồi"))
    item = item_of(original)
    for site in (hanoi, hcm):
        _deliver(site, item)
    urls = {site.host: _copy_url(site, item, LegalDocumentPage) for site in (hanoi, hcm)}

    _withdraw_through_admin(central_admin, original, reason="Văn bản đã bị thay thế.")
    for site in (hanoi, hcm):
        _deliver(site, item)

    for site in (hanoi, hcm):
        page = site.client().get(urls[site.host])
        assert page.status_code == 200 and "Văn bản đã bị thay thế." in page.content.decode()
        for feed in ("/rss/van-ban/", "/atom/van-ban/"):
            assert "Quyết định số 99" not in site.client().get(feed).content.decode()


def test_the_reason_is_required_and_an_item_is_withdrawn_once(newsroom, central_admin):
    original = _national_article(newsroom)

    empty = _withdraw_through_admin(central_admin, original, reason="   ")
    assert empty.status_code == 400
    assert "Hãy nhập lý do gỡ tin" in empty.content.decode()
    assert not NationalNotice.objects.exists()

    _withdraw_through_admin(central_admin, original)
    again = _withdraw_through_admin(central_admin, original)
    assert again.status_code == 400 and "Tin này đã gỡ hoặc đã ngừng đăng." in again.content.decode()
    assert NationalNotice.objects.count() == 1


def test_a_failed_province_is_retried_and_shown_as_failed_in_the_report(hanoi, hcm, newsroom, central_admin, settings):
    settings.NEWSROOM_DELIVERY_MAX_RETRIES = 1
    original = _national_article(newsroom)
    item = item_of(original)
    for site in (hanoi, hcm):
        _deliver(site, item)
    with hanoi.context(), connection.cursor() as cursor:  # Hà Nội's database refuses any change to the copy
        cursor.execute(
            "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'ổ đĩa đầy'; END $$;"
            "CREATE TRIGGER refuse BEFORE UPDATE ON wagtailcore_page FOR EACH ROW EXECUTE FUNCTION refuse();"
        )

    _withdraw_through_admin(central_admin, original)
    with hanoi.context():
        outcome = tasks.deliver_national_item.apply(args=[item.pk])  # the task, retried until its limit
    _deliver(hcm, item)

    assert outcome.failed()
    delivery = Delivery.objects.get(item=item, province=hanoi.province)
    assert delivery.status == Delivery.Status.FAILED and delivery.attempts == 2  # the attempt and one retry
    assert "ổ đĩa đầy" in delivery.error
    notice = NationalNotice.objects.get(item=item)
    html = central_admin.get(f"/admin/tin-toan-nganh/go-va-dinh-chinh/{notice.pk}/").content.decode()
    assert "Chưa hoàn tất." in html
    assert '<span data-count="done">1</span>' in html and '<span data-count="failed">1</span>' in html
    assert "ổ đĩa đầy" in html and "Lỗi" in html
    with hanoi.context():
        assert NewsPage.objects.get(syndication_key=item.key).live  # nothing half-done

    with hanoi.context(), connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER refuse ON wagtailcore_page; DROP FUNCTION refuse();")
    assert [d.province for d in retry_deliveries(item.pk)] == [hanoi.province]  # the centre's "Gửi lại"
    _deliver(hanoi, item)

    assert cascade_report(notice).done == 2
    with hanoi.context():
        assert not NewsPage.objects.get(syndication_key=item.key).live


def test_province_admins_cannot_reach_the_central_screens(hanoi, newsroom, central_admin):
    original = _national_article(newsroom)
    _withdraw_through_admin(central_admin, original)
    notice = NationalNotice.objects.get()
    admin = hanoi.signed_in_client()
    for url in (
        "/admin/tin-toan-nganh/go-va-dinh-chinh/",
        f"/admin/tin-toan-nganh/go-va-dinh-chinh/{notice.pk}/",
        f"/admin/tin-toan-nganh/{original.pk}/go-tin/",
        f"/admin/tin-toan-nganh/{original.pk}/dinh-chinh/",
    ):
        assert admin.get(url).status_code == 404
        assert admin.post(url, {"text": "Gỡ tin của tỉnh khác"}).status_code == 404
    assert NationalNotice.objects.count() == 1


def test_the_central_editor_sees_the_actions_on_a_live_national_original(newsroom, central_admin):
    original = _national_article(newsroom)
    html = central_admin.get(f"/admin/pages/{original.pk}/edit/").content.decode()
    assert f"/admin/tin-toan-nganh/{original.pk}/go-tin/" in html
    assert f"/admin/tin-toan-nganh/{original.pk}/dinh-chinh/" in html
    form = central_admin.get(f"/admin/tin-toan-nganh/{original.pk}/go-tin/")
    assert form.status_code == 200 and "Lý do gỡ tin (công khai)" in form.content.decode()


def test_withdrawing_needs_the_public_schema(hanoi, newsroom):
    from shared_apps.newsroom.errors import NewsroomError

    original = _national_article(newsroom)
    with hanoi.context(), pytest.raises(NewsroomError):
        withdraw_item(item_of(original), REASON, user=None)


def test_the_withdrawn_and_corrected_pages_pass_the_nu_html_checker(
    vnu,  # noqa: F811 (the fixture imported above)
    hanoi,
    newsroom,
    central_admin,
    central_client,
    tmp_path,
):
    corrected, withdrawn = _national_article(newsroom), _national_article(newsroom, slug="se-go")
    for original in (corrected, withdrawn):
        _deliver(hanoi, item_of(original))
    central_admin.post(f"/admin/tin-toan-nganh/{corrected.pk}/dinh-chinh/", {"text": "Số liệu đúng là 1.234."})
    _withdraw_through_admin(central_admin, withdrawn)
    for original in (corrected, withdrawn):
        _deliver(hanoi, item_of(original))

    pages = {
        f"{label} {where}": client.get(url).content.decode()
        for label, original in (("corrected", corrected), ("withdrawn", withdrawn))
        for where, client, url in (
            ("copy", hanoi.client(), _copy_url(hanoi, item_of(original))),
            ("original", central_client, f"/tin-toan-nganh/{original.slug}/"),
        )
    }
    assert all("Đính chính" in html or "Thông báo gỡ tin" in html for html in pages.values())
    assert validation_errors(vnu, pages, tmp_path) == []
