"""Reporting views: a province prepares and submits (its own admin); the centre compares and reviews."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tenant_apps.editorial.roles import HEAD_OF_BOARD
from tenant_apps.editorial.selectors import signature_of
from tenants.schemas import in_public_schema
from tenants.selectors import provinces_with_domains

from .exports import adhoc_answers_xlsx, comparison_xlsx, report_docx
from .figures import FIGURE_LABELS
from .forms import AdHocAnswerForm, DossierItemForm, NarrativeForm, PeriodForm, ReviewForm
from .models import ActivityReport, AdHocAnswer, AdHocRequest, DossierItem, DossierItemKind, EstablishmentDossier
from .selectors import provinces_side_by_side, totals
from .services import (
    ReportError,
    answer_adhoc,
    dossier_for,
    prepare_report,
    provinces_asked,
    review_dossier,
    review_report,
    save_dossier_item,
    submit_dossier,
    submit_report,
)

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _is_head(user) -> bool:
    return user.is_superuser or user.groups.filter(name=HEAD_OF_BOARD.name).exists()


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- Province admin -----------------------------------------------------------------------


def province_reports(request):
    province = connection.tenant
    form = PeriodForm.current(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not _is_head(request.user):
            raise PermissionDenied
        if form.is_valid():
            report = prepare_report(
                province, form.cleaned_data["year"], form.cleaned_data["quarter"], by=request.user.get_username()
            )
            return redirect("province_report", pk=report.pk)
    today = timezone.localdate()
    requests = [r for r in AdHocRequest.objects.prefetch_related("provinces") if province in provinces_asked(r)]
    answered = set(
        AdHocAnswer.objects.filter(province=province, submitted_at__isnull=False).values_list("request_id", flat=True)
    )
    return TemplateResponse(
        request,
        "reporting/province_reports.html",
        {
            "page_title": _("Báo cáo về Trung ương"),
            "form": form,
            "today": today,
            "reports": ActivityReport.objects.filter(province=province),
            "adhoc": [(r, r.pk in answered) for r in requests],
        },
    )


def province_report(request, pk: int):
    report = get_object_or_404(ActivityReport, pk=pk, province=connection.tenant)
    if request.GET.get("xuat") == "docx":
        return _download(report_docx(report), DOCX, f"bao-cao-{report.year}-{report.quarter}.docx")
    form = NarrativeForm(request.POST or None, initial={"narrative": report.narrative, "next_plan": report.next_plan})
    if request.method == "POST":
        if not _is_head(request.user):
            raise PermissionDenied
        if "cap-nhat" in request.POST:
            prepare_report(report.province, report.year, report.quarter, by=request.user.get_username())
            return redirect("province_report", pk=report.pk)
        if form.is_valid():
            try:
                submit_report(
                    report,
                    form.cleaned_data["narrative"],
                    form.cleaned_data["next_plan"],
                    by=request.user.get_username(),
                    signer=signature_of(request.user),
                )
            except ReportError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("Đã gửi báo cáo về Trung ương."))
            return redirect("province_report", pk=report.pk)
    return TemplateResponse(
        request,
        "reporting/report_detail.html",
        {
            "page_title": str(report),
            "report": report,
            "form": form if report.editable else None,
            "labels": FIGURE_LABELS,
            "central": False,
        },
    )


def answer_adhoc_request(request, pk: int):
    province = connection.tenant
    adhoc = get_object_or_404(AdHocRequest, pk=pk)
    if province not in provinces_asked(adhoc):
        raise PermissionDenied
    existing = AdHocAnswer.objects.filter(request=adhoc, province=province).first()
    form = AdHocAnswerForm(
        request.POST or None, questions=adhoc.question_list(), initial_answers=existing.answers if existing else ()
    )
    if request.method == "POST" and form.is_valid():
        answer_adhoc(adhoc, province, form.answers(), by=request.user.get_username())
        messages.success(request, _("Đã gửi trả lời."))
        return redirect("province_reports")
    return TemplateResponse(
        request, "reporting/adhoc_answer.html", {"page_title": adhoc.subject, "adhoc": adhoc, "form": form}
    )


# --- Central admin ------------------------------------------------------------------------


def central_table(request):
    if not request.user.is_superuser:
        raise PermissionDenied
    form = PeriodForm.current(request.GET if "year" in request.GET else None)
    if not form.is_valid():
        form = PeriodForm.current()
        form.is_valid()
    year, quarter = form.cleaned_data["year"], form.cleaned_data["quarter"]
    sort = request.GET.get("sap-xep", "tinh")
    rows = provinces_side_by_side(year, quarter, sort.lstrip("-"), descending=sort.startswith("-"))
    sums = totals(rows)
    title = f"Tổng hợp báo cáo {'năm ' + str(year) if quarter == 0 else f'quý {quarter}/{year}'}"
    if request.GET.get("xuat") == "xlsx":
        return _download(comparison_xlsx(rows, title, sums), XLSX, f"tong-hop-{year}-{quarter}.xlsx")
    deadline = ActivityReport(year=year, quarter=quarter).deadline
    return TemplateResponse(
        request,
        "reporting/central_table.html",
        {
            "page_title": title,
            "form": form,
            "rows": rows,
            "totals": sums,
            "labels": FIGURE_LABELS,
            "deadline": deadline,
            "overdue": timezone.localdate() > deadline,
            "sort": sort,
            "query": f"year={year}&quarter={quarter}",
        },
    )


def central_report(request, pk: int):
    if not request.user.is_superuser:
        raise PermissionDenied
    report = get_object_or_404(ActivityReport.objects.select_related("province"), pk=pk)
    if request.GET.get("xuat") == "docx":
        return _download(
            report_docx(report), DOCX, f"bao-cao-{report.province.slug}-{report.year}-{report.quarter}.docx"
        )
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            review_report(
                report,
                form.cleaned_data["decision"] == "chap-nhan",
                form.cleaned_data["comment"],
                by=request.user.get_username(),
            )
        except ReportError as error:
            form.add_error("comment", str(error))
        else:
            return redirect("central_report", pk=report.pk)
    return TemplateResponse(
        request,
        "reporting/report_detail.html",
        {
            "page_title": str(report),
            "report": report,
            "review_form": form,
            "labels": FIGURE_LABELS,
            "central": True,
        },
    )


# --- Establishment dossier ----------------------------------------------------------------


def province_dossier(request):
    """The board fills the checklist item by item, then the head submits it to the centre."""
    dossier = dossier_for(connection.tenant)
    items = {item.kind: item for item in dossier.items.all()}
    forms = {
        kind: DossierItemForm(prefix=kind, initial={"details": items[kind].details} if kind in items else None)
        for kind in DossierItemKind
    }
    if request.method == "POST":
        if not _is_head(request.user):
            raise PermissionDenied
        try:
            if "gui" in request.POST:
                submit_dossier(dossier)
                messages.success(request, _("Đã gửi hồ sơ thành lập về Trung ương."))
                return redirect("province_dossier")
            kind = request.POST.get("muc")
            form = DossierItemForm(request.POST, request.FILES, prefix=kind)
            forms[kind] = form
            if kind in DossierItemKind.values and form.is_valid():
                save_dossier_item(dossier, kind, form.cleaned_data["details"], form.cleaned_data["file"])
                return redirect("province_dossier")
        except ReportError as error:
            messages.error(request, str(error))
    return TemplateResponse(
        request,
        "reporting/dossier.html",
        {
            "page_title": _("Hồ sơ thành lập trang"),
            "dossier": dossier,
            "central": False,
            "rows": [(kind, items.get(kind), forms[kind]) for kind in DossierItemKind],
        },
    )


def dossier_file(request, pk: int):
    """A dossier file, for the centre or for the province it belongs to; never public."""
    item = get_object_or_404(DossierItem.objects.select_related("dossier__province"), pk=pk)
    own = connection.schema_name == item.dossier.province.schema_name
    if not item.file or not (request.user.is_superuser if in_public_schema() else own and _is_head(request.user)):
        raise Http404
    response = FileResponse(item.file.open("rb"), as_attachment=True, filename=item.file.name.rsplit("/", 1)[-1])
    response["X-Content-Type-Options"] = "nosniff"
    return response


def central_dossiers(request):
    if not request.user.is_superuser:
        raise PermissionDenied
    dossiers = {d.province_id: d for d in EstablishmentDossier.objects.all()}
    return TemplateResponse(
        request,
        "reporting/central_dossiers.html",
        {
            "page_title": _("Hồ sơ thành lập các tỉnh"),
            "rows": [(province, dossiers.get(province.pk)) for province in provinces_with_domains()],
        },
    )


def central_dossier(request, pk: int):
    if not request.user.is_superuser:
        raise PermissionDenied
    dossier = get_object_or_404(EstablishmentDossier.objects.select_related("province"), pk=pk)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            review_dossier(dossier, form.cleaned_data["decision"] == "chap-nhan", form.cleaned_data["comment"])
        except ReportError as error:
            form.add_error("comment", str(error))
        else:
            return redirect("central_dossiers")
    items = {item.kind: item for item in dossier.items.all()}
    return TemplateResponse(
        request,
        "reporting/dossier.html",
        {
            "page_title": str(dossier),
            "dossier": dossier,
            "central": True,
            "review_form": form,
            "rows": [(kind, items.get(kind), None) for kind in DossierItemKind],
        },
    )


def central_adhoc_answers(request, pk: int):
    """The centre reads every asked province's answers side by side; unanswered ones are marked."""
    if not request.user.is_superuser:
        raise PermissionDenied
    adhoc = get_object_or_404(AdHocRequest, pk=pk)
    answers = {a.province_id: a for a in adhoc.answers.filter(submitted_at__isnull=False)}
    rows = [(province, answers.get(province.pk)) for province in provinces_asked(adhoc)]
    if request.GET.get("xuat") == "xlsx":
        return _download(adhoc_answers_xlsx(adhoc, rows), XLSX, f"bao-cao-dot-xuat-{adhoc.pk}.xlsx")
    return TemplateResponse(
        request,
        "reporting/adhoc_answers.html",
        {
            "page_title": adhoc.subject,
            "adhoc": adhoc,
            "questions": adhoc.question_list(),
            "rows": rows,
        },
    )
