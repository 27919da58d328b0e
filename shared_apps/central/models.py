"""The central office's own site (BHXH Việt Nam), in the public schema."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from tenants.schemas import CentralPageMixin


class CentralHomePage(CentralPageMixin, Page):
    """Trang chủ Trung ương — the root of the central site; lists the provinces' sites."""

    intro = RichTextField(_("giới thiệu ngắn"), blank=True, features=["bold", "italic", "link", "ol", "ul"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("trang chủ Trung ương")
        verbose_name_plural = _("trang chủ Trung ương")

    def get_context(self, request, *args, **kwargs):
        from tenants.selectors import active_provinces_with_primary_domain

        context = super().get_context(request, *args, **kwargs)
        context["provinces"] = active_provinces_with_primary_domain()
        return context
