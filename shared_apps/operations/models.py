"""Planned maintenance windows (lịch bảo trì), stored once in the public schema."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# Thông báo trước tối thiểu 7 ngày làm việc (issue 8, Operations).
DEFAULT_NOTICE_WORKING_DAYS = 7


class MaintenanceWindow(models.Model):
    """Lịch bảo trì — a planned outage of the whole platform (no province) or of one province's site."""

    province = models.ForeignKey(
        "tenants.Province",
        verbose_name=_("tỉnh, thành phố"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="maintenance_windows",
        help_text=_("Để trống: bảo trì toàn hệ thống (mọi trang, kể cả trang Trung ương)."),
    )
    starts_at = models.DateTimeField(_("bắt đầu"))
    ends_at = models.DateTimeField(_("kết thúc"))
    reason = models.CharField(_("lý do"), max_length=300, help_text=_("Hiện trên thông báo cho người đọc."))
    notice_working_days = models.PositiveSmallIntegerField(
        _("thông báo trước (ngày làm việc)"),
        default=DEFAULT_NOTICE_WORKING_DAYS,
        validators=[MaxValueValidator(60)],
    )
    # A username, not a foreign key: users live in each schema (docs/decisions.md, Tenancy).
    created_by = models.CharField(_("người lập"), max_length=150, blank=True)
    created_at = models.DateTimeField(_("lập lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("lịch bảo trì")
        verbose_name_plural = _("lịch bảo trì")
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["ends_at"])]

    def __str__(self) -> str:
        return f"{self.reason} ({self.starts_at:%d/%m/%Y %H:%M})"

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Thời điểm kết thúc phải sau thời điểm bắt đầu.")})
