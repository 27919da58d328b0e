"""Lấy ý kiến dự thảo — drafts open for citizens' comments between two dates (NĐ 42/2022)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from tenant_apps.antispam.flow import CitizenFormMixin
from tenants.schemas import ProvincePageMixin

from .forms import DraftCommentForm


class ConsultationIndexPage(ProvincePageMixin, Page):
    """Lấy ý kiến dự thảo — open drafts first, then closed ones."""

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])
    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["consultation.DraftConsultationPage"]
    max_count = 1

    class Meta:
        verbose_name = _("trang lấy ý kiến dự thảo")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        drafts = DraftConsultationPage.objects.live().public().descendant_of(self).order_by("-opens_on")
        today = timezone.localdate()
        context["open_drafts"] = [d for d in drafts if d.opens_on <= today <= d.closes_on]
        context["other_drafts"] = [d for d in drafts if not (d.opens_on <= today <= d.closes_on)]
        return context


class DraftConsultationPage(CitizenFormMixin, ProvincePageMixin, Page):
    """Dự thảo — a draft document, its files, the comment window and the summary of comments."""

    summary = models.TextField(_("tóm tắt dự thảo"))
    opens_on = models.DateField(_("ngày bắt đầu lấy ý kiến"))
    closes_on = models.DateField(_("ngày kết thúc lấy ý kiến"))
    comments_summary = RichTextField(
        _("tổng hợp ý kiến"), blank=True, help_text=_("Công khai sau khi hết hạn lấy ý kiến.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
        InlinePanel("files", label=_("Tệp dự thảo")),
        FieldPanel("comments_summary"),
    ]
    parent_page_types = ["consultation.ConsultationIndexPage"]
    subpage_types = []

    rate_limit_scope = "du-thao"
    rate_limited_message = _("Bạn đã gửi quá nhiều ý kiến trong thời gian ngắn. Vui lòng thử lại sau.")

    class Meta:
        verbose_name = _("dự thảo lấy ý kiến")

    def clean(self):
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("Ngày kết thúc phải sau ngày bắt đầu.")})

    @property
    def is_open(self) -> bool:
        return self.opens_on <= timezone.localdate() <= self.closes_on

    def submissions_closed_message(self) -> str | None:
        return None if self.is_open else _("Đã hết thời hạn lấy ý kiến dự thảo này.")

    def get_form_class(self):
        return DraftCommentForm

    def process_form_submission(self, form):
        return DraftComment.objects.create(draft=self, **{k: form.cleaned_data[k] for k in ("name", "email", "body")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["published_comments"] = self.comments.filter(status=DraftComment.Status.PUBLISHED)
        return context


class DraftFile(Orderable):
    page = ParentalKey(DraftConsultationPage, related_name="files", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("tệp"), on_delete=models.PROTECT, related_name="+"
    )
    panels = [FieldPanel("document")]


class DraftComment(models.Model):
    """Ý kiến góp ý — moderated before it is shown; the commenter's e-mail is never shown."""

    class Status(models.TextChoices):
        NEW = "moi", _("Chờ duyệt")
        PUBLISHED = "cong-khai", _("Công khai")
        HIDDEN = "an", _("Không công khai")

    draft = models.ForeignKey(
        DraftConsultationPage, verbose_name=_("dự thảo"), on_delete=models.CASCADE, related_name="comments"
    )
    name = models.CharField(_("họ và tên"), max_length=150)
    email = models.EmailField(_("thư điện tử"))
    body = models.TextField(_("ý kiến"), max_length=5000)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.NEW)
    created_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("ý kiến góp ý dự thảo")
        verbose_name_plural = _("ý kiến góp ý dự thảo")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name}: {self.body[:60]}"
