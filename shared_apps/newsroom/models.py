"""Records of the national newsroom, in the public schema only (this app is in SHARED_APPS alone).

Province connections see these tables through their search path, so a province-side query reaches
the one shared table; views filter by `connection.tenant` for what a province may see. None of
these tables has a foreign key into a table that also exists in province schemas (pages, images,
users): Django's deletion collector would follow it from inside a province and delete public rows
that merely share an id. Pages are referred to by id, national items by `SyndicatedItem.key`.
"""

import uuid

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.models import Province


class NationalItemKind(models.TextChoices):
    NEWS = "news", _("Tin tức")
    DOCUMENT = "document", _("Văn bản")


class SyndicatedItem(models.Model):
    """Tin, văn bản toàn ngành — a national item as the provinces receive it.

    One row per central page: its state (live or withdrawn) and a snapshot (`payload`) of the
    published version, taken once when it is published, from which every province's copy is made.
    """

    key = models.UUIDField(_("mã"), default=uuid.uuid4, unique=True, editable=False)
    central_page_id = models.PositiveIntegerField(_("mã trang Trung ương"), unique=True)
    kind = models.CharField(_("loại"), max_length=20, choices=NationalItemKind.choices)
    title = models.CharField(_("tiêu đề"), max_length=255)
    url = models.URLField(_("địa chỉ bản gốc"), max_length=500)
    is_live = models.BooleanField(_("đang đăng"), default=True)
    revision_id = models.PositiveIntegerField(_("phiên bản"), null=True, blank=True)
    payload = models.JSONField(_("nội dung"), default=dict, encoder=DjangoJSONEncoder)
    first_published_at = models.DateTimeField(_("đăng lần đầu"), null=True, blank=True)
    last_published_at = models.DateTimeField(_("đăng gần nhất"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("gỡ lúc"), null=True, blank=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    class Meta:
        verbose_name = _("tin, văn bản toàn ngành")
        verbose_name_plural = _("tin, văn bản toàn ngành")
        ordering = ["-last_published_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class NationalNotice(models.Model):
    """Thông báo gỡ tin, đính chính — a public notice the centre adds to a national item.

    "Gỡ tin" (withdrawal) takes the item out of every list, search, feed and sitemap while the
    original and each copy stay at their address showing the reason; "Đính chính" (correction) adds
    the corrected text. Both are kept as history and cascade through the delivery outbox.
    """

    class Kind(models.TextChoices):
        WITHDRAWAL = "withdrawal", _("Gỡ tin")
        CORRECTION = "correction", _("Đính chính")

    item = models.ForeignKey(SyndicatedItem, verbose_name=_("tin"), on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(_("loại thông báo"), max_length=20, choices=Kind.choices)
    text = models.TextField(_("nội dung thông báo"))
    created_by = models.CharField(_("người thực hiện"), max_length=150)
    created_at = models.DateTimeField(_("thời điểm"), auto_now_add=True)

    class Meta:
        verbose_name = _("thông báo gỡ tin, đính chính")
        verbose_name_plural = _("thông báo gỡ tin, đính chính")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["item", "-created_at"], name="newsroom_notice_newest")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.item}"


class Delivery(models.Model):
    """Lượt phân phối — one national item delivered (or withdrawn) in one province."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Đang chờ")
        DELIVERED = "delivered", _("Đã đăng")
        FAILED = "failed", _("Lỗi")
        WITHDRAWN = "withdrawn", _("Đã gỡ")
        # The province nominated this article: it has the original, so it gets no copy.
        ORIGINAL = "original", _("Bài gốc của tỉnh")

    item = models.ForeignKey(SyndicatedItem, verbose_name=_("tin"), on_delete=models.CASCADE, related_name="deliveries")
    province = models.ForeignKey(
        Province, verbose_name=_("tỉnh"), on_delete=models.CASCADE, related_name="national_deliveries"
    )
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.PENDING)
    awaiting_approval = models.BooleanField(_("chờ tỉnh duyệt"), default=False)
    attempts = models.PositiveIntegerField(_("số lần thử"), default=0)
    resends = models.PositiveIntegerField(_("số lần gửi lại"), default=0)
    error = models.TextField(_("lỗi"), blank=True)
    copy_page_id = models.PositiveIntegerField(_("mã trang bản sao"), null=True, blank=True)
    delivered_revision_id = models.PositiveIntegerField(_("phiên bản đã gửi"), null=True, blank=True)
    duration_ms = models.PositiveIntegerField(_("thời gian xử lý (ms)"), null=True, blank=True)
    queued_at = models.DateTimeField(_("xếp hàng lúc"), null=True, blank=True)
    last_attempt_at = models.DateTimeField(_("thử gần nhất"), null=True, blank=True)
    next_retry_at = models.DateTimeField(_("thử lại lúc"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("đăng lúc"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("gỡ lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("lượt phân phối")
        verbose_name_plural = _("lượt phân phối")
        constraints = [models.UniqueConstraint(fields=["item", "province"], name="one_delivery_per_item_and_province")]
        indexes = [models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"{self.item} → {self.province} ({self.get_status_display()})"


class ProvinceGroup(models.Model):
    """Nhóm tỉnh, thành phố — a set of provinces the central office targets together (e.g. a region)."""

    name = models.CharField(_("tên nhóm"), max_length=150, unique=True)
    description = models.TextField(_("mô tả"), blank=True)
    provinces = models.ManyToManyField(
        Province, verbose_name=_("tỉnh, thành phố"), related_name="newsroom_groups", blank=True
    )
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("nhóm tỉnh, thành phố")
        verbose_name_plural = _("nhóm tỉnh, thành phố")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


class Distribution(models.Model):
    """Phân phối — to whom a national page goes and whether they must carry it (issue 19).

    Keyed by the central page's id, not by its `SyndicatedItem`: the centre sets it before the first
    publication, so that the first fan-out already reaches only the targeted provinces. No row means
    every receiving province, nothing compulsory.
    """

    class Placement(models.TextChoices):
        HOME_FEATURED = "home", _("Tin nổi bật trên trang chủ")
        SECTION = "section", _("Một chuyên mục tin")

    central_page_id = models.PositiveIntegerField(_("mã trang Trung ương"), unique=True)
    to_all = models.BooleanField(_("gửi tới tất cả tỉnh, thành phố"), default=True)
    groups = models.ManyToManyField(ProvinceGroup, verbose_name=_("nhóm tỉnh, thành phố"), blank=True)
    provinces = models.ManyToManyField(
        Province, verbose_name=_("tỉnh, thành phố"), related_name="targeted_distributions", blank=True
    )
    must_carry = models.BooleanField(_("bắt buộc đăng"), default=False)
    placement = models.CharField(_("vị trí đăng"), max_length=20, choices=Placement.choices, blank=True)
    section_slug = models.SlugField(_("chuyên mục"), max_length=100, blank=True)
    carry_from = models.DateField(_("bắt buộc từ ngày"), null=True, blank=True)
    carry_until = models.DateField(_("bắt buộc đến hết ngày"), null=True, blank=True)
    updated_by = models.CharField(_("người cập nhật"), max_length=150, blank=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    class Meta:
        verbose_name = _("phân phối tin toàn ngành")
        verbose_name_plural = _("phân phối tin toàn ngành")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(must_carry=False)
                | models.Q(carry_from__isnull=False, carry_until__gte=models.F("carry_from")),
                name="must_carry_has_a_window",
            )
        ]

    def __str__(self) -> str:
        return f"Phân phối trang {self.central_page_id}"


class Receipt(models.Model):
    """Tiếp nhận — how one province carries one national item: placed where, acknowledged by whom."""

    item = models.ForeignKey(SyndicatedItem, verbose_name=_("tin"), on_delete=models.CASCADE, related_name="receipts")
    province = models.ForeignKey(
        Province, verbose_name=_("tỉnh"), on_delete=models.CASCADE, related_name="national_receipts"
    )
    placed_at = models.DateTimeField(_("đặt đúng vị trí lúc"), null=True, blank=True)
    placement = models.CharField(_("vị trí đã đặt"), max_length=200, blank=True)
    acknowledged_at = models.DateTimeField(_("tiếp nhận lúc"), null=True, blank=True)
    acknowledged_by = models.CharField(_("người tiếp nhận"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("tiếp nhận tin toàn ngành")
        verbose_name_plural = _("tiếp nhận tin toàn ngành")
        constraints = [models.UniqueConstraint(fields=["item", "province"], name="one_receipt_per_item_and_province")]

    def __str__(self) -> str:
        return f"{self.item} → {self.province}"


class SyndicationPolicy(models.Model):
    """How a province receives national items; set by its board in its own admin."""

    class Mode(models.TextChoices):
        AUTO_PUBLISH = "auto", _("Tự động đăng ngay")
        APPROVAL_FIRST = "approval", _("Đưa vào quy trình duyệt trước khi đăng")

    province = models.OneToOneField(
        Province, verbose_name=_("tỉnh"), on_delete=models.CASCADE, related_name="syndication_policy"
    )
    mode = models.CharField(
        _("cách nhận tin toàn ngành"), max_length=20, choices=Mode.choices, default=Mode.AUTO_PUBLISH
    )
    updated_by = models.CharField(_("người cập nhật"), max_length=150, blank=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    class Meta:
        verbose_name = _("cách nhận tin toàn ngành")
        verbose_name_plural = _("cách nhận tin toàn ngành")

    def __str__(self) -> str:
        return f"{self.province}: {self.get_mode_display()}"


class Nomination(models.Model):
    """Tin đề xuất — a province's published article offered to the centre, with a copy of its data."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ xem xét")
        ACCEPTED = "accepted", _("Đã nhận đăng")
        DECLINED = "declined", _("Từ chối")

    province = models.ForeignKey(Province, verbose_name=_("tỉnh"), on_delete=models.CASCADE, related_name="nominations")
    source_page_id = models.PositiveIntegerField(_("mã bài trong trang của tỉnh"))
    source_url = models.URLField(_("địa chỉ bài gốc"), max_length=500)
    title = models.CharField(_("tiêu đề"), max_length=255)
    summary = models.TextField(_("tóm tắt"), blank=True)
    author = models.CharField(_("tác giả"), max_length=150, blank=True)
    published_at = models.DateTimeField(_("ngày đăng tại tỉnh"), null=True, blank=True)
    payload = models.JSONField(_("nội dung"), default=dict, encoder=DjangoJSONEncoder)
    note = models.TextField(_("lời nhắn"), blank=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.PENDING)
    nominated_by = models.CharField(_("người đề xuất"), max_length=150)
    nominated_at = models.DateTimeField(_("đề xuất lúc"), auto_now_add=True)
    decided_by = models.CharField(_("người xử lý"), max_length=150, blank=True)
    decided_at = models.DateTimeField(_("xử lý lúc"), null=True, blank=True)
    decline_reason = models.TextField(_("lý do từ chối"), blank=True)
    national_page_id = models.PositiveIntegerField(_("mã tin toàn ngành"), null=True, blank=True)

    class Meta:
        verbose_name = _("tin đề xuất")
        verbose_name_plural = _("tin đề xuất")
        ordering = ["-nominated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "source_page_id"],
                condition=models.Q(status__in=["pending", "accepted"]),
                name="one_open_nomination_per_article",
            )
        ]

    def __str__(self) -> str:
        return self.title


class LocalArticle(models.Model):
    """Tin từ các địa phương — a province's latest article, kept for the central home page's stream.

    Written when a province publishes an article, removed when it is unpublished or deleted; each
    province keeps only its newest few rows (`NEWSROOM_LOCAL_STREAM_PER_PROVINCE`).
    """

    province = models.ForeignKey(
        Province, verbose_name=_("tỉnh"), on_delete=models.CASCADE, related_name="local_articles"
    )
    page_id = models.PositiveIntegerField(_("mã bài"))
    title = models.CharField(_("tiêu đề"), max_length=255)
    summary = models.CharField(_("tóm tắt"), max_length=300, blank=True)
    path = models.CharField(_("đường dẫn trong trang của tỉnh"), max_length=500)
    published_at = models.DateTimeField(_("ngày đăng"))

    class Meta:
        verbose_name = _("tin từ địa phương")
        verbose_name_plural = _("tin từ các địa phương")
        ordering = ["-published_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["province", "page_id"], name="one_stream_row_per_article")]
        indexes = [models.Index(fields=["-published_at"], name="newsroom_local_newest")]

    def __str__(self) -> str:
        return self.title
