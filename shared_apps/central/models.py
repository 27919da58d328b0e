"""The central office's own site (BHXH Việt Nam), in the public schema."""

from django.db import models
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


class CentralContentPage(CentralPageMixin, Page):
    """Trang nội dung Trung ương — a page of rich text on the central site (contact, help,
    introduction), in Vietnamese or in English (its `lang`)."""

    class Language(models.TextChoices):
        VIETNAMESE = "vi", _("Tiếng Việt")
        ENGLISH = "en", _("Tiếng Anh")

    language = models.CharField(_("ngôn ngữ"), max_length=2, choices=Language.choices, default=Language.VIETNAMESE)
    body = RichTextField(_("nội dung"), blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])

    content_panels = Page.content_panels + [FieldPanel("language"), FieldPanel("body")]
    parent_page_types = ["central.CentralHomePage", "central.CentralContentPage"]
    subpage_types = ["central.CentralContentPage"]

    class Meta:
        verbose_name = _("trang nội dung Trung ương")
        verbose_name_plural = _("trang nội dung Trung ương")


class CentralSiteMapPage(CentralPageMixin, Page):
    """Sơ đồ cổng of the central site: its pages as a text tree, beside sitemap.xml."""

    parent_page_types = ["central.CentralHomePage"]
    subpage_types = []
    max_count = 1
    template = "pages/site_map_page.html"

    class Meta:
        verbose_name = _("sơ đồ cổng Trung ương")

    def get_context(self, request, *args, **kwargs):
        from tenant_apps.pages.selectors import site_tree

        context = super().get_context(request, *args, **kwargs)
        context["tree"] = site_tree(self.get_site().root_page)
        return context
