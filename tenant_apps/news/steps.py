"""The news app's steps for the kernel's hook points (tenants/steps.py): what a province archive
counts, and the articles that a merge moves."""

from taggit.models import Tag
from wagtail import hooks

from tenant_apps.pages.merging import PageSnapshot, copy_sections
from tenants.steps import MERGE_PROVINCES, PROVINCE_BACKUP_CONTENTS, ProvinceMerge

from .models import NewsCategory, NewsIndexPage, NewsPage


@hooks.register(PROVINCE_BACKUP_CONTENTS, order=100)
def count_news_articles() -> dict[str, int]:
    return {"news_articles": NewsPage.objects.count()}


@hooks.register(MERGE_PROVINCES, order=120)
def move_news(merge: ProvinceMerge) -> None:
    """Local articles, tagged with the absorbed office's name, in the receiving province's categories
    (created when missing)."""
    with merge.in_source():
        categories = {c.pk: (c.slug, c.name, c.description) for c in NewsCategory.objects.all()}
    category_ids = {}
    for pk, (slug, name, description) in categories.items():
        category = NewsCategory.objects.filter(slug=slug).first() or NewsCategory.objects.filter(name=name).first()
        category_ids[pk] = (category or NewsCategory.objects.create(slug=slug, name=name, description=description)).pk

    def labelled(page: PageSnapshot) -> PageSnapshot:
        label = {"values": {}, "foreign_keys": {"tag": (Tag, merge.source_label)}}
        page.children.setdefault("tagged_items", []).append(label)
        return page

    copy_sections(merge, NewsIndexPage, "Tin tức", {NewsCategory: category_ids.get}, labelled)
