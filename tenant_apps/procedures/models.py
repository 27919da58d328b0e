"""Thủ tục hành chính — administrative procedures with every element of TT 32/2017 Điều 5."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from tenant_apps.pages.models import PrintableMixin
from tenant_apps.search.index import FoldedSearchMixin
from tenants.schemas import ProvincePageMixin

NATIONAL_PORTAL_URL = "https://dichvucong.gov.vn"


class OnlineLevel(models.TextChoices):
    FULL = "toan-trinh", _("Dịch vụ công trực tuyến toàn trình")
    PARTIAL = "mot-phan", _("Dịch vụ công trực tuyến một phần")
    NONE = "truc-tiep", _("Chưa cung cấp trực tuyến")


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("bước"))
    description = blocks.TextBlock(label=_("mô tả"), required=False)

    class Meta:
        label = _("Bước thực hiện")
        icon = "list-ol"


class DossierComponentBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("thành phần hồ sơ"))
    copies = blocks.CharBlock(label=_("số lượng"), required=False, help_text=_("Ví dụ: 01 bản chính"))

    class Meta:
        label = _("Thành phần hồ sơ")
        icon = "doc-full"


class ProcedureIndexPage(ProvincePageMixin, Page):
    """Thủ tục hành chính — the list of the office's procedures, by field."""

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["procedures.ProcedurePage"]
    max_count = 1

    class Meta:
        verbose_name = _("danh mục thủ tục hành chính")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["procedures"] = ProcedurePage.objects.live().public().descendant_of(self).order_by("field", "title")
        context["national_portal_url"] = NATIONAL_PORTAL_URL
        return context


class ProcedurePage(PrintableMixin, FoldedSearchMixin, ProvincePageMixin, Page):
    """Thủ tục hành chính — one procedure: steps, method, dossier, time limit, fees, legal basis."""

    code = models.CharField(
        _("mã thủ tục"), max_length=50, blank=True, help_text=_("Mã trên Cơ sở dữ liệu quốc gia về TTHC")
    )
    field = models.CharField(_("lĩnh vực"), max_length=150)
    steps = StreamField([("step", StepBlock())], verbose_name=_("trình tự thực hiện"))
    submission_methods = RichTextField(_("cách thức thực hiện"), features=["bold", "italic", "link", "ul", "ol"])
    dossier = StreamField([("component", DossierComponentBlock())], verbose_name=_("thành phần, số lượng hồ sơ"))
    time_limit = models.CharField(_("thời hạn giải quyết"), max_length=250)
    applicants = models.TextField(_("đối tượng thực hiện"))
    deciding_agency = models.CharField(_("cơ quan giải quyết"), max_length=250)
    result = models.CharField(_("kết quả thực hiện"), max_length=250)
    fees = models.CharField(_("phí, lệ phí"), max_length=250, default="Không")
    where_to_submit = RichTextField(_("nơi tiếp nhận và trả kết quả"), features=["bold", "italic", "link", "ul"])
    requirements = models.TextField(_("yêu cầu, điều kiện"), blank=True)
    legal_basis = ParentalManyToManyField(
        "legal_documents.LegalDocumentPage", blank=True, verbose_name=_("căn cứ pháp lý"), related_name="procedures"
    )
    legal_basis_note = models.TextField(_("căn cứ pháp lý khác"), blank=True)
    online_level = models.CharField(
        _("mức độ trực tuyến"), max_length=20, choices=OnlineLevel.choices, default=OnlineLevel.NONE
    )
    online_url = models.URLField(
        _("địa chỉ nộp trực tuyến"), blank=True, help_text=_("Trang của thủ tục trên Cổng Dịch vụ công quốc gia")
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("code"), FieldPanel("field"), FieldPanel("online_level"), FieldPanel("online_url")],
            heading=_("Thông tin chung"),
        ),
        FieldPanel("steps"),
        FieldPanel("submission_methods"),
        FieldPanel("dossier"),
        FieldPanel("time_limit"),
        FieldPanel("applicants"),
        FieldPanel("deciding_agency"),
        FieldPanel("result"),
        FieldPanel("fees"),
        InlinePanel("forms", label=_("Mẫu đơn, tờ khai")),
        FieldPanel("where_to_submit"),
        FieldPanel("requirements"),
        FieldPanel("legal_basis"),
        FieldPanel("legal_basis_note"),
    ]
    search_fields = (
        Page.search_fields
        + FoldedSearchMixin.folded_search_fields
        + [
            index.SearchField("applicants"),
            index.FilterField("online_level"),
        ]
    )
    parent_page_types = ["procedures.ProcedureIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")

    def search_text(self) -> str:
        steps = " ".join(f"{step.value['title']} {step.value['description']}" for step in self.steps)
        return " ".join([self.code, self.field, self.applicants, self.result, steps])


class ProcedureForm(Orderable):
    """Mẫu đơn, tờ khai — a downloadable form of the procedure."""

    page = ParentalKey(ProcedurePage, related_name="forms", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("tệp"), on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("document")]
