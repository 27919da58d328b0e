"""Admin: start an import run and watch it — every province's in the central admin, its own in a province's.

Both screens show the same public table (`ImportRun`): the central one only on the central host
(`scope = CENTRAL`), the province one only on a province host and only that province's rows
(`scope = PROVINCE`). The section mapping lives in the province's schema.
"""

from django.db import transaction
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_tenants.utils import tenant_context
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from tenants.schemas import CENTRAL, PROVINCE, current_province
from tenants.viewsets import ScopedViewSetMixin

from .forms import CentralImportRunForm, ImportRunForm
from .models import SectionMapping
from .runs.models import ImportRun
from .services import request_run


class StartRunView(generic.CreateView):
    """Creates the run (or finds the unfinished one for this source) and hands it to Celery."""

    def province(self):
        return self.form.cleaned_data.get("province") or current_province()

    def save_instance(self):
        from .tasks import run_portal_import

        data = self.form.cleaned_data
        province = self.province()
        run, _ = request_run(
            province,
            data["source"],
            base_url=data["base_url"],
            old_domain=data["old_domain"],
            delay_seconds=data["delay_seconds"],
            requested_by=self.request.user.get_username(),
        )

        def send():
            with tenant_context(province):  # the task runs in the province's schema
                run_portal_import.delay(run.pk)

        transaction.on_commit(send)
        return run

    def get_success_message(self, instance):
        return _("Đã bắt đầu lượt chuyển dữ liệu #%(pk)s; theo dõi tiến độ trong danh sách.") % {"pk": instance.pk}

    def get_success_url(self):
        return reverse(self.index_url_name)


RUN_COLUMNS = [
    "source",
    StatusTagColumn("status", label=_("Trạng thái"), primary=lambda run: run.status == ImportRun.Status.FINISHED),
    Column("progress", label=_("Tiến độ"), accessor=lambda run: f"{run.processed}/{run.queued}"),
    "imported",
    "updated",
    "unchanged",
    "skipped",
    DateColumn("created_at", label=_("Tạo lúc")),
]
RUN_INSPECT_FIELDS = ["province", "source", "old_domain", "status", "report", "requested_by", "finished_at"]


class RunViewSetMixin:
    model = ImportRun
    copy_view_enabled = False
    icon = "download"
    add_view_class = StartRunView
    edit_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = RUN_INSPECT_FIELDS
    list_filter = ["status"]

    def get_form_class(self, for_update=False):
        return self.form_class


class CentralRunViewSet(RunViewSetMixin, ScopedViewSetMixin, ModelViewSet):
    scope = CENTRAL
    add_to_reference_index = False
    form_class = CentralImportRunForm
    menu_label = _("Chuyển dữ liệu cổng cũ")
    add_to_admin_menu = True
    menu_order = 170
    list_display = [Column("province", label=_("Tỉnh, thành phố")), *RUN_COLUMNS]


class ProvinceRunIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(province=current_province())


class ProvinceRunInspectView(generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(ImportRun, pk=self.pk, province=current_province())


class ProvinceRunViewSet(RunViewSetMixin, ScopedViewSetMixin, ModelViewSet):
    scope = PROVINCE
    add_to_reference_index = False
    form_class = ImportRunForm
    menu_label = _("Các lượt chuyển")
    index_view_class = ProvinceRunIndexView
    inspect_view_class = ProvinceRunInspectView
    list_display = RUN_COLUMNS


class SectionMappingViewSet(ScopedViewSetMixin, ModelViewSet):
    scope = PROVINCE
    copy_view_enabled = False
    model = SectionMapping
    icon = "list-ul"
    menu_label = _("Ánh xạ chuyên mục")
    list_display = ["old_category", "news_category"]
    form_fields = ["old_category", "news_category"]
    search_fields = ["old_category"]


class ProvinceImportGroup(ViewSetGroup):
    menu_label = _("Chuyển dữ liệu cổng cũ")
    menu_icon = "download"
    menu_order = 900
    items = (ProvinceRunViewSet("portal_import_runs"), SectionMappingViewSet("portal_import_sections"))


@hooks.register("register_admin_viewset")
def register_central_import_runs():
    return CentralRunViewSet("portal_import_central")


@hooks.register("register_admin_viewset")
def register_province_import():
    return ProvinceImportGroup()
