"""Văn bản — legal documents with their official metadata, files and replacement links."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from tenant_apps.pages.fragments import cached_fragment
from tenant_apps.pages.models import PrintableMixin, SyndicatedCopyMixin
from tenant_apps.pages.pagination import paginate
from tenant_apps.search.index import FoldedSearchMixin
from tenants.schemas import ProvincePageMixin


class DocumentType(models.TextChoices):
    LAW = "luat", _("Luật")
    RESOLUTION = "nghi-quyet", _("Nghị quyết")
    DECREE = "nghi-dinh", _("Nghị định")
    CIRCULAR = "thong-tu", _("Thông tư")
    DECISION = "quyet-dinh", _("Quyết định")
    DIRECTIVE = "chi-thi", _("Chỉ thị")
    OFFICIAL_LETTER = "cong-van", _("Công văn")
    GUIDANCE = "huong-dan", _("Hướng dẫn")
    PLAN = "ke-hoach", _("Kế hoạch")
    NOTICE = "thong-bao", _("Thông báo")


class DocumentField(models.TextChoices):
    SOCIAL = "bhxh", _("Bảo hiểm xã hội")
    HEALTH = "bhyt", _("Bảo hiểm y tế")
    UNEMPLOYMENT = "bhtn", _("Bảo hiểm thất nghiệp")
    COLLECTION = "thu", _("Thu, cấp sổ, thẻ")
    ORGANISATION = "to-chuc", _("Tổ chức, cán bộ")
    OTHER = "khac", _("Khác")


class DocumentStatus(models.TextChoices):
    IN_FORCE = "con-hieu-luc", _("Còn hiệu lực")
    NOT_YET = "chua-hieu-luc", _("Chưa có hiệu lực")
    EXPIRED = "het-hieu-luc", _("Hết hiệu lực")
    REPLACED = "bi-thay-the", _("Bị thay thế")


class DocumentIndexPage(ProvincePageMixin, Page):
    """Văn bản — the filterable, sortable, paginated document library."""

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["legal_documents.LegalDocumentPage"]
    max_count = 1

    class Meta:
        verbose_name = _("thư viện văn bản")

    def get_context(self, request, *args, **kwargs):
        from .forms import DocumentFilterForm
        from .selectors import filter_documents, issuers_of

        context = super().get_context(request, *args, **kwargs)
        issuers = cached_fragment(request, "document-issuers", (self.pk,), lambda: issuers_of(self))
        form = DocumentFilterForm(request.GET or None, issuers=issuers)
        if form.is_bound and not form.is_valid():
            documents = LegalDocumentPage.objects.none()  # the form shows which filter is wrong
        else:
            documents = filter_documents(self, form.cleaned_data if form.is_bound else {})
        context.update(form=form, documents=paginate(request, documents, 20), query_string=form.query_string())
        return context


class LegalDocumentFields(models.Model):
    """The official metadata of a legal document, shared by province documents and national ones.

    Subclasses add `attachments`, which `search_text()` reads.
    """

    number = models.CharField(_("số/ký hiệu"), max_length=100, help_text=_("Ví dụ: 41/2024/QH15"))
    doc_type = models.CharField(_("loại văn bản"), max_length=20, choices=DocumentType.choices)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=200)
    signer = models.CharField(_("người ký"), max_length=150, blank=True)
    signed_date = models.DateField(_("ngày ban hành"))
    effective_date = models.DateField(_("ngày hiệu lực"), null=True, blank=True)
    status = models.CharField(
        _("tình trạng hiệu lực"), max_length=20, choices=DocumentStatus.choices, default=DocumentStatus.IN_FORCE
    )
    field = models.CharField(_("lĩnh vực"), max_length=20, choices=DocumentField.choices)
    summary = models.TextField(_("trích yếu"))
    body = RichTextField(_("nội dung tóm tắt"), blank=True)

    class Meta:
        abstract = True

    def search_text(self) -> str:
        titles = " ".join(attachment.document.title for attachment in self.attachments.all())
        return " ".join([self.number, self.get_doc_type_display(), self.issuer, self.summary, self.body, titles])


# The editing form of a legal document, shared by province documents and national ones.
LEGAL_DOCUMENT_PANELS = [
    MultiFieldPanel(
        [
            FieldRowPanel([FieldPanel("number"), FieldPanel("doc_type")]),
            FieldRowPanel([FieldPanel("issuer"), FieldPanel("signer")]),
            FieldRowPanel([FieldPanel("signed_date"), FieldPanel("effective_date")]),
            FieldRowPanel([FieldPanel("status"), FieldPanel("field")]),
        ],
        heading=_("Thông tin văn bản"),
    ),
    FieldPanel("summary"),
    FieldPanel("body"),
    InlinePanel("attachments", label=_("Tệp đính kèm"), min_num=0),
    FieldPanel("replaces"),
]


class LegalDocumentPage(  # noqa: DJ008 (Page.__str__ gives the title)
    SyndicatedCopyMixin, LegalDocumentFields, PrintableMixin, FoldedSearchMixin, ProvincePageMixin, Page
):
    """Văn bản — one legal document: số/ký hiệu, loại, cơ quan ban hành, ngày ban hành, hiệu lực."""

    replaces = ParentalManyToManyField(
        "self", blank=True, symmetrical=False, related_name="replaced_by", verbose_name=_("thay thế văn bản")
    )

    content_panels = Page.content_panels + LEGAL_DOCUMENT_PANELS
    search_fields = (
        Page.search_fields
        + FoldedSearchMixin.folded_search_fields
        + [
            index.SearchField("number", boost=4),
            index.SearchField("summary"),
            index.FilterField("doc_type"),
            index.FilterField("field"),
            index.FilterField("status"),
        ]
    )
    parent_page_types = ["legal_documents.DocumentIndexPage"]
    subpage_types = []
    syndicated_template = "newsroom/syndicated_legal_document_page.html"

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        # The library lists newest first: with 10,000 documents, reading this index in order
        # finds the first page without sorting every row (bench/README.md, documents).
        indexes = [models.Index(fields=["signed_date"], name="legaldocument_signed_date")]


class LegalDocumentAttachment(Orderable):
    """A file of the document (PDF, DOC/DOCX, …), stored in the province's own media."""

    page = ParentalKey(LegalDocumentPage, related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("tệp"), on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("tệp đính kèm")
