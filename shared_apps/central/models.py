"""The central office's own site (BHXH Việt Nam), in the public schema."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from tenants.schemas import CentralPageMixin

LATEST_NATIONAL_NEWS = 6
# "Tin từ các địa phương": the newest articles of all provinces, from the newsroom's stream table.
LOCAL_STREAM_LENGTH = 8


class CentralHomePage(CentralPageMixin, Page):
    """Trang chủ Trung ương — the root of the central site: national news, provinces' news, their sites."""

    intro = RichTextField(_("giới thiệu ngắn"), blank=True, features=["bold", "italic", "link", "ol", "ul"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("trang chủ Trung ương")
        verbose_name_plural = _("trang chủ Trung ương")

    def get_context(self, request, *args, **kwargs):
        from shared_apps.newsroom.selectors import latest_local_articles, latest_national_news
        from tenants.selectors import active_provinces_with_primary_domain

        context = super().get_context(request, *args, **kwargs)
        context["provinces"] = active_provinces_with_primary_domain()
        context["national_news"] = latest_national_news(LATEST_NATIONAL_NEWS)
        context["local_articles"] = latest_local_articles(LOCAL_STREAM_LENGTH)
        port = request.get_port()
        context["site_port"] = "" if port in ("80", "443") else f":{port}"  # links to provinces' hosts
        return context
