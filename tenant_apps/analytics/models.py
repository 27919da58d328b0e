"""Thống kê truy cập — page views per page and local day, flushed from Redis (see services.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DailyPageViews(models.Model):
    """Lượt xem trang — how many times one path of this province's site was viewed on one local day."""

    date = models.DateField(_("ngày"))
    path = models.CharField(_("trang"), max_length=500)
    views = models.PositiveBigIntegerField(_("lượt xem"), default=0)

    class Meta:
        verbose_name = _("lượt xem trang theo ngày")
        verbose_name_plural = _("lượt xem trang theo ngày")
        constraints = [models.UniqueConstraint(fields=["date", "path"], name="analytics_unique_date_path")]
        indexes = [models.Index(fields=["date"], name="analytics_date_idx")]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.path}: {self.views}"


class FlushedBatch(models.Model):
    """Một đợt đã ghi — a Redis counter hash (by its batch id) and the counts already added from it.

    Updated in the same transaction as the increments, so only what a hash holds beyond these counts is
    ever added: a flush that dies before deleting the hash, or a Redis that comes back from an older
    snapshot, adds nothing twice (services.py).
    """

    batch_id = models.CharField(_("mã đợt"), max_length=64, unique=True)
    date = models.DateField(_("ngày"))
    counts = models.JSONField(_("số lượt đã ghi"), default=dict)
    flushed_at = models.DateTimeField(_("ghi lúc"), auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("đợt ghi lượt xem")
        verbose_name_plural = _("đợt ghi lượt xem")

    def __str__(self) -> str:
        return self.batch_id
