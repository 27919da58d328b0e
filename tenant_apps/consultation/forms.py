from django import forms
from django.utils.translation import gettext_lazy as _

from tenant_apps.antispam.forms import ProtectedForm


class DraftCommentForm(ProtectedForm):
    name = forms.CharField(label=_("Họ và tên"), max_length=150)
    email = forms.EmailField(label=_("Thư điện tử (không công khai)"))
    body = forms.CharField(label=_("Ý kiến góp ý"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}))

    field_order = ["name", "email", "body", "captcha", "website"]
