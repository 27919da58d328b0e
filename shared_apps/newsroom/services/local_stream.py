""" "Tin từ các địa phương": the central home page's stream of the provinces' own newest articles."""

from __future__ import annotations

from django.conf import settings
from django.utils import timezone
from django.utils.text import Truncator

from tenant_apps.news.models import NewsPage
from tenants.schemas import current_province, in_public_schema

from ..models import LocalArticle


def record_local_article(page: NewsPage) -> None:
    """A province published an article of its own: keep it in the central stream (newest few only)."""
    if in_public_schema() or page.syndication_key or page.get_view_restrictions().exists():
        return
    province = current_province()
    url_parts = page.get_url_parts()
    LocalArticle.objects.update_or_create(
        province_id=province.pk,
        page_id=page.pk,
        defaults={
            "title": page.title[:255],
            "summary": Truncator(page.summary).chars(300),
            "path": url_parts[2] if url_parts else "/",
            "published_at": page.first_published_at or timezone.now(),
        },
    )
    keep = settings.NEWSROOM_LOCAL_STREAM_PER_PROVINCE
    older = LocalArticle.objects.filter(province_id=province.pk).order_by("-published_at", "-pk")[keep:]
    LocalArticle.objects.filter(pk__in=list(older.values_list("pk", flat=True))).delete()


def forget_local_article(page_id: int) -> None:
    """A province unpublished or deleted an article: it leaves the central stream."""
    if in_public_schema():
        return
    LocalArticle.objects.filter(province_id=current_province().pk, page_id=page_id).delete()
