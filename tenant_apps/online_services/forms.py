"""Forms of online service requests: the citizen's request form (fixed fields + the fields the
province's editors defined + spam protection), the status lookup, the staff's status change."""

from __future__ import annotations

import re

from django import forms
from django.conf import settings
from django.db import connection
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from tenant_apps.antispam.forms import ProtectedForm
from tenant_apps.offices.admin_units import commune_choices

from .admin_forms import FIXED_FIELDS, RESERVED_FIELD_NAMES
from .models import ALLOWED_TRANSITIONS, RequestStatus
from .uploads import ACCEPT_ATTRIBUTE, check_upload, upload_help_text

PHONE_SEPARATORS_RE = re.compile(r"[ .\-()]")
PHONE_RE = re.compile(r"^0[0-9]{9,10}$")
ID_NUMBER_RE = re.compile(r"^[0-9]{12}$")
TRACKING_CODE_RE = re.compile(r"^DV-[0-9]{8}-[A-Z0-9]{6}$")

MULTILINE_MAX_LENGTH = 2000


def normalize_phone(value: str) -> str:
    """'+84 912.345.678' -> '0912345678'; the form in which phones are stored and compared."""
    digits = PHONE_SEPARATORS_RE.sub("", value.strip())
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    return digits


def clean_phone_value(value: str) -> str:
    phone = normalize_phone(value)
    if not PHONE_RE.match(phone):
        raise forms.ValidationError(_("Số điện thoại không hợp lệ (ví dụ: 0912 345 678)."), code="phone")
    return phone


class PrivateFileField(forms.FileField):
    """A file field whose content is checked (PDF/JPEG/PNG, size limit) before anything is stored."""

    default_error_messages = {
        "invalid": _("Không nhận được tệp; vui lòng chọn lại tệp."),
        "missing": _("Không nhận được tệp; vui lòng chọn lại tệp."),
        "empty": _("Tệp đính kèm rỗng."),
        "max_length": _("Tên tệp quá dài (tối đa %(max)d ký tự, hiện có %(length)d)."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 200)
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": ACCEPT_ATTRIBUTE}))
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            check_upload(upload)
        return upload


class ServiceRequestBaseForm(BaseForm, ProtectedForm):
    """What every request asks for, whatever the type: who the citizen is and how to reach them."""

    full_name = forms.CharField(
        label=_("Họ và tên"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    phone = forms.CharField(
        label=_("Số điện thoại"),
        max_length=20,
        help_text=_("Dùng để tra cứu tình trạng hồ sơ cùng với mã hồ sơ."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.EmailField(
        label=_("Thư điện tử"),
        required=False,
        help_text=_("Không bắt buộc. Nếu có, bạn sẽ nhận thư báo mỗi khi hồ sơ đổi trạng thái."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    id_number = forms.CharField(
        label=_("Số căn cước công dân (CCCD)"),
        max_length=20,
        help_text=_("Gồm 12 chữ số."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    consent = forms.BooleanField(
        label=_("Tôi đồng ý để cơ quan BHXH xử lý dữ liệu cá nhân trong yêu cầu này."),
        error_messages={"required": _("Bạn cần đồng ý cho xử lý dữ liệu cá nhân để gửi yêu cầu.")},
    )

    require_id_number = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.require_id_number:
            del self.fields["id_number"]
        months = settings.ONLINE_SERVICES_RETENTION_MONTHS
        office = getattr(connection.tenant, "office_name", "") or _("cơ quan BHXH")
        self.fields["consent"].help_text = _(
            "%(office)s chỉ dùng các thông tin này để giải quyết yêu cầu; dữ liệu cá nhân và tệp đính kèm "
            "được xóa sau %(months)s tháng kể từ khi hồ sơ kết thúc (Nghị định 13/2023/NĐ-CP)."
        ) % {"office": office, "months": months}
        editor_fields = [name for name in self.fields if name not in RESERVED_FIELD_NAMES]
        self.order_fields([*FIXED_FIELDS, *editor_fields, "consent", "captcha", "website"])

    def clean_full_name(self) -> str:
        return " ".join(self.cleaned_data["full_name"].split())

    def clean_phone(self) -> str:
        return clean_phone_value(self.cleaned_data["phone"])

    def clean_id_number(self) -> str:
        value = re.sub(r"\s", "", self.cleaned_data["id_number"])
        if not ID_NUMBER_RE.match(value):
            raise forms.ValidationError(_("Số CCCD phải gồm đúng 12 chữ số."), code="id_number")
        return value

    def editor_field_names(self) -> list[str]:
        return [name for name in self.fields if name not in RESERVED_FIELD_NAMES]

    @property
    def has_file_fields(self) -> bool:
        return any(isinstance(field, forms.FileField) for field in self.fields.values())


class ServiceRequestFormBuilder(FormBuilder):
    """Wagtail's form builder plus a private file field, on top of the fixed fields."""

    def __init__(self, fields, require_id_number: bool = False):
        super().__init__(fields)
        self.require_id_number = require_id_number

    def create_multiline_field(self, field, options):
        options["max_length"] = MULTILINE_MAX_LENGTH
        options.setdefault("widget", forms.Textarea(attrs={"rows": 4}))
        return forms.CharField(**options)

    def create_date_field(self, field, options):
        options.setdefault("widget", forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
        return forms.DateField(**options)

    def create_file_field(self, field, options):
        options.pop("initial", None)
        if not options.get("help_text"):
            options["help_text"] = upload_help_text()
        return PrivateFileField(**options)

    def create_commune_field(self, field, options):
        """Today's communes of the site's province (since 01/07/2025), a plain select."""
        choices = commune_choices(getattr(connection.tenant, "code", ""))
        return forms.ChoiceField(choices=[("", _("— Chọn xã, phường —")), *choices], **options)

    def get_form_class(self):
        attrs = dict(self.formfields)
        attrs["require_id_number"] = self.require_id_number
        return type("ServiceRequestForm", (ServiceRequestBaseForm,), attrs)


class StatusLookupForm(forms.Form):
    """Tra cứu tình trạng hồ sơ: the tracking code and the phone given with the request."""

    tracking_code = forms.CharField(
        label=_("Mã hồ sơ"),
        max_length=40,
        help_text=_("Ví dụ: DV-20260115-7KQ2MX (in trên biên nhận)."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    phone = forms.CharField(
        label=_("Số điện thoại đã khai khi nộp"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )

    def clean_tracking_code(self) -> str:
        code = re.sub(r"\s", "", self.cleaned_data["tracking_code"]).upper()
        if not TRACKING_CODE_RE.match(code):
            raise forms.ValidationError(_("Mã hồ sơ có dạng DV-YYYYMMDD-XXXXXX."), code="tracking_code")
        return code

    def clean_phone(self) -> str:
        return clean_phone_value(self.cleaned_data["phone"])


class StatusChangeForm(forms.Form):
    """The staff's next step on a request; a rejection must say why."""

    to_status = forms.ChoiceField(label=_("Chuyển sang trạng thái"))
    note = forms.CharField(
        label=_("Ghi chú gửi người nộp"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Người nộp thấy ghi chú này khi tra cứu và trong thư báo. Bắt buộc khi từ chối."),
    )

    def __init__(self, *args, current_status: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = [
            (status, RequestStatus(status).label) for status in ALLOWED_TRANSITIONS[current_status]
        ]

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("to_status") == RequestStatus.REJECTED and not cleaned_data.get("note", "").strip():
            self.add_error("note", _("Hãy ghi lý do từ chối để người nộp biết."))
        return cleaned_data
