"""Dịch vụ công trực tuyến — online service requests: request types built by the province's
editors (Wagtail's form builder), the requests citizens send, their history and the log of
who looked at their personal data."""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField, FormSubmission
from wagtail.contrib.forms.utils import get_field_clean_name
from wagtail.fields import RichTextField
from wagtail.search import index

from tenant_apps.antispam.flow import CitizenFormMixin
from tenant_apps.search.text import fold
from tenants.schemas import ProvincePageMixin

from .admin_forms import ServiceRequestPageAdminForm
from .storage import private_storage, private_upload_path


def new_receipt_token() -> str:
    """The key of a request's receipt page: 256 random bits, so its address cannot be guessed."""
    return secrets.token_urlsafe(32)


class RequestStatus(models.TextChoices):
    RECEIVED = "received", _("Đã tiếp nhận")
    PROCESSING = "processing", _("Đang xử lý")
    DONE = "done", _("Đã hoàn thành")
    REJECTED = "rejected", _("Từ chối")


CLOSED_STATUSES = (RequestStatus.DONE, RequestStatus.REJECTED)
ALLOWED_TRANSITIONS: dict[str, tuple[str, ...]] = {
    RequestStatus.RECEIVED: (RequestStatus.PROCESSING, RequestStatus.DONE, RequestStatus.REJECTED),
    RequestStatus.PROCESSING: (RequestStatus.DONE, RequestStatus.REJECTED),
    RequestStatus.DONE: (),
    RequestStatus.REJECTED: (),
}

FIELD_TYPE_CHOICES = (
    ("singleline", _("Một dòng chữ")),
    ("multiline", _("Nhiều dòng chữ")),
    ("email", _("Thư điện tử")),
    ("number", _("Số")),
    ("date", _("Ngày")),
    ("dropdown", _("Danh sách thả xuống")),
    ("radio", _("Chọn một (nút tròn)")),
    ("checkboxes", _("Chọn nhiều (ô đánh dấu)")),
    ("checkbox", _("Một ô đánh dấu (ví dụ: cam đoan)")),
    ("file", _("Tệp đính kèm (PDF, JPEG, PNG)")),
    ("commune", _("Xã, phường (danh sách xã, phường hiện nay của tỉnh)")),
)


class ServiceRequestPage(CitizenFormMixin, ProvincePageMixin, AbstractForm):
    """Loại yêu cầu dịch vụ công — one kind of request (e.g. đăng ký BHYT hộ gia đình) and its form.

    Citizens' answers are stored as ServiceRequest rows (with status, history and retention),
    never as Wagtail FormSubmissions.
    """

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    processing_time = models.CharField(
        _("thời hạn giải quyết"), max_length=100, blank=True, help_text=_("Ví dụ: 05 ngày làm việc.")
    )
    require_id_number = models.BooleanField(
        _("yêu cầu số CCCD"), default=False, help_text=_("Người nộp phải nhập số căn cước công dân (12 chữ số).")
    )
    thank_you_text = models.CharField(
        _("lời nhắn sau khi gửi"),
        max_length=300,
        default="Cơ quan BHXH đã tiếp nhận yêu cầu của bạn. Hãy ghi lại mã hồ sơ để tra cứu tình trạng giải quyết.",
    )

    content_panels = AbstractForm.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("processing_time"), FieldPanel("require_id_number")], heading=_("Quy định")),
        InlinePanel("form_fields", label=_("Trường của biểu mẫu")),
        FieldPanel("thank_you_text"),
    ]
    search_fields = AbstractForm.search_fields + [index.SearchField("intro")]

    base_form_class = ServiceRequestPageAdminForm
    parent_page_types = ["home.HomePage", "pages.ContentPage"]
    subpage_types = []
    preview_modes = [("form", _("Biểu mẫu"))]

    rate_limit_scope = "dich-vu-cong"
    rate_limited_message = _("Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ít phút.")

    class Meta:
        verbose_name = _("loại yêu cầu dịch vụ công")
        verbose_name_plural = _("loại yêu cầu dịch vụ công")

    def get_form_class(self):
        from .forms import ServiceRequestFormBuilder

        return ServiceRequestFormBuilder(
            self.get_form_fields(), require_id_number=self.require_id_number
        ).get_form_class()

    def get_submissions(self):
        """Requests live in ServiceRequest (status, history, retention); Wagtail's list stays empty."""
        return FormSubmission.objects.none()

    def process_form_submission(self, form):
        from .services import submit_service_request

        return submit_service_request(self, form.cleaned_data)

    @property
    def rate_limit(self) -> tuple[int, int]:
        return settings.ONLINE_SERVICES_SUBMIT_RATE_LIMIT

    def render_landing_page(self, request, form_submission=None, *args, form=None, **kwargs):
        """To the request's receipt, at an address of its own that survives a reload."""
        return redirect("online_services_receipt", token=form_submission.receipt_token)


class ServiceRequestFormField(AbstractFormField):
    """A field of a request type's form, defined by the province's editors."""

    page = ParentalKey(ServiceRequestPage, on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(_("loại trường"), max_length=16, choices=FIELD_TYPE_CHOICES)
    field_type.required_on_save = True

    class Meta(AbstractFormField.Meta):
        verbose_name = _("trường của biểu mẫu")
        verbose_name_plural = _("trường của biểu mẫu")

    def get_field_clean_name(self) -> str:
        """'Địa chỉ thường trú' -> 'dia_chi_thuong_tru' (Wagtail alone would spell "Đ" as 'u0110')."""
        return get_field_clean_name(fold(self.label))


class ServiceRequest(models.Model):
    """Yêu cầu dịch vụ công — one request a citizen sent, tracked by its code until it is closed."""

    page = models.ForeignKey(
        ServiceRequestPage,
        verbose_name=_("loại yêu cầu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requests",
    )
    request_type = models.CharField(_("loại yêu cầu"), max_length=255)
    tracking_code = models.CharField(_("mã hồ sơ"), max_length=24, unique=True)
    receipt_token = models.CharField(
        _("khóa biên nhận"), max_length=64, unique=True, default=new_receipt_token, editable=False
    )
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=RequestStatus.choices, default=RequestStatus.RECEIVED
    )
    full_name = models.CharField(_("họ và tên"), max_length=150)
    phone = models.CharField(_("điện thoại"), max_length=20, help_text=_("Chỉ gồm chữ số, bắt đầu bằng 0."))
    email = models.EmailField(_("thư điện tử"), blank=True)
    id_number = models.CharField(_("số CCCD"), max_length=12, blank=True)
    answers = models.JSONField(_("nội dung khai"), default=list, blank=True)
    created_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    closed_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)
    personal_data_erased_at = models.DateTimeField(_("đã xóa dữ liệu cá nhân lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("yêu cầu dịch vụ công")
        verbose_name_plural = _("yêu cầu dịch vụ công")
        ordering = ["-created_at", "-pk"]
        permissions = [
            ("view_personal_data", "Xem dữ liệu cá nhân (CCCD, điện thoại, thư điện tử, nội dung, tệp) của yêu cầu")
        ]
        indexes = [models.Index(fields=["status", "closed_at"], name="online_serv_status_closed_idx")]

    def __str__(self) -> str:
        return self.tracking_code

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES

    def next_statuses(self) -> tuple[str, ...]:
        return ALLOWED_TRANSITIONS[self.status]


class ServiceRequestFile(models.Model):
    """Tệp đính kèm — a file sent with a request, kept in the province's private folder."""

    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="files")
    key = models.UUIDField(_("khóa tải về"), default=uuid.uuid4, unique=True, editable=False)
    field_name = models.CharField(_("trường"), max_length=255)
    label = models.CharField(_("tên trường"), max_length=255)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(_("kiểu tệp"), max_length=100)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    file = models.FileField(_("tệp"), storage=private_storage, upload_to=private_upload_path, max_length=255)
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.original_name


class ServiceRequestEvent(models.Model):
    """Nhật ký xử lý — one status change of a request: who, when, from → to, and the note."""

    request = models.ForeignKey(ServiceRequest, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(_("từ trạng thái"), max_length=16, choices=RequestStatus.choices, blank=True)
    to_status = models.CharField(_("sang trạng thái"), max_length=16, choices=RequestStatus.choices)
    note = models.TextField(_("ghi chú"), max_length=2000, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người thực hiện"), null=True, blank=True, on_delete=models.SET_NULL
    )
    actor_name = models.CharField(_("tài khoản"), max_length=150, blank=True)
    created_at = models.DateTimeField(_("lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("nhật ký xử lý")
        verbose_name_plural = _("nhật ký xử lý")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.request} {self.from_status or '-'} → {self.to_status}"


class PersonalDataAccess(models.Model):
    """Nhật ký truy cập dữ liệu cá nhân — every time a staff member saw a request's personal data."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người xem"), null=True, blank=True, on_delete=models.SET_NULL
    )
    username = models.CharField(_("tài khoản"), max_length=150)
    request = models.ForeignKey(
        ServiceRequest,
        verbose_name=_("yêu cầu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="personal_data_accesses",
    )
    tracking_code = models.CharField(_("mã hồ sơ"), max_length=24)
    what = models.CharField(_("dữ liệu đã xem"), max_length=255)
    accessed_at = models.DateTimeField(_("lúc"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("lượt truy cập dữ liệu cá nhân")
        verbose_name_plural = _("nhật ký truy cập dữ liệu cá nhân")
        ordering = ["-accessed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.username} – {self.tracking_code} – {self.what}"
