from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "tenant_apps.news"
    label = "news"
    verbose_name = "Tin tức"

    def ready(self):
        from . import steps  # noqa: F401  (registers what a province backup counts: tenants/steps.py)
