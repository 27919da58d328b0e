"""Báo cáo — what each province sends the centre (founding letter §8.3), in the public schema.

Rows name their province; they never point into a province schema (no page or user keys):
figures are copied in when the report is prepared, people are recorded by username.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.models import Province

SUBMISSION_DAYS_AFTER_PERIOD = 10  # the quarterly report is due 10 days after the quarter ends


class ReportStatus(models.TextChoices):
    DRAFT = "nhap", _("Đang soạn")
    SUBMITTED = "da-gui", _("Đã gửi Trung ương")
    RETURNED = "tra-lai", _("Trung ương trả lại")
    ACCEPTED = "da-chap-nhan", _("Trung ương đã chấp nhận")


class ActivityReport(models.Model):
    """Báo cáo quý (quarter 1–4) or báo cáo năm (quarter 0) of one province's site."""

    province = models.ForeignKey(Province, verbose_name=_("tỉnh"), on_delete=models.CASCADE, related_name="reports")
    year = models.PositiveSmallIntegerField(_("năm"))
    quarter = models.PositiveSmallIntegerField(_("quý"), help_text=_("0 là báo cáo năm"))
    status = models.CharField(_("trạng thái"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    figures = models.JSONField(_("số liệu"), default=dict)
    figures_at = models.DateTimeField(_("số liệu tính đến"), null=True, blank=True)
    narrative = models.TextField(_("đánh giá hoạt động trong kỳ"), blank=True)
    next_plan = models.TextField(_("kế hoạch kỳ tới"), blank=True)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    submitted_by = models.CharField(_("người gửi"), max_length=150, blank=True)
    # Who signs the Word report on behalf of the board: the person's name and board role, copied
    # at submission (the public schema holds no key to a province's users).
    signer_name = models.CharField(_("người ký"), max_length=150, blank=True)
    signer_title = models.CharField(_("chức danh người ký"), max_length=150, blank=True)
    review_comment = models.TextField(_("ý kiến của Trung ương"), blank=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    class Meta:
        verbose_name = _("báo cáo hoạt động")
        verbose_name_plural = _("báo cáo hoạt động")
        ordering = ["-year", "-quarter", "province__code"]
        constraints = [models.UniqueConstraint(fields=["province", "year", "quarter"], name="one_report_per_period")]

    def __str__(self) -> str:
        return f"{self.period_label} – {self.province.short_name}"

    @property
    def period_label(self) -> str:
        return f"Năm {self.year}" if self.quarter == 0 else f"Quý {self.quarter}/{self.year}"

    @property
    def period(self) -> tuple[datetime.date, datetime.date]:
        if self.quarter == 0:
            return datetime.date(self.year, 1, 1), datetime.date(self.year, 12, 31)
        first_month = (self.quarter - 1) * 3 + 1
        start = datetime.date(self.year, first_month, 1)
        next_start = datetime.date(self.year + (first_month == 10), (first_month + 2) % 12 + 1, 1)
        return start, next_start - datetime.timedelta(days=1)

    @property
    def deadline(self) -> datetime.date:
        return self.period[1] + datetime.timedelta(days=SUBMISSION_DAYS_AFTER_PERIOD)

    @property
    def editable(self) -> bool:
        return self.status in (ReportStatus.DRAFT, ReportStatus.RETURNED)


class ReportEvent(models.Model):
    """The report's history: prepared, submitted, returned, accepted — who, when, with what comment."""

    report = models.ForeignKey(ActivityReport, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("việc"), max_length=50)
    by = models.CharField(_("người thực hiện"), max_length=150)
    at = models.DateTimeField(_("lúc"), auto_now_add=True)
    comment = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.action} ({self.by})"


class AdHocRequest(models.Model):
    """Báo cáo đột xuất — the centre asks some or all provinces a set of questions by a deadline."""

    subject = models.CharField(_("nội dung yêu cầu"), max_length=250)
    questions = models.TextField(_("câu hỏi"), help_text=_("Mỗi dòng một câu hỏi."))
    deadline = models.DateField(_("hạn trả lời"))
    provinces = models.ManyToManyField(
        Province,
        verbose_name=_("gửi các tỉnh"),
        blank=True,
        help_text=_("Để trống: gửi tất cả các tỉnh."),
        limit_choices_to=~models.Q(code=""),  # the central office is a Province row too; it asks, it does not answer
    )
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("yêu cầu báo cáo đột xuất")
        verbose_name_plural = _("yêu cầu báo cáo đột xuất")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.subject

    def question_list(self) -> list[str]:
        return [line.strip() for line in self.questions.splitlines() if line.strip()]


class AdHocAnswer(models.Model):
    request = models.ForeignKey(AdHocRequest, on_delete=models.CASCADE, related_name="answers")
    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="adhoc_answers")
    answers = models.JSONField(_("trả lời"), default=list)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    submitted_by = models.CharField(_("người gửi"), max_length=150, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["request", "province"], name="one_answer_per_province")]

    def __str__(self) -> str:
        return f"{self.province} – {self.request}"


class AdHocReminder(models.Model):
    """A reminder e-mailed to a province about an ad-hoc request, one per day at most.

    Written in the transaction that sends it, so a run of the reminder task that was lost (Redis, a
    dead worker) is made up by the next hourly run, and a run repeated (a message delivered twice)
    sends nothing again.
    """

    request = models.ForeignKey(AdHocRequest, on_delete=models.CASCADE, related_name="reminders")
    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="adhoc_reminders")
    sent_on = models.DateField(_("gửi ngày"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["request", "province", "sent_on"], name="one_reminder_per_day")]

    def __str__(self) -> str:
        return f"{self.province} – {self.request} ({self.sent_on:%d/%m/%Y})"


def _dossier_storage():
    """PRIVATE_MEDIA_ROOT/dossiers/, or dossiers/ of the private bucket (MEDIA_STORAGE=s3): one place for
    every schema, as a province uploads what the centre reads."""
    from tenants.storage import shared_private_storage

    return shared_private_storage("dossiers")


class DossierItemKind(models.TextChoices):
    BOARD_DECISION = "quyet-dinh", _("Quyết định thành lập Ban Biên tập")
    RULES = "quy-che", _("Quy chế hoạt động")
    DOMAIN = "ten-mien", _("Đăng ký tên miền")
    RESPONSIBLE = "nguoi-chiu-trach-nhiem", _("Người chịu trách nhiệm")
    TECHNICAL = "dau-moi-ky-thuat", _("Đầu mối kỹ thuật")


class EstablishmentDossier(models.Model):
    """Hồ sơ thành lập — how the province's site is organised, sent right after it goes live (§8.3)."""

    province = models.OneToOneField(Province, on_delete=models.CASCADE, related_name="dossier")
    status = models.CharField(_("trạng thái"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.DRAFT)
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    review_comment = models.TextField(_("ý kiến của Trung ương"), blank=True)

    class Meta:
        verbose_name = _("hồ sơ thành lập")
        verbose_name_plural = _("hồ sơ thành lập")

    def __str__(self) -> str:
        return f"Hồ sơ thành lập – {self.province.short_name}"

    @property
    def editable(self) -> bool:
        return self.status in (ReportStatus.DRAFT, ReportStatus.RETURNED)


class DossierItem(models.Model):
    """One checklist item: what it is, its details, and the scanned file (kept privately)."""

    dossier = models.ForeignKey(EstablishmentDossier, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(_("mục"), max_length=30, choices=DossierItemKind.choices)
    details = models.TextField(_("nội dung"), max_length=2000)
    file = models.FileField(_("tệp đính kèm"), storage=_dossier_storage, upload_to="%Y/", blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["dossier", "kind"], name="one_item_per_kind")]

    def __str__(self) -> str:
        return self.get_kind_display()
