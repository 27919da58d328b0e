"""The document library's filter form: GET parameters that make stable, shareable URLs."""

from urllib.parse import urlencode

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import DocumentField, DocumentStatus, DocumentType
from .selectors import DEFAULT_SORT, SORTS

SORT_LABELS = {
    "moi-nhat": _("Mới ban hành"),
    "cu-nhat": _("Ban hành trước"),
    "so-hieu": _("Số hiệu"),
    "hieu-luc": _("Ngày hiệu lực"),
}


ALL = _("Tất cả")


def _with_blank(choices):
    return [("", ALL), *choices]


class DocumentFilterForm(forms.Form):
    q = forms.CharField(label=_("Từ khóa"), required=False, max_length=200)
    doc_type = forms.ChoiceField(label=_("Loại văn bản"), required=False, choices=_with_blank(DocumentType.choices))
    field = forms.ChoiceField(label=_("Lĩnh vực"), required=False, choices=_with_blank(DocumentField.choices))
    issuer = forms.ChoiceField(label=_("Cơ quan ban hành"), required=False)
    year = forms.TypedChoiceField(label=_("Năm ban hành"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Hiệu lực"), required=False, choices=_with_blank(DocumentStatus.choices))
    sort = forms.ChoiceField(
        label=_("Sắp xếp"), required=False, choices=[(key, SORT_LABELS[key]) for key in SORTS], initial=DEFAULT_SORT
    )

    def __init__(self, *args, issuers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issuer"].choices = _with_blank([(issuer, issuer) for issuer in issuers])
        this_year = timezone.localdate().year
        self.fields["year"].choices = _with_blank([(str(y), str(y)) for y in range(this_year, 1990, -1)])

    def query_string(self) -> str:
        """The active filters, without the page number, for pagination links."""
        if not self.is_bound or not self.is_valid():
            return ""
        return urlencode(
            {key: value for key, value in self.data.items() if key != "trang" and value and key in self.fields}
        )
