import re

from django import forms
from django.utils.translation import gettext_lazy as _

from tenant_apps.antispam.forms import ProtectedForm

PHONE_RE = re.compile(r"^(\+84|0)[0-9 .]{8,13}$")


class ContactForm(ProtectedForm):
    name = forms.CharField(label=_("Họ và tên"), max_length=150)
    email = forms.EmailField(label=_("Thư điện tử"))
    phone = forms.CharField(label=_("Điện thoại"), max_length=20, required=False)
    subject = forms.CharField(label=_("Tiêu đề"), max_length=200)
    message = forms.CharField(label=_("Nội dung"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}))

    field_order = ["name", "email", "phone", "subject", "message", "captcha", "website"]

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE_RE.match(phone):
            raise forms.ValidationError(_("Số điện thoại không hợp lệ (ví dụ: 0912 345 678)."))
        return phone
