from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "tenant_apps.search"
    label = "site_search"
    verbose_name = "Tìm kiếm"

    def ready(self):
        from . import signals  # noqa: F401
