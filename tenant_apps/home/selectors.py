"""What the home page shows: featured and latest news, newest documents, section shortcuts."""

from __future__ import annotations

from wagtail.models import Page

from tenant_apps.documents.models import LegalDocumentPage
from tenant_apps.news.models import NewsPage


def home_page_sections(home: Page, news_count: int, document_count: int) -> dict:
    news = (
        NewsPage.objects.live()
        .public()
        .descendant_of(home)
        .select_related("category", "featured_image")
        .order_by("-first_published_at", "-pk")
    )
    featured = news.filter(is_featured=True).first()
    latest = list(news.exclude(pk=featured.pk)[:news_count] if featured else news[:news_count])
    documents = list(
        LegalDocumentPage.objects.live().public().descendant_of(home).order_by("-signed_date")[:document_count]
    )
    sections = {
        page.slug.replace("-", "_"): page
        for page in home.get_children().live().public().only("id", "title", "slug", "url_path", "path", "depth")
    }
    return {"featured_article": featured, "latest_news": latest, "newest_documents": documents, "sections": sections}
