"""The admin form that starts an import run (central: any province; a province: its own)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from tenants.models import Province

from .runs.models import ImportRun

FIELDS = ["source", "base_url", "old_domain", "delay_seconds"]


class ImportRunForm(WagtailAdminModelForm):
    class Meta:
        model = ImportRun
        fields = FIELDS

    def clean_delay_seconds(self):
        delay = self.cleaned_data["delay_seconds"]
        if delay < 0:
            raise forms.ValidationError(_("Giãn cách không được âm."))
        return delay


class CentralImportRunForm(ImportRunForm):
    province = forms.ModelChoiceField(label=_("Tỉnh, thành phố"), queryset=Province.objects.exclude(code=""))

    class Meta(ImportRunForm.Meta):
        fields = ["province", *FIELDS]
