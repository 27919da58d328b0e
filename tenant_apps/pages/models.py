"""General content pages that an editorial board adds anywhere in its tree."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from tenants.schemas import ProvincePageMixin


class ContentPage(ProvincePageMixin, Page):
    """Trang nội dung — a titled page of rich text (guides, notices, sections of their own)."""

    body = RichTextField(_("nội dung"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]

    class Meta:
        verbose_name = _("trang nội dung")
        verbose_name_plural = _("trang nội dung")


class SiteMapPage(ProvincePageMixin, Page):
    """Sơ đồ cổng — the whole site as a text tree (TT 32/2017 Điều 16), beside sitemap.xml."""

    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("sơ đồ cổng")

    def get_context(self, request, *args, **kwargs):
        from .selectors import site_tree

        context = super().get_context(request, *args, **kwargs)
        context["tree"] = site_tree(self.get_site().root_page)
        return context


class PrintableMixin:
    """Articles can be printed (?ban-in=1, a clean page) and saved (?tai-ve=1, an HTML file)."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if "tai-ve" in request.GET:
            response.render()
            response["Content-Disposition"] = f'attachment; filename="{self.slug}.html"'
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["print_mode"] = "ban-in" in request.GET or "tai-ve" in request.GET
        return context


class NationalItemPageMixin:
    """A page of a national item (the central original or a province's copy).

    Withdrawn by the centre with a reason ("Gỡ tin"), such a page is unpublished, so it leaves every
    list, search, feed and sitemap, but if it was once public it is still served at its address,
    showing the withdrawal notice instead of its content (shared_apps/newsroom/services/withdrawals.py).
    Any other unpublished page stays a 404.
    """

    def national_item_lookup(self) -> dict | None:
        """How the newsroom finds this page's item: {"key": …} or {"central_page_id": …}; None if none."""
        return None

    def route(self, request, path_components):
        if not path_components and not self.live and self.last_published_at:
            lookup = self.national_item_lookup()
            if lookup:
                from shared_apps.newsroom.services.withdrawals import withdrawal_in_force

                if withdrawal_in_force(**lookup):
                    return RouteResult(self)
        return super().route(request, path_components)


class SyndicatedCopyMixin(NationalItemPageMixin, models.Model):
    """A province page that may be the copy of a national item pushed by the central newsroom.

    `syndication_key` is the national item's key: unique, so a re-delivery can never make a second
    copy. A copy is shown with `syndicated_template`, whose canonical link is the central original.
    """

    syndication_key = models.UUIDField(_("mã tin toàn ngành"), null=True, blank=True, unique=True, editable=False)
    canonical_url = models.URLField(_("địa chỉ bản gốc"), max_length=500, blank=True, editable=False)

    syndicated_template = ""
    exclude_fields_in_copy = ["syndication_key", "canonical_url"]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.alias_of_id:  # an alias shares its original's content, never its key
            self.syndication_key = None
        return super().save(*args, **kwargs)

    def national_item_lookup(self) -> dict | None:
        return {"key": self.syndication_key} if self.syndication_key else None

    @property
    def is_syndicated_copy(self) -> bool:
        return self.syndication_key is not None

    def get_template(self, request, *args, **kwargs):
        if self.syndication_key and self.syndicated_template:
            return self.syndicated_template
        return super().get_template(request, *args, **kwargs)
