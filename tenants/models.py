"""Tenants: a province (tỉnh/thành phố) is one PostgreSQL schema with its own domains.

The public schema also has one Province row (the central office, BHXH Việt Nam), because
django-tenants resolves every host, the central one included, through this table.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tenants.models import DomainMixin, TenantMixin
from django_tenants.utils import get_public_schema_name


class Province(TenantMixin):
    """Tỉnh/thành phố — a tenant: one provincial office's site, schema and domains."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Đang hoạt động")
        SUSPENDED = "suspended", _("Tạm ngừng")
        # Absorbed into another province (tenants/merging.py): no host, no task; its reports stay here.
        MERGED = "merged", _("Đã sáp nhập")

    # Onboarding creates the schema itself (cloning the template), inside its transaction.
    auto_create_schema = False
    auto_drop_schema = False

    code = models.CharField(
        _("mã đơn vị hành chính"),
        max_length=8,
        blank=True,
        help_text=_("Mã chính thức của tỉnh/thành phố; để trống cho cơ quan Trung ương."),
    )
    name = models.CharField(_("tên chính thức"), max_length=200, help_text=_("Ví dụ: Thành phố Hà Nội"))
    short_name = models.CharField(_("tên ngắn"), max_length=100)
    office_name = models.CharField(
        _("tên cơ quan"), max_length=200, help_text=_("Ví dụ: Bảo hiểm xã hội thành phố Hà Nội")
    )
    slug = models.SlugField(_("slug"), max_length=63, unique=True)
    theme = models.CharField(_("giao diện"), max_length=50, default="default")
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.ACTIVE)

    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    responsible_person = models.CharField(
        _("người chịu trách nhiệm"),
        max_length=200,
        blank=True,
        help_text=_("Họ tên và chức vụ người chịu trách nhiệm chính, hiện ở chân trang."),
    )

    created_at = models.DateTimeField(_("thời điểm khởi tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật"), auto_now=True)

    class Meta:
        verbose_name = _("tỉnh, thành phố")
        verbose_name_plural = _("tỉnh, thành phố")
        ordering = ["code", "name"]
        constraints = [
            models.UniqueConstraint(fields=["code"], condition=~models.Q(code=""), name="unique_province_code")
        ]

    def __str__(self) -> str:
        return self.office_name or self.name

    @property
    def is_central(self) -> bool:
        return self.schema_name == get_public_schema_name()

    @property
    def is_suspended(self) -> bool:
        return self.status == self.Status.SUSPENDED

    def get_theme_display(self) -> str:
        """The theme's label (theme.json), as the admin shows it, rather than its folder name."""
        from .themes import available_themes

        return available_themes().get(self.theme, self.theme)


class Domain(DomainMixin):
    """Tên miền — a host name that serves one province's site (or the central site).

    A former host (of a renamed or absorbed province) keeps its row with `redirects` set: every
    request to it answers 301 on the province's primary domain (tenants.middleware).
    """

    redirects = models.BooleanField(
        _("chuyển hướng về tên miền chính"),
        default=False,
        help_text=_("Tên miền cũ: mọi địa chỉ chuyển hướng 301 về tên miền chính của tỉnh."),
    )

    class Meta:
        verbose_name = _("tên miền")
        verbose_name_plural = _("tên miền")
        ordering = ["-is_primary", "domain"]

    def __str__(self) -> str:
        return self.domain


class Job(models.Model):
    """What a job run by the Celery worker records for the central admin: its status, the lines it
    reported, the reason it failed. Onboarding jobs and merges share it (docs/decisions.md)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Đang chờ")
        RUNNING = "running", _("Đang chạy")
        SUCCEEDED = "succeeded", _("Hoàn thành")
        FAILED = "failed", _("Thất bại")

    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.PENDING)
    log = models.TextField(_("nhật ký"), blank=True)
    error = models.TextField(_("lỗi"), blank=True)
    # A username, not a foreign key: a public-schema table must never point at a user table,
    # because each province schema has its own and deletions would follow the link across.
    requested_by = models.CharField(_("người yêu cầu"), max_length=150, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    finished_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)
    # The job row is its own outbox: written with the request, its task sent after commit, sent again by
    # the beat sweep (tenants/jobs.py) when it has not started or finished some time after `queued_at`.
    queued_at = models.DateTimeField(_("gửi lúc"), default=timezone.now)
    resends = models.PositiveIntegerField(_("số lần gửi lại"), default=0)

    class Meta:
        abstract = True

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.SUCCEEDED, self.Status.FAILED)


class OnboardingJob(Job):
    """One request, from the central admin, to onboard a province; run by the Celery worker."""

    code = models.CharField(_("mã tỉnh"), max_length=8)
    domains = models.JSONField(_("tên miền"), default=list, blank=True)
    admin_username = models.CharField(_("tài khoản quản trị"), max_length=150)
    admin_email = models.EmailField(_("thư điện tử quản trị"))
    province = models.ForeignKey(
        Province,
        verbose_name=_("tỉnh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="onboarding_jobs",
    )

    class Meta:
        verbose_name = _("yêu cầu khởi tạo")
        verbose_name_plural = _("yêu cầu khởi tạo")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.code} ({self.get_status_display()})"


class PendingVersionBump(models.Model):
    """A version counter bump that Redis could not take (tenants/versions.py), made when it answers
    again. One row per counter key: two missed bumps need only one."""

    key = models.CharField(max_length=255, unique=True)
    recorded_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.key


class ProvinceMergeRecord(Job):
    """Sáp nhập — one province absorbed into another (tenants/merging.py), and how far it went: the
    merge job the central admin queues (status, log, reason of a failure) and, once it succeeded,
    the merge itself.

    Public-schema rows that point at the absorbed Province (reports, dossier) keep pointing at it:
    its row stays, with status "merged", after its schema is removed.
    """

    class Mode(models.TextChoices):
        SECTIONS = "sections", _("Vào các chuyên mục của tỉnh nhận, có nhãn nguồn")
        ARCHIVE = "archive", _("Vào một mục lưu trữ riêng")

    source = models.OneToOneField(
        Province, verbose_name=_("tỉnh bị sáp nhập"), on_delete=models.PROTECT, related_name="merged_into"
    )
    target = models.ForeignKey(Province, verbose_name=_("tỉnh nhận"), on_delete=models.PROTECT, related_name="absorbed")
    mode = models.CharField(_("nơi nhận nội dung"), max_length=20, choices=Mode.choices, default=Mode.SECTIONS)
    source_name = models.CharField(_("tên tỉnh bị sáp nhập"), max_length=200)
    merged_at = models.DateTimeField(_("sáp nhập lúc"), null=True, blank=True)
    backup_path = models.CharField(_("bản sao lưu"), max_length=500, blank=True)
    schema_removed_at = models.DateTimeField(_("xoá schema lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("sáp nhập tỉnh")
        verbose_name_plural = _("sáp nhập tỉnh")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.source_name} → {self.target}"


class MergeDryRun(Job):
    """Chạy thử sáp nhập — a dry run of a merge, run by the Celery worker like the merge itself: the
    whole merge in one transaction rolled back; its log lists what would move (tenants/merging.py)."""

    source = models.ForeignKey(
        Province, verbose_name=_("tỉnh bị sáp nhập"), on_delete=models.CASCADE, related_name="merge_dry_runs"
    )
    target = models.ForeignKey(Province, verbose_name=_("tỉnh nhận"), on_delete=models.CASCADE, related_name="+")
    mode = models.CharField(
        _("nơi nhận nội dung"),
        max_length=20,
        choices=ProvinceMergeRecord.Mode.choices,
        default=ProvinceMergeRecord.Mode.SECTIONS,
    )
    source_name = models.CharField(_("tên tỉnh bị sáp nhập"), max_length=200)

    class Meta:
        verbose_name = _("chạy thử sáp nhập")
        verbose_name_plural = _("chạy thử sáp nhập")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.source_name} → {self.target}"


class MergedObject(models.Model):
    """What a merge already moved: a row of the absorbed schema and its copy in the receiving one.

    Keyed by the absorbed ids, so a merge run again after a failure skips what is there.
    """

    merge = models.ForeignKey(ProvinceMergeRecord, on_delete=models.CASCADE, related_name="objects_moved")
    kind = models.CharField(max_length=50)  # "page", "image", "document", "user", "qa.question"…
    source_id = models.PositiveBigIntegerField()
    target_id = models.PositiveBigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["merge", "kind", "source_id"], name="unique_merged_object"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.source_id} → {self.target_id}"
