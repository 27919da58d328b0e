"""What an import leaves in the province's schema: old URL → new object, the crawl queue, the section map."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedItem(models.Model):
    """Một địa chỉ cũ đã nhập — the old portal's canonical URL and what it became here.

    Keyed by the URL, so a re-run finds what it made before; `fingerprint` tells whether the old
    page (or the section it maps to) changed since, `content_hash` finds the same content at two URLs.
    """

    class Kind(models.TextChoices):
        NEWS = "tin", _("Bài viết")
        DOCUMENT = "van-ban", _("Văn bản")
        QUESTION = "hoi-dap", _("Hỏi đáp")
        PAGE = "trang", _("Trang nội dung")
        IMAGE = "anh", _("Ảnh")
        FILE = "tep", _("Tệp")

    url = models.CharField(_("địa chỉ cũ"), max_length=1000, unique=True)
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices)
    object_id = models.PositiveIntegerField(_("mã đối tượng"))
    new_url = models.CharField(_("địa chỉ mới"), max_length=1000, blank=True)
    content_hash = models.CharField(max_length=40, blank=True, db_index=True)
    fingerprint = models.CharField(max_length=40, blank=True)
    has_old_links = models.BooleanField(default=False)
    run_id = models.PositiveIntegerField(_("lượt nhập"))
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("địa chỉ cũ đã nhập")
        verbose_name_plural = _("địa chỉ cũ đã nhập")

    def __str__(self) -> str:
        return self.url


class QueuedUrl(models.Model):
    """The crawl frontier of one run, kept in the database so a stopped run resumes where it was."""

    run_id = models.PositiveIntegerField()
    url = models.CharField(max_length=1000)
    done = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["run_id", "url"], name="portal_import_queued_once")]
        indexes = [models.Index(fields=["run_id", "done", "id"], name="portal_import_queue_next")]

    def __str__(self) -> str:
        return self.url


class SectionMapping(models.Model):
    """Chuyên mục cũ → chuyên mục mới: the operator edits it, then runs the import again."""

    old_category = models.CharField(_("chuyên mục trên cổng cũ"), max_length=200, unique=True)
    news_category = models.ForeignKey(
        "news.NewsCategory",
        verbose_name=_("chuyên mục tin"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Để trống: bài viết vào chuyên mục mặc định «Tin địa phương»."),
    )

    class Meta:
        verbose_name = _("ánh xạ chuyên mục")
        verbose_name_plural = _("ánh xạ chuyên mục")
        ordering = ["old_category"]

    def __str__(self) -> str:
        return self.old_category
