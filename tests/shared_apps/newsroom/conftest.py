"""Fixtures of the newsroom tests: the central national sections, committed national items for tests
with a worker (the worker itself is in tests/conftest.py)."""

from types import SimpleNamespace

import pytest
from django_tenants.utils import get_public_schema_name, schema_context, tenant_context
from wagtail.images.models import Image
from wagtail.models import Page

from shared_apps.newsroom.models import SyndicatedItem
from shared_apps.newsroom.services.sections import ensure_newsroom_sections
from tenant_apps.documents.models import LegalDocumentPage
from tenant_apps.news.models import NewsPage
from tenants.models import Province
from tests.factories import NationalDocumentPageFactory, NationalNewsPageFactory

from .helpers import central_image


@pytest.fixture
def newsroom(db) -> SimpleNamespace:
    """The central site's "Tin toàn ngành" and "Văn bản toàn ngành" sections."""
    news, documents = ensure_newsroom_sections()
    return SimpleNamespace(news=news, documents=documents)


class NationalDesk:
    """Committed national items for worker tests; `cleanup()` removes them, every copy and every copied file."""

    def __init__(self):
        self.news_index, self.documents_index = ensure_newsroom_sections()
        self.page_ids: list[int] = []
        self.images: list[Image] = []

    def news(self, **kwargs):
        page = NationalNewsPageFactory(parent=self.news_index, **kwargs)
        self.page_ids.append(page.pk)
        return page

    def document(self, **kwargs):
        page = NationalDocumentPageFactory(parent=self.documents_index, **kwargs)
        self.page_ids.append(page.pk)
        return page

    def image(self, colour: str) -> Image:
        image = central_image(colour)
        self.images.append(image)
        return image

    def cleanup(self) -> None:
        items = SyndicatedItem.objects.filter(central_page_id__in=self.page_ids)
        keys = list(items.values_list("key", flat=True))
        items.delete()
        for province in Province.objects.exclude(code=""):
            with tenant_context(province):
                copies = [*NewsPage.objects.filter(syndication_key__in=keys)]
                copied_images = [copy.featured_image for copy in copies if copy.featured_image]
                for copy in [*copies, *LegalDocumentPage.objects.filter(syndication_key__in=keys)]:
                    copy.delete()
                for image in copied_images:
                    image.delete()  # Wagtail removes the file too
        with schema_context(get_public_schema_name()):
            Page.objects.filter(pk__in=self.page_ids).delete()
            for image in self.images:
                image.delete()  # Wagtail removes the file too


@pytest.fixture
def desk(committed) -> NationalDesk:
    desk = NationalDesk()
    committed(desk.cleanup)
    return desk
