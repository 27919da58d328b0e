"""The central admin's forms: onboarding (checked fully before a job is queued), and a domain or an
administrator added to a live province."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import OnboardingJob, Province, ProvinceMergeRecord
from .registry import load_registry
from .services import OnboardingError, validate_onboarding_request


def _unit_choices():
    """The units not onboarded yet; a live province is changed from its own page."""
    onboarded = set(Province.objects.exclude(code="").values_list("code", flat=True))
    return [("", "---------")] + [
        (unit.code, f"{unit.code} – {unit.official_name}")
        for unit in load_registry().values()
        if unit.code not in onboarded
    ]


class OnboardingForm(WagtailAdminModelForm):
    code = forms.ChoiceField(label=_("Tỉnh, thành phố"), choices=_unit_choices)
    domains = forms.CharField(
        label=_("Tên miền"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mỗi dòng một tên miền; dòng đầu là tên miền chính. Để trống: <slug>.localhost."),
    )

    class Meta:
        model = OnboardingJob
        fields = ["code", "domains", "admin_username", "admin_email"]

    def clean_domains(self):
        return [line.strip() for line in self.cleaned_data["domains"].splitlines() if line.strip()]

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        try:
            request = validate_onboarding_request(
                cleaned["code"],
                domains=cleaned["domains"],
                admin_username=cleaned["admin_username"],
                admin_email=cleaned["admin_email"],
            )
        except OnboardingError as error:
            self.add_error(error.field if error.field in self.fields else None, str(error))
            return cleaned
        cleaned["domains"] = request.domains
        return cleaned


class AddDomainForm(forms.Form):
    domain = forms.CharField(
        label=_("Tên miền mới"), max_length=253, help_text=_("Ví dụ: bhxh.danang.gov.vn. Tên miền chính giữ nguyên.")
    )


class AddAdministratorForm(forms.Form):
    username = forms.CharField(label=_("Tên đăng nhập"), max_length=150)
    email = forms.EmailField(
        label=_("Thư điện tử"), help_text=_("Người này nhận liên kết để tự đặt mật khẩu; không gửi mật khẩu qua thư.")
    )


def _active_provinces():
    return Province.objects.exclude(code="").filter(status=Province.Status.ACTIVE).order_by("code")


class MergeForm(forms.Form):
    """Sáp nhập tỉnh: which province is absorbed, into which, and where its content goes."""

    source = forms.ModelChoiceField(label=_("Tỉnh bị sáp nhập"), queryset=Province.objects.none())
    target = forms.ModelChoiceField(label=_("Tỉnh nhận"), queryset=Province.objects.none())
    mode = forms.ChoiceField(
        label=_("Nội dung chuyển vào"),
        choices=ProvinceMergeRecord.Mode.choices,
        initial=ProvinceMergeRecord.Mode.SECTIONS,
        widget=forms.RadioSelect,
    )
    confirm = forms.BooleanField(
        label=_("Tôi đã xem bản chạy thử và xác nhận sáp nhập"),
        required=False,
        help_text=_("Chỉ cần khi bấm «Sáp nhập». Schema cũ chưa bị xoá: việc đó cần một xác nhận nữa."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = self.fields["target"].queryset = _active_provinces()


class RemoveSchemaForm(forms.Form):
    """The second confirmation: type the absorbed province's code."""

    code = forms.CharField(label=_("Nhập mã tỉnh đã sáp nhập để xác nhận xoá schema"), max_length=8)


class RenameForm(forms.Form):
    """Đổi tên tỉnh: what changes; empty fields stay as they are."""

    province = forms.ModelChoiceField(label=_("Tỉnh, thành phố"), queryset=Province.objects.none())
    name = forms.CharField(label=_("Tên chính thức mới"), max_length=200, required=False)
    short_name = forms.CharField(label=_("Tên ngắn mới"), max_length=100, required=False)
    office_name = forms.CharField(label=_("Tên cơ quan mới"), max_length=200, required=False)
    code = forms.CharField(label=_("Mã mới"), max_length=8, required=False)
    slug = forms.SlugField(label=_("Slug mới"), max_length=63, required=False)
    domains = forms.CharField(
        label=_("Tên miền mới"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Mỗi dòng một tên miền, dòng đầu là tên miền chính; các tên miền cũ chuyển hướng 301."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = _active_provinces()
