"""Lượt chuyển dữ liệu — one import of an old portal into a province, with its progress and report.

A public table (like the newsroom's records): the central admin lists every province's runs with one
query, and a province's admin reaches its own rows through the search path. It holds no key into a
province's tables; the items it imported are in that province's `portal_import` tables.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.models import Province

REPORT_PROBLEMS_LIMIT = 1000  # skipped and failed URLs kept on the run; counts cover them all


class ImportRun(models.Model):
    class Status(models.TextChoices):
        QUEUED = "cho", _("Đang chờ")
        RUNNING = "dang-chay", _("Đang chạy")
        FINISHED = "xong", _("Hoàn tất")
        FAILED = "loi", _("Lỗi")

    province = models.ForeignKey(
        Province, verbose_name=_("tỉnh, thành phố"), on_delete=models.CASCADE, related_name="import_runs"
    )
    source = models.CharField(
        _("nguồn"), max_length=500, help_text=_("Địa chỉ cổng cũ (https://…), tệp WARC hoặc thư mục trang HTML đã lưu.")
    )
    base_url = models.URLField(
        _("địa chỉ gốc của cổng cũ"),
        max_length=300,
        blank=True,
        help_text=_("Bắt buộc với thư mục trang đã lưu: địa chỉ mà các trang ấy từng có."),
    )
    old_domain = models.CharField(
        _("tên miền cũ"),
        max_length=253,
        blank=True,
        help_text=_("Gắn vào tỉnh để địa chỉ cũ chuyển hướng (301) sang trang mới khi tên miền trỏ về nền tảng."),
    )
    delay_seconds = models.FloatField(_("giãn cách giữa hai yêu cầu (giây)"), default=1.0)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    requested_by = models.CharField(_("người yêu cầu"), max_length=150, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    finished_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)
    processed = models.PositiveIntegerField(_("đã xử lý"), default=0)
    queued = models.PositiveIntegerField(_("tổng số địa chỉ"), default=0)
    imported = models.PositiveIntegerField(_("nhập mới"), default=0)
    updated = models.PositiveIntegerField(_("cập nhật"), default=0)
    unchanged = models.PositiveIntegerField(_("không đổi"), default=0)
    skipped = models.PositiveIntegerField(_("bỏ qua"), default=0)
    problems = models.JSONField(_("địa chỉ bỏ qua và lý do"), default=list, blank=True)
    error = models.TextField(_("lỗi"), blank=True)

    class Meta:
        verbose_name = _("lượt chuyển dữ liệu")
        verbose_name_plural = _("lượt chuyển dữ liệu")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.province} — {self.source}"

    @property
    def report(self) -> str:
        """The run's report as the command prints it and the admin shows it."""
        lines = [
            f"Lượt #{self.pk} — {self.get_status_display()}: {self.processed}/{self.queued} địa chỉ đã xử lý",
            f"  Nhập mới: {self.imported}",
            f"  Cập nhật: {self.updated}",
            f"  Không đổi: {self.unchanged}",
            f"  Bỏ qua: {self.skipped}",
        ]
        lines += [f"    {problem['url']} — {problem['reason']}" for problem in self.problems]
        if self.error:
            lines.append(f"Lỗi: {self.error}")
        return "\n".join(lines)

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.FINISHED, self.Status.FAILED)
