"""Views of the tenants app: per-schema media serving and the province's theme choice."""

from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.static import serve

from .models import Province
from .schemas import in_public_schema
from .themes import available_themes


def tenant_media(request, schema: str, path: str):
    """Serve /media/<schema>/<path> only when <schema> is the schema of the requested host.

    In production nginx serves /media/ from the same per-schema folders (deploy/README.md);
    this view is what `make run` and the tests use, with the same rule.
    """
    schema_root = Path(settings.MEDIA_ROOT) / connection.schema_name
    if schema != connection.schema_name or not schema_root.is_dir():
        raise Http404
    return serve(request, path, document_root=str(schema_root))


class ThemeForm(forms.Form):
    theme = forms.ChoiceField(label=_("Giao diện"), widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = list(available_themes().items())


def choose_theme(request):
    """Province admin: the board's technical administrator switches the site's theme."""
    province = connection.tenant
    if in_public_schema() or not request.user.has_perm("wagtailcore.change_site"):
        raise PermissionDenied
    form = ThemeForm(request.POST or None, initial={"theme": province.theme})
    if request.method == "POST" and form.is_valid():
        Province.objects.filter(pk=province.pk).update(theme=form.cleaned_data["theme"])
        messages.success(request, _("Đã đổi giao diện của trang."))
        return redirect("choose_theme")
    return TemplateResponse(request, "tenants/choose_theme.html", {"form": form, "page_title": _("Giao diện trang")})
