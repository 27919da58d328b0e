"""Spam protection that works offline, shared by every public form of a province site:
a honeypot field, an image captcha (django-simple-captcha) and a per-IP rate limit."""

from captcha.fields import CaptchaField, CaptchaTextInput
from django import forms
from django.utils.translation import gettext_lazy as _


class HoneypotMixin(forms.Form):
    """A field people never see (hidden by CSS, aria-hidden) and naive bots fill in."""

    website = forms.CharField(label=_("Để trống ô này"), required=False)

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Không gửi được thư này."))
        return ""


class ProtectedForm(HoneypotMixin, forms.Form):
    """Honeypot plus captcha; the view adds the rate limit (see ratelimit.py)."""

    captcha = CaptchaField(
        label=_("Mã xác nhận"),
        help_text=_("Gõ các ký tự trong ảnh. Không đọc được? Bấm «Đổi mã khác» hoặc gọi tổng đài 1900 9068."),
        widget=CaptchaTextInput(attrs={"autocomplete": "off", "inputmode": "text"}),
        error_messages={"invalid": _("Mã xác nhận không đúng, vui lòng nhập lại.")},
    )
