"""The editors' form for a request type (kept apart from forms.py, which imports the models)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm

from tenant_apps.antispam.forms import CHALLENGE_KIND_FIELD

FIXED_FIELDS = ("full_name", "phone", "email", "id_number")
# Names the editors' fields may not take: they would shadow the fixed and protection fields.
RESERVED_FIELD_NAMES = frozenset({*FIXED_FIELDS, "consent", "captcha", CHALLENGE_KIND_FIELD, "website"})


class ServiceRequestPageAdminForm(WagtailAdminFormPageForm):
    """A field label may not turn into the name of a field every request already has."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("form_fields")
        for form in formset.forms if formset else []:
            if form.cleaned_data.get("DELETE") or not form.cleaned_data.get("label"):
                continue
            if (form.instance.clean_name or form.instance.get_field_clean_name()) in RESERVED_FIELD_NAMES:
                form.add_error(
                    "label",
                    _("Tên trường này trùng với trường cố định của mọi yêu cầu (họ tên, điện thoại, …); hãy đổi."),
                )
        return cleaned_data
