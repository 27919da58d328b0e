import re

from django import forms
from django.utils.translation import gettext_lazy as _

PHONE_RE = re.compile(r"^(\+84|0)[0-9 .]{8,13}$")


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Họ và tên"), max_length=150)
    email = forms.EmailField(label=_("Thư điện tử"))
    phone = forms.CharField(label=_("Điện thoại"), max_length=20, required=False)
    subject = forms.CharField(label=_("Tiêu đề"), max_length=200)
    message = forms.CharField(label=_("Nội dung"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}))
    # Honeypot: hidden from people (CSS and aria-hidden), filled in by naive bots.
    website = forms.CharField(label=_("Để trống ô này"), required=False)

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE_RE.match(phone):
            raise forms.ValidationError(_("Số điện thoại không hợp lệ (ví dụ: 0912 345 678)."))
        return phone

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Không gửi được thư này."))
        return ""
