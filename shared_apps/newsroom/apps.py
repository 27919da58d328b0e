from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    """National newsroom: syndication to the provinces and news exchange; tables in the public schema only."""

    name = "shared_apps.newsroom"
    label = "newsroom"
    verbose_name = "Tòa soạn toàn ngành"

    def ready(self):
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model

        from tenant_apps.documents.models import LegalDocumentPage
        from tenant_apps.news.models import NewsPage

        from . import signals, steps  # noqa: F401  (steps: onboarding and demo steps, tenants/steps.py)
        from .indexing import make_indexing_deferrable

        make_indexing_deferrable(NewsPage, LegalDocumentPage, get_image_model(), get_document_model())
