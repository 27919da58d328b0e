"""The province site's home page (Trang chủ)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from tenants.schemas import ProvincePageMixin

LATEST_NEWS = 6
NEWEST_DOCUMENTS = 5


class HomePage(ProvincePageMixin, Page):
    """Trang chủ — the root of a province's page tree."""

    intro = RichTextField(_("giới thiệu ngắn"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    hotline = models.CharField(_("đường dây nóng"), max_length=50, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("hotline")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("trang chủ")
        verbose_name_plural = _("trang chủ")

    def get_context(self, request, *args, **kwargs):
        from .selectors import HomeSections

        context = super().get_context(request, *args, **kwargs)
        context["home"] = HomeSections(self, LATEST_NEWS, NEWEST_DOCUMENTS)
        return context
