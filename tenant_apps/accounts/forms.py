from django import forms
from django.utils.translation import gettext_lazy as _

WRONG_CODE = _("Mã xác thực không đúng hoặc đã hết hạn. Nếu đã nhập sai nhiều lần, hãy đợi vài giây rồi thử lại.")


class SecondFactorCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Mã xác thực"),
        max_length=20,
        error_messages={"required": _("Vui lòng nhập mã xác thực.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}),
    )

    def refuse(self) -> None:
        self.add_error("code", WRONG_CODE)
