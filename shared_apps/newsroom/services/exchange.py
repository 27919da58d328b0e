"""News exchange: a province nominates one of its articles (`nominate_article()`); the centre accepts
it as a national article crediting the province, or declines it."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.coreutils import find_available_slug

from tenant_apps.news.models import NewsPage
from tenants.schemas import current_province, in_public_schema

from ..errors import NewsroomError
from ..models import Nomination
from ..pages.models import NationalNewsIndexPage, NationalNewsPage
from ..transfer import import_files
from .snapshots import fill_article, news_payload


def nominate_article(article: NewsPage, *, note: str, username: str) -> Nomination:
    """A province editor offers one of the province's published articles to the centre."""
    province = current_province()
    if in_public_schema():
        raise NewsroomError("Chỉ trang quản trị của tỉnh mới đề xuất tin về Trung ương.")
    if not article.live:
        raise NewsroomError("Chỉ đề xuất được bài đã đăng.", "article")
    if article.syndication_key:
        raise NewsroomError("Bài nhận từ Trung ương không đề xuất lại được.", "article")
    open_statuses = [Nomination.Status.PENDING, Nomination.Status.ACCEPTED]
    if Nomination.objects.filter(province=province, source_page_id=article.pk, status__in=open_statuses).exists():
        raise NewsroomError("Bài này đã được đề xuất về Trung ương.", "article")
    payload = news_payload(article)
    try:
        with transaction.atomic():
            return Nomination.objects.create(
                province=province,
                source_page_id=article.pk,
                source_url=article.get_full_url() or "",
                title=article.title,
                summary=article.summary,
                author=article.author,
                published_at=article.first_published_at,
                payload=payload,
                note=note,
                nominated_by=username,
            )
    except IntegrityError as error:  # the same article nominated twice at once
        raise NewsroomError("Bài này đã được đề xuất về Trung ương.", "article") from error


def _pending_nomination(nomination_id: int) -> Nomination:
    nomination = Nomination.objects.select_for_update().select_related("province").get(pk=nomination_id)
    if nomination.status != Nomination.Status.PENDING:
        raise NewsroomError("Đề xuất này đã được xử lý.")
    return nomination


def accept_nomination(nomination_id: int, *, user, publish: bool) -> NationalNewsPage:
    """The centre accepts a nomination: a national article crediting the province (published or draft).

    Published, it goes to every province but the nominating one, which keeps its original
    (services/delivery.py records its delivery as "Bài gốc của tỉnh" and makes no copy).
    """
    with transaction.atomic():
        nomination = _pending_nomination(nomination_id)
        index = NationalNewsIndexPage.objects.order_by("path").first()
        if index is None:
            raise NewsroomError("Trang Trung ương chưa có mục Tin toàn ngành để đăng tin.")
        province = nomination.province
        payload = nomination.payload
        copies = import_files(payload["files"], province.schema_name)
        page = NationalNewsPage(slug=find_available_slug(index, payload["slug"]), live=False, owner=user)
        fill_article(page, payload, copies)
        page.source = page.source or province.office_name
        page.contributed_by = province.office_name
        page.original_url = nomination.source_url
        index.add_child(instance=page)
        revision = page.save_revision(user=user, log_action=True)
        if publish:
            revision.publish(user=user)  # publishes a fresh instance: `page` is read again below
            page.refresh_from_db()
        nomination.status = Nomination.Status.ACCEPTED
        nomination.decided_by, nomination.decided_at = user.get_username(), timezone.now()
        nomination.national_page_id = page.pk
        nomination.save()
    return page


def decline_nomination(nomination_id: int, *, reason: str, username: str) -> Nomination:
    reason = reason.strip()
    if not reason:
        raise NewsroomError("Hãy nêu lý do từ chối.", "reason")
    with transaction.atomic():
        nomination = _pending_nomination(nomination_id)
        nomination.status, nomination.decline_reason = Nomination.Status.DECLINED, reason
        nomination.decided_by, nomination.decided_at = username, timezone.now()
        nomination.save()
    return nomination
