"""Ban Biên tập — the editorial board, its rules, and the royalties of what it publishes."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from .rules import MAX_COEFFICIENT, ROYALTY_PAYMENT_DAYS, GenreGroup, royalty_unit_on


class BoardRole(models.TextChoices):
    HEAD = "truong-ban", _("Trưởng ban")
    DEPUTY = "pho-ban", _("Phó ban")
    EDITOR = "bien-tap-vien", _("Biên tập viên")
    REPORTER = "phong-vien", _("Phóng viên, Cộng tác viên")
    TECHNICAL = "quan-tri-ky-thuat", _("Quản trị kỹ thuật")


class BoardDecision(models.Model):
    """Quyết định thành lập Ban Biên tập (the director's decision establishing the board)."""

    number = models.CharField(_("số quyết định"), max_length=50)
    signed_date = models.DateField(_("ngày ký"))
    signer = models.CharField(_("người ký"), max_length=150)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("bản scan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_current = models.BooleanField(_("đang có hiệu lực"), default=True)

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("signed_date")]),
        FieldPanel("signer"),
        FieldPanel("document"),
        FieldPanel("is_current"),
    ]

    class Meta:
        verbose_name = _("quyết định thành lập Ban Biên tập")
        verbose_name_plural = _("quyết định thành lập Ban Biên tập")
        ordering = ["-signed_date"]

    def __str__(self) -> str:
        return f"Quyết định số {self.number} ngày {self.signed_date:%d/%m/%Y}"


class OperatingRules(models.Model):
    """Quy chế hoạt động — the board's operating rules, one row per version."""

    version = models.PositiveSmallIntegerField(_("phiên bản"), unique=True)
    title = models.CharField(_("tên quy chế"), max_length=250)
    adopted_date = models.DateField(_("ngày ban hành"))
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("văn bản quy chế"), on_delete=models.PROTECT, related_name="+"
    )
    notes = models.TextField(_("nội dung sửa đổi"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("version"), FieldPanel("adopted_date")]),
        FieldPanel("title"),
        FieldPanel("document"),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("quy chế hoạt động")
        verbose_name_plural = _("quy chế hoạt động")
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"{self.title} (phiên bản {self.version})"


class BoardMember(models.Model):
    """Thành viên Ban Biên tập — a person, their position in the office and their role on the board."""

    full_name = models.CharField(_("họ và tên"), max_length=150)
    position = models.CharField(_("chức vụ trong cơ quan"), max_length=150)
    role = models.CharField(_("vai trò trong Ban"), max_length=30, choices=BoardRole.choices)
    email = models.EmailField(_("thư điện tử"), unique=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="board_member",
    )
    is_active = models.BooleanField(_("đang tham gia"), default=True)
    invited_at = models.DateTimeField(_("mời lúc"), null=True, blank=True)
    joined_at = models.DateTimeField(_("nhận lời lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("thành viên Ban Biên tập")
        verbose_name_plural = _("thành viên Ban Biên tập")
        ordering = ["role", "full_name"]

    def __str__(self) -> str:
        return f"{self.full_name} – {self.get_role_display()}"


class RoyaltyContribution(models.Model):
    """Nhuận bút — one person's contribution to a published item, and its royalty."""

    class Kind(models.TextChoices):
        WRITER = "viet", _("Viết bài")
        PHOTOGRAPHER = "anh", _("Chụp ảnh")
        VIDEO = "video", _("Quay, dựng video")
        MATERIAL = "tu-lieu", _("Cung cấp tư liệu")

    class Status(models.TextChoices):
        PROPOSED = "de-xuat", _("Đề xuất")
        APPROVED = "da-duyet", _("Đã duyệt")
        PAID = "da-tra", _("Đã chi trả")

    page = ParentalKey(
        "wagtailcore.Page", verbose_name=_("tin, bài"), related_name="royalty_contributions", on_delete=models.CASCADE
    )
    person = models.CharField(_("họ và tên"), max_length=150)
    is_staff = models.BooleanField(_("cán bộ trong cơ quan"), default=True)
    kind = models.CharField(_("đóng góp"), max_length=10, choices=Kind.choices, default=Kind.WRITER)
    genre = models.CharField(_("nhóm thể loại"), max_length=20, choices=GenreGroup.choices, default=GenreGroup.NEWS)
    coefficient = models.DecimalField(
        _("hệ số"), max_digits=5, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )
    adjustment_percent = models.PositiveSmallIntegerField(
        _("tỷ lệ hưởng (%)"),
        default=100,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Ví dụ: tác phẩm dịch 40–65 %."),
    )
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    approved_by = models.CharField(_("người duyệt"), max_length=150, blank=True)
    paid_on = models.DateField(_("ngày chi trả"), null=True, blank=True)
    contact_attempts = models.TextField(
        _("liên hệ nhận nhuận bút"), blank=True, help_text=_("Mỗi dòng một lần liên hệ: ngày, cách liên hệ, kết quả.")
    )

    panels = [
        FieldRowPanel([FieldPanel("person"), FieldPanel("is_staff"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("genre"), FieldPanel("coefficient"), FieldPanel("adjustment_percent")]),
    ]

    class Meta:
        verbose_name = _("nhuận bút")
        verbose_name_plural = _("nhuận bút")
        ordering = ["page_id", "pk"]
        permissions = [("approve_royalties", "Duyệt, chi trả và xuất bảng kê nhuận bút")]
        constraints = [
            # The same frame as clean(), enforced by the database for every writer.
            models.CheckConstraint(
                name="royalty_coefficient_within_genre_frame",
                condition=models.Q(genre__in=["tin", "anh", "tranh"], coefficient__lte=10)
                | models.Q(genre__in=["binh-luan", "phong-su", "nghien-cuu"], coefficient__lte=30)
                | models.Q(genre="truyen-thong", coefficient__lte=50),
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_genre_display()} × {self.coefficient}"

    def clean(self):
        super().clean()
        maximum = MAX_COEFFICIENT[self.genre]
        if self.coefficient is not None and self.coefficient > maximum:
            raise ValidationError(
                {
                    "coefficient": _("Hệ số tối đa của nhóm «%(group)s» là %(max)s.")
                    % {"group": self.get_genre_display(), "max": maximum}
                }
            )

    @property
    def published_on(self) -> datetime.date | None:
        first = self.page.first_published_at
        return timezone.localdate(first) if first else None

    @property
    def due_on(self) -> datetime.date | None:
        published = self.published_on
        return published + datetime.timedelta(days=ROYALTY_PAYMENT_DAYS) if published else None

    @property
    def amount(self) -> Decimal:
        """Tiền nhuận bút (VND) = hệ số × đơn vị (10 % lương cơ sở ngày đăng) × tỷ lệ hưởng."""
        published = self.published_on or timezone.localdate()
        amount = self.coefficient * royalty_unit_on(published) * self.adjustment_percent / 100
        return amount.quantize(Decimal("1"))
