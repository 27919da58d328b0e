"""Forms of the newsroom's admin views; every message a user can see is in Vietnamese."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tenant_apps.news.models import NewsPage

from .models import SyndicationPolicy


class NominationForm(forms.Form):
    """A province editor offers one of the province's published articles to the centre."""

    article = forms.ModelChoiceField(
        label=_("Bài viết"),
        queryset=NewsPage.objects.none(),
        error_messages={
            "required": _("Hãy chọn bài viết muốn gửi về Trung ương."),
            "invalid_choice": _("Chỉ chọn được bài viết đã đăng trên trang của tỉnh."),
        },
    )
    note = forms.CharField(
        label=_("Lời nhắn cho Ban Biên tập Trung ương"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": _("Lời nhắn dài tối đa %(limit_value)d ký tự (hiện có %(show_value)d).")},
    )

    def __init__(self, *args, articles=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["article"].queryset = articles if articles is not None else NewsPage.objects.none()
        self.fields["article"].label_from_instance = lambda page: (
            f"{page.title} ({page.first_published_at:%d/%m/%Y})" if page.first_published_at else page.title
        )


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Lý do từ chối"),
        min_length=10,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Hãy nêu lý do từ chối để tỉnh biết."),
            "min_length": _("Lý do từ chối cần ít nhất %(limit_value)d ký tự (hiện có %(show_value)d)."),
            "max_length": _("Lý do từ chối dài tối đa %(limit_value)d ký tự (hiện có %(show_value)d)."),
        },
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if len(reason) < 10:
            raise forms.ValidationError(_("Lý do từ chối cần ít nhất 10 ký tự."), code="min_length")
        return reason


class AcceptForm(forms.Form):
    publish = forms.BooleanField(
        label=_("Đăng ngay và gửi tới mọi tỉnh"),
        required=False,
        help_text=_("Bỏ chọn để lưu thành bản nháp tin toàn ngành, biên tập rồi đăng sau."),
    )


class PolicyForm(forms.Form):
    mode = forms.ChoiceField(
        label=_("Khi Trung ương đăng tin, văn bản toàn ngành"),
        choices=SyndicationPolicy.Mode.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Hãy chọn cách nhận tin toàn ngành."),
            "invalid_choice": _("Cách nhận tin «%(value)s» không có trong danh sách."),
        },
    )
