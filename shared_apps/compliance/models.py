"""Kết quả đánh giá tuân thủ — each run's results per province, in the public schema.

Each row copies the label, legal basis and hint of its checklist item, so a past run reads the
same after the checklist has changed.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.models import Province

from .choices import Severity, severity_rank


class ComplianceRun(models.Model):
    """Một lần đánh giá — one evaluation of one province's site against the checklist in force."""

    class Status(models.TextChoices):
        PENDING = "cho", _("Đang chờ")
        RUNNING = "dang-chay", _("Đang chạy")
        DONE = "xong", _("Hoàn thành")
        FAILED = "loi", _("Lỗi")

    province = models.ForeignKey(
        Province, verbose_name=_("tỉnh, thành phố"), on_delete=models.CASCADE, related_name="compliance_runs"
    )
    checklist_version = models.CharField(_("phiên bản danh mục"), max_length=50, blank=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.PENDING)
    requested_by = models.CharField(_("yêu cầu bởi"), max_length=150, default="hệ thống")
    created_at = models.DateTimeField(_("yêu cầu lúc"), auto_now_add=True)
    finished_at = models.DateTimeField(_("hoàn thành lúc"), null=True, blank=True)
    score = models.FloatField(_("điểm (%)"), null=True, blank=True)
    passed_count = models.PositiveIntegerField(_("số mục đạt"), default=0)
    item_count = models.PositiveIntegerField(_("số mục"), default=0)
    metrics = models.JSONField(_("số đo"), default=dict, blank=True)
    error = models.TextField(_("lỗi"), blank=True)

    class Meta:
        verbose_name = _("lần đánh giá tuân thủ")
        verbose_name_plural = _("lần đánh giá tuân thủ")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["province", "-created_at"], name="compliance_run_province_time")]

    def __str__(self) -> str:
        return f"{self.province} – {self.created_at:%d/%m/%Y %H:%M}"


class CheckResult(models.Model):
    """Kết quả một mục — whether one checklist item passed, with links to what fails."""

    run = models.ForeignKey(ComplianceRun, on_delete=models.CASCADE, related_name="results")
    key = models.CharField(_("mã mục"), max_length=80)
    label = models.CharField(_("yêu cầu"), max_length=300)
    legal_basis = models.CharField(_("căn cứ"), max_length=300)
    severity = models.CharField(_("mức độ"), max_length=20, choices=Severity.choices)
    weight = models.PositiveSmallIntegerField(_("trọng số"))
    hint = models.TextField(_("cách khắc phục"), blank=True)
    passed = models.BooleanField(_("đạt"))
    detail = models.TextField(_("chi tiết"), blank=True)
    failures = models.JSONField(_("mục cần sửa"), default=list, blank=True)  # [{"label": …, "url": …}]
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("kết quả mục đánh giá")
        verbose_name_plural = _("kết quả mục đánh giá")
        ordering = ["run", "position"]

    def __str__(self) -> str:
        return f"{self.label}: {'đạt' if self.passed else 'chưa đạt'}"

    @property
    def severity_rank(self) -> int:
        return severity_rank(self.severity)
