"""Scorecard views: the centre compares every province; a board reads and re-runs its own."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from tenant_apps.editorial.roles import DEPUTY_HEAD, EDITOR, HEAD_OF_BOARD, TECHNICAL_ADMIN
from tenants.models import Province
from tenants.schemas import current_province
from tenants.selectors import active_provinces_with_primary_domain

from .exports import scorecard_xlsx
from .measures import METRIC_LABELS
from .selectors import latest_run, monthly_scores, open_run, provinces_side_by_side, results_to_fix_first
from .services import request_run

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
BOARD_ROLES = {role.name for role in (HEAD_OF_BOARD, DEPUTY_HEAD, EDITOR, TECHNICAL_ADMIN)}


def is_board(user) -> bool:
    return user.is_superuser or user.groups.filter(name__in=BOARD_ROLES).exists()


def _detail(request, province: Province, central: bool) -> TemplateResponse:
    run = latest_run(province)
    months, scores = monthly_scores(province=province)
    to_fix = results_to_fix_first(run) if run else []
    return TemplateResponse(
        request,
        "compliance/detail.html",
        {
            "page_title": _("Đánh giá tuân thủ: %(province)s") % {"province": province},
            "province": province,
            "run": run,
            "open_run": open_run(province),
            "to_fix": to_fix,
            "passed": [result for result in run.results.all() if result.passed] if run else [],
            "metrics": [(label, run.metrics.get(key)) for key, label in METRIC_LABELS.items()] if run else [],
            "history": [(month, scores.get(province.pk, {}).get(month)) for month in months],
            "central": central,
        },
    )


def _queue(request, province: Province) -> None:
    request_run(province, by=request.user.get_username())
    message = _("Đã gửi yêu cầu đánh giá %(province)s; kết quả có sau ít phút.") % {"province": province}
    messages.success(request, message)


# --- Province admin -----------------------------------------------------------------------


def province_scorecard(request):
    if not is_board(request.user):
        raise PermissionDenied
    province = current_province()
    if request.method == "POST":
        _queue(request, province)
        return redirect("province_compliance")
    return _detail(request, province, central=False)


# --- Central admin ------------------------------------------------------------------------


def central_scorecard(request):
    if not request.user.is_superuser:
        raise PermissionDenied
    if request.method == "POST":
        provinces = list(active_provinces_with_primary_domain())
        for province in provinces:
            request_run(province, by=request.user.get_username())
        messages.success(request, _("Đã gửi yêu cầu đánh giá %(count)s tỉnh, thành phố.") % {"count": len(provinces)})
        return redirect("central_compliance")
    sort = request.GET.get("sap-xep", "tinh")
    rows = provinces_side_by_side(sort.lstrip("-"), descending=sort.startswith("-"))
    if request.GET.get("xuat") == "xlsx":
        response = HttpResponse(scorecard_xlsx(rows), content_type=XLSX)
        response["Content-Disposition"] = 'attachment; filename="danh-gia-tuan-thu.xlsx"'
        return response
    months, scores = monthly_scores()
    return TemplateResponse(
        request,
        "compliance/central_scorecard.html",
        {
            "page_title": _("Đánh giá tuân thủ các tỉnh"),
            "rows": rows,
            "sort": sort,
            "metrics": METRIC_LABELS,
            "months": months,
            "history": [
                (row.province, [scores.get(row.province.pk, {}).get(month) for month in months]) for row in rows
            ],
        },
    )


def central_province(request, pk: int):
    if not request.user.is_superuser:
        raise PermissionDenied
    province = get_object_or_404(Province.objects.exclude(code=""), pk=pk)
    if request.method == "POST":
        _queue(request, province)
        return redirect("central_compliance_province", pk=province.pk)
    return _detail(request, province, central=True)
