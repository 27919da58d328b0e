from django.db import connection
from wagtail.admin.forms import WagtailAdminModelForm

from tenants.schemas import in_public_schema
from tenants.selectors import provinces_with_domains

from .models import MaintenanceWindow


class MaintenanceWindowForm(WagtailAdminModelForm):
    """Centrally any scope; in a province the window is always that province's own (no scope field)."""

    class Meta:
        model = MaintenanceWindow
        fields = ["province", "starts_at", "ends_at", "reason", "notice_working_days"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if in_public_schema():
            self.fields["province"].queryset = provinces_with_domains()
        else:
            del self.fields["province"]
            self.instance.province_id = connection.tenant.pk

    def save(self, commit=True):
        if self.instance._state.adding and self.for_user is not None:
            self.instance.created_by = self.for_user.get_username()
        return super().save(commit)
