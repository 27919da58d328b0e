"""Giới thiệu — functions and duties, organisational structure, leadership, history.

The same page type carries the English version that Nghị định 42/2022 Điều 7 requires:
an introduction page whose language is English renders with lang="en".
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from tenant_apps.search.index import FoldedSearchMixin
from tenants.schemas import ProvincePageMixin


class UnitBlock(blocks.StructBlock):
    """One unit of the organisation chart with the units under it (two levels)."""

    name = blocks.CharBlock(label=_("đơn vị"))
    description = blocks.TextBlock(label=_("chức năng chính"), required=False)
    sub_units = blocks.ListBlock(
        blocks.CharBlock(label=_("đơn vị trực thuộc")), label=_("đơn vị trực thuộc"), required=False, default=[]
    )

    class Meta:
        label = _("Đơn vị")
        icon = "group"


class IntroductionPage(FoldedSearchMixin, ProvincePageMixin, Page):
    """Giới thiệu (or Introduction, in English) — the office and how it is organised."""

    class Language(models.TextChoices):
        VIETNAMESE = "vi", "Tiếng Việt"
        ENGLISH = "en", "English"

    language = models.CharField(_("ngôn ngữ"), max_length=2, choices=Language.choices, default=Language.VIETNAMESE)
    functions = RichTextField(_("chức năng, nhiệm vụ"))
    organisation = StreamField([("unit", UnitBlock())], verbose_name=_("cơ cấu tổ chức"), blank=True)
    history = RichTextField(_("lịch sử hình thành"), blank=True)
    contacts = RichTextField(_("thông tin liên hệ"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("language"),
        FieldPanel("functions"),
        FieldPanel("organisation"),
        InlinePanel("leaders", label=_("Lãnh đạo")),
        FieldPanel("history"),
        FieldPanel("contacts"),
    ]
    search_fields = Page.search_fields + FoldedSearchMixin.folded_search_fields + [index.SearchField("functions")]
    subpage_types = ["about.IntroductionPage", "pages.ContentPage"]

    class Meta:
        verbose_name = _("trang giới thiệu")

    def search_text(self) -> str:
        units = " ".join(block.value["name"] for block in self.organisation)
        return " ".join([self.functions, self.history, units])


class Leader(Orderable):
    """Lãnh đạo — a member of the office's leadership, with photo and role."""

    page = ParentalKey(IntroductionPage, related_name="leaders", on_delete=models.CASCADE)
    name = models.CharField(_("họ và tên"), max_length=150)
    position = models.CharField(_("chức vụ"), max_length=150)
    responsibilities = models.TextField(_("lĩnh vực phụ trách"), blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("ảnh"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("position"),
        FieldPanel("responsibilities"),
        FieldPanel("photo"),
        FieldPanel("phone"),
        FieldPanel("email"),
    ]
