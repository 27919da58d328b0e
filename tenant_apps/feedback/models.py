"""Đánh giá — an anonymous "was this helpful?" on every page a citizen reads, counted per page
(a province app: each province keeps its own ratings)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PageFeedback(models.Model):
    path = models.CharField(_("trang"), max_length=500, db_index=True)
    helpful = models.BooleanField(_("hữu ích"))
    comment = models.CharField(_("góp ý"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("đánh giá")
        verbose_name_plural = _("đánh giá")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.path}: {'có' if self.helpful else 'không'}"
