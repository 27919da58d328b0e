"""The centre's form for whom a national page goes to and whether they must carry it (issue 19)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tenant_apps.news.models import DEFAULT_CATEGORIES

from .models import Distribution, ProvinceGroup
from .selectors import receiving_provinces
from .services.must_carry import DistributionChange

TARGET_CHOICES = [("all", _("Tất cả tỉnh, thành phố")), ("chosen", _("Chỉ các nhóm, tỉnh, thành phố được chọn"))]


def _date_field(label):
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Ngày không hợp lệ; nhập theo dạng ngày/tháng/năm, ví dụ 01/12/2026.")},
    )


class DistributionForm(forms.Form):
    target = forms.ChoiceField(label=_("Gửi tới"), choices=TARGET_CHOICES, widget=forms.RadioSelect, initial="all")
    groups = forms.ModelMultipleChoiceField(
        label=_("Nhóm tỉnh, thành phố"),
        queryset=ProvinceGroup.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Nhóm đã chọn không còn tồn tại.")},
    )
    provinces = forms.ModelMultipleChoiceField(
        label=_("Tỉnh, thành phố"),
        queryset=receiving_provinces(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Tỉnh, thành phố đã chọn không nhận tin toàn ngành.")},
    )
    must_carry = forms.BooleanField(
        label=_("Bắt buộc đăng"),
        required=False,
        help_text=_(
            "Tỉnh đăng ngay (kể cả khi chọn duyệt trước) và không được ngừng đăng, xóa, chuyển tin trong thời hạn."
        ),
    )
    placement = forms.ChoiceField(
        label=_("Vị trí đăng"),
        choices=Distribution.Placement.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Văn bản luôn được đưa vào thư viện Văn bản của tỉnh."),
    )
    section_slug = forms.ChoiceField(
        label=_("Chuyên mục"),
        choices=[("", "—")] + [(slug, name) for name, slug in DEFAULT_CATEGORIES],
        required=False,
    )
    carry_from = _date_field(_("Bắt buộc từ ngày"))
    carry_until = _date_field(_("Bắt buộc đến hết ngày"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provinces"].label_from_instance = lambda province: province.short_name

    @classmethod
    def initial_for(cls, distribution: Distribution | None) -> dict:
        if distribution is None:
            return {"target": "all"}
        return {
            "target": "all" if distribution.to_all else "chosen",
            "groups": list(distribution.groups.all()),
            "provinces": list(distribution.provinces.all()),
            "must_carry": distribution.must_carry,
            "placement": distribution.placement,
            "section_slug": distribution.section_slug,
            "carry_from": distribution.carry_from,
            "carry_until": distribution.carry_until,
        }

    def clean(self):
        data = super().clean()
        if data.get("target") == "chosen" and not data.get("groups") and not data.get("provinces"):
            self.add_error("groups", _("Hãy chọn ít nhất một nhóm hoặc một tỉnh, thành phố."))
        if data.get("must_carry"):
            if not data.get("placement"):
                self.add_error("placement", _("Hãy chọn vị trí đăng của tin bắt buộc đăng."))
            elif data["placement"] == Distribution.Placement.SECTION and not data.get("section_slug"):
                self.add_error("section_slug", _("Hãy chọn chuyên mục đăng tin."))
            for field in ("carry_from", "carry_until"):
                if not data.get(field) and field not in self.errors:
                    self.add_error(field, _("Hãy nhập thời hạn bắt buộc đăng."))
            start, end = data.get("carry_from"), data.get("carry_until")
            if start and end and end < start:
                self.add_error("carry_until", _("Ngày kết thúc phải từ ngày bắt đầu trở đi."))
        return data

    def change(self, central_page_id: int) -> DistributionChange:
        data = self.cleaned_data
        return DistributionChange(
            central_page_id=central_page_id,
            to_all=data["target"] == "all",
            groups=list(data["groups"]),
            provinces=list(data["provinces"]),
            must_carry=data["must_carry"],
            placement=data["placement"],
            section_slug=data["section_slug"],
            carry_from=data["carry_from"],
            carry_until=data["carry_until"],
        )
