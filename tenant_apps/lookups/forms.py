import re

from django import forms
from django.utils.translation import gettext_lazy as _

from tenant_apps.antispam.forms import HoneypotMixin

CARD_RE = re.compile(r"^[A-Z]{2}[0-9][0-9]{2}[0-9]{10}$")  # e.g. GD4010123456789 (2 letters + 13 digits)


class HealthCardLookupForm(HoneypotMixin, forms.Form):
    card_number = forms.CharField(
        label=_("Mã số thẻ BHYT (15 ký tự)"), max_length=15, help_text=_("Ví dụ: GD4010123456789")
    )
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150)
    birth_date = forms.DateField(label=_("Ngày sinh (dd/mm/yyyy)"), input_formats=["%d/%m/%Y"])

    def clean_card_number(self):
        value = self.cleaned_data["card_number"].strip().upper().replace(" ", "")
        if not CARD_RE.match(value):
            raise forms.ValidationError(_("Mã thẻ BHYT gồm 2 chữ cái và 13 chữ số."))
        return value
