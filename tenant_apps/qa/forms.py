import re

from django import forms
from django.db import connection
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.rich_text import get_rich_text_editor_widget

from tenant_apps.antispam.forms import ProtectedForm
from tenant_apps.contact.forms import PHONE_RE
from tenant_apps.offices.admin_units import commune_choices

from .models import Topic


class QuestionForm(ProtectedForm):
    asker_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)
    phone = forms.CharField(label=_("Điện thoại"), max_length=20, required=False)
    commune = forms.CharField(label=_("Xã, phường nơi ở"), max_length=150)
    topic = forms.ChoiceField(label=_("Chủ đề"), choices=[("", "---------"), *Topic.choices])
    title = forms.CharField(label=_("Tiêu đề"), max_length=200)
    body = forms.CharField(label=_("Nội dung câu hỏi"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8}))

    field_order = ["asker_name", "email", "phone", "commune", "topic", "title", "body", "captcha", "website"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = commune_choices(getattr(connection.tenant, "code", ""))
        if choices:  # today's communes of the site's province, a plain select (no script needed)
            self.fields["commune"] = forms.ChoiceField(
                label=self.fields["commune"].label, choices=[("", _("— Chọn xã, phường —")), *choices]
            )

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE_RE.match(phone):
            raise forms.ValidationError(_("Số điện thoại không hợp lệ (ví dụ: 0912 345 678)."))
        return phone

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not cleaned.get("phone") and "email" not in self.errors:
            self.add_error("email", _("Hãy cho biết thư điện tử hoặc số điện thoại để nhận trả lời."))
        return cleaned


TRACKING_CODE_RE = re.compile(r"^HD-\d{8}-[0-9A-F]{6}$")


class QuestionLookupForm(forms.Form):
    """Tra cứu câu hỏi: the tracking code given on the receipt."""

    ma = forms.CharField(
        label=_("Mã theo dõi"),
        max_length=30,
        help_text=_("Ví dụ: HD-20260115-7A2B3C (trên trang xác nhận và trong thư báo đã nhận câu hỏi)."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )

    def clean_ma(self) -> str:
        code = re.sub(r"\s", "", self.cleaned_data["ma"]).upper()
        if not TRACKING_CODE_RE.match(code):
            raise forms.ValidationError(_("Mã theo dõi có dạng HD-YYYYMMDD-XXXXXX."))
        return code


class ModerationForm(forms.Form):
    """The board's handling of one question: a public answer, a progress note, or a refusal."""

    ACTIONS = [
        ("tra-loi", _("Trả lời và công khai")),
        ("tien-do", _("Gửi thông báo tiến độ")),
        ("tu-choi", _("Không trả lời công khai")),
    ]
    action = forms.ChoiceField(label=_("Xử lý"), choices=ACTIONS, widget=forms.RadioSelect)
    answer = forms.CharField(
        label=_("Trả lời (có thể chèn liên kết tới văn bản, thủ tục)"),
        required=False,
        widget=get_rich_text_editor_widget(features=["bold", "italic", "link", "ol", "ul", "document-link"]),
    )
    note = forms.CharField(
        label=_("Thông báo tiến độ hoặc lý do"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    class Media:
        js = ["qa/js/draftail_submit.js"]

    def clean(self):
        cleaned = super().clean()
        action = cleaned.get("action")
        if action == "tra-loi" and not strip_tags(cleaned.get("answer") or "").strip():
            self.add_error("answer", _("Hãy nhập nội dung trả lời."))
        if action in ("tien-do", "tu-choi") and not (cleaned.get("note") or "").strip():
            self.add_error("note", _("Hãy nhập thông báo tiến độ hoặc lý do."))
        return cleaned
