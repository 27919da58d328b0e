from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SearchConfig(AppConfig):
    name = "tenant_apps.search"
    label = "site_search"
    verbose_name = "Tìm kiếm"

    def ready(self):
        from . import signals  # noqa: F401

        post_migrate.connect(fill_empty_index, sender=self)


def fill_empty_index(sender, using="default", **kwargs):
    """A schema migrated with content but no index (the index is new, or was emptied) is indexed."""
    from wagtail.models import Page

    from .indexing import rebuild_index
    from .models import SearchEntry

    if not SearchEntry.objects.using(using).exists() and Page.objects.using(using).filter(depth__gte=3).exists():
        rebuild_index()
