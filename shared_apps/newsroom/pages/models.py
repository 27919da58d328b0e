"""Tin, văn bản toàn ngành — the central newsroom's page types, published in the public schema.

They take their structured fields from the province types' abstract bases (`NewsArticleFields`,
`LegalDocumentFields`), so a national item maps field for field onto its copy in each province.
Like every page-type app this one is installed in both schemas; the province copies of these
tables stay empty (`CentralPageMixin`).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from tenant_apps.documents.models import LEGAL_DOCUMENT_PANELS, LegalDocumentFields
from tenant_apps.news.models import ArticleIndexRoutes, NewsArticleFields
from tenant_apps.pages.models import NationalItemPageMixin, PrintableMixin
from tenant_apps.pages.pagination import paginate
from tenant_apps.search.index import FoldedSearchMixin
from tenants.schemas import CentralPageMixin

DOCUMENTS_PER_PAGE = 20


class NationalOriginalMixin(NationalItemPageMixin):
    """The central original of a national item: withdrawn with a reason, it stays with the notice."""

    def national_item_lookup(self) -> dict | None:
        return {"central_page_id": self.pk}


class NationalNewsIndexPage(ArticleIndexRoutes, CentralPageMixin, Page):
    """Tin toàn ngành — the central site's list of national articles, all or by tag, newest first."""

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["central.CentralHomePage"]
    subpage_types = ["newsroom_pages.NationalNewsPage"]
    max_count = 1
    template = "newsroom/national_news_index_page.html"

    class Meta:
        verbose_name = _("trang tin toàn ngành")

    def articles(self):
        return (
            NationalNewsPage.objects.live()
            .public()
            .child_of(self)
            .select_related("featured_image")
            .order_by("-first_published_at", "-pk")
        )


class NationalNewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "newsroom_pages.NationalNewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NationalNewsPage(
    NationalOriginalMixin, NewsArticleFields, PrintableMixin, FoldedSearchMixin, CentralPageMixin, Page
):
    """Tin toàn ngành — a national article; publishing it pushes a copy into every province."""

    contributed_by = models.CharField(
        _("đơn vị đóng góp"),
        max_length=200,
        blank=True,
        help_text=_("Tỉnh, thành phố có bài được Trung ương nhận đăng."),
    )
    original_url = models.URLField(_("bài gốc của địa phương"), max_length=500, blank=True)
    tags = ClusterTaggableManager(through=NationalNewsPageTag, blank=True, verbose_name=_("từ khóa"))

    content_panels = Page.content_panels + [
        FieldPanel("is_featured"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("featured_image"), FieldPanel("featured_image_alt")], heading=_("Ảnh đại diện")),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("author"), FieldPanel("source"), FieldPanel("event_end_date")], heading=_("Thông tin bài viết")
        ),
        MultiFieldPanel([FieldPanel("contributed_by"), FieldPanel("original_url")], heading=_("Tin từ địa phương")),
        FieldPanel("tags"),
    ]
    search_fields = (
        Page.search_fields
        + FoldedSearchMixin.folded_search_fields
        + [index.SearchField("summary"), index.SearchField("body")]
    )
    parent_page_types = ["newsroom_pages.NationalNewsIndexPage"]
    subpage_types = []
    template = "newsroom/national_news_page.html"

    class Meta:
        verbose_name = _("tin toàn ngành")
        verbose_name_plural = _("tin toàn ngành")


class NationalDocumentIndexPage(CentralPageMixin, Page):
    """Văn bản toàn ngành — the central site's library of national legal documents."""

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["central.CentralHomePage"]
    subpage_types = ["newsroom_pages.NationalDocumentPage"]
    max_count = 1
    template = "newsroom/national_document_index_page.html"

    class Meta:
        verbose_name = _("thư viện văn bản toàn ngành")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        documents = (
            NationalDocumentPage.objects.live().public().child_of(self).order_by("-signed_date", "-first_published_at")
        )
        context["documents"] = paginate(request, documents, DOCUMENTS_PER_PAGE)
        return context


class NationalDocumentPage(
    NationalOriginalMixin, LegalDocumentFields, PrintableMixin, FoldedSearchMixin, CentralPageMixin, Page
):
    """Văn bản toàn ngành — a national legal document; publishing it pushes a copy into every province."""

    replaces = ParentalManyToManyField(
        "self", blank=True, symmetrical=False, related_name="replaced_by", verbose_name=_("thay thế văn bản")
    )

    content_panels = Page.content_panels + LEGAL_DOCUMENT_PANELS
    search_fields = (
        Page.search_fields
        + FoldedSearchMixin.folded_search_fields
        + [index.SearchField("number", boost=4), index.SearchField("summary")]
    )
    parent_page_types = ["newsroom_pages.NationalDocumentIndexPage"]
    subpage_types = []
    template = "newsroom/national_document_page.html"  # the province's document page, with the notices

    class Meta:
        verbose_name = _("văn bản toàn ngành")
        verbose_name_plural = _("văn bản toàn ngành")


class NationalDocumentAttachment(Orderable):
    """A file of a national document; each province receives its own copy of the file."""

    page = ParentalKey(NationalDocumentPage, related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("tệp"), on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("tệp đính kèm")
