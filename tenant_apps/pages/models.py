"""General content pages that an editorial board adds anywhere in its tree."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from tenants.schemas import ProvincePageMixin


class ContentPage(ProvincePageMixin, Page):
    """Trang nội dung — a titled page of rich text (guides, notices, sections of their own)."""

    body = RichTextField(_("nội dung"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]

    class Meta:
        verbose_name = _("trang nội dung")
        verbose_name_plural = _("trang nội dung")
