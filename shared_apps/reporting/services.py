"""Preparing, submitting and reviewing reports; answering ad-hoc requests."""

from __future__ import annotations

from datetime import timedelta

from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tenants.utils import tenant_context

from tenants.models import Province
from tenants.urls import absolute_url

from .figures import collect_figures
from .models import (
    ActivityReport,
    AdHocAnswer,
    AdHocReminder,
    AdHocRequest,
    DossierItem,
    DossierItemKind,
    EstablishmentDossier,
    ReportEvent,
    ReportStatus,
)


class ReportError(Exception):
    """An action the report's state does not allow; the message is for the user."""


def _refresh_figures(report: ActivityReport) -> None:
    """Figures of the report's period, from the province's own data as it is now."""
    with tenant_context(report.province):
        report.figures = collect_figures(*report.period)
    report.figures_at = timezone.now()


@transaction.atomic
def prepare_report(province: Province, year: int, quarter: int, by: str = "hệ thống") -> ActivityReport:
    """Create the draft (or refresh the figures of an editable one) from the province's own data."""
    report, created = ActivityReport.objects.select_for_update().get_or_create(
        province=province, year=year, quarter=quarter
    )
    if not report.editable:
        return report
    _refresh_figures(report)
    report.save()
    ReportEvent.objects.create(report=report, action="Tạo bản nháp" if created else "Cập nhật số liệu", by=by)
    return report


@transaction.atomic
def submit_report(
    report: ActivityReport, narrative: str, next_plan: str, by: str, signer: tuple[str, str] = ("", "")
) -> ActivityReport:
    """Send the report with figures counted at the moment it is sent, signed by `signer` (name, title)."""
    report = ActivityReport.objects.select_for_update().get(pk=report.pk)
    if not report.editable:
        raise ReportError("Báo cáo đã gửi hoặc đã được chấp nhận, không thể gửi lại.")
    _refresh_figures(report)
    report.narrative, report.next_plan = narrative, next_plan
    report.status, report.submitted_at, report.submitted_by = ReportStatus.SUBMITTED, timezone.now(), by
    report.signer_name, report.signer_title = signer[0] or by, signer[1]
    report.save()
    ReportEvent.objects.create(report=report, action="Gửi Trung ương", by=by)
    return report


@transaction.atomic
def review_report(report: ActivityReport, accept: bool, comment: str, by: str) -> ActivityReport:
    report = ActivityReport.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.SUBMITTED:
        raise ReportError("Chỉ xem xét được báo cáo đã gửi.")
    if not accept and not comment.strip():
        raise ReportError("Hãy ghi ý kiến khi trả lại báo cáo.")
    report.status = ReportStatus.ACCEPTED if accept else ReportStatus.RETURNED
    report.review_comment = comment
    report.save()
    ReportEvent.objects.create(report=report, action="Chấp nhận" if accept else "Trả lại", by=by, comment=comment)
    return report


@transaction.atomic
def answer_adhoc(request: AdHocRequest, province: Province, answers: list[str], by: str) -> AdHocAnswer:
    answer, _ = AdHocAnswer.objects.select_for_update().get_or_create(request=request, province=province)
    answer.answers, answer.submitted_at, answer.submitted_by = answers, timezone.now(), by
    answer.save()
    return answer


def provinces_asked(request: AdHocRequest):
    chosen = request.provinces.all()
    return chosen if chosen.exists() else Province.objects.exclude(code="")


# --- Establishment dossier (hồ sơ thành lập) ----------------------------------------------

FILE_REQUIRED = {DossierItemKind.BOARD_DECISION, DossierItemKind.RULES, DossierItemKind.DOMAIN}


def dossier_for(province: Province) -> EstablishmentDossier:
    return EstablishmentDossier.objects.get_or_create(province=province)[0]


@transaction.atomic
def save_dossier_item(dossier: EstablishmentDossier, kind: str, details: str, upload=None) -> DossierItem:
    if not dossier.editable:
        raise ReportError("Hồ sơ đã gửi, không sửa được.")
    item, _ = DossierItem.objects.get_or_create(dossier=dossier, kind=kind, defaults={"details": details})
    item.details = details
    if upload is not None:
        item.file = upload
    item.save()
    return item


@transaction.atomic
def submit_dossier(dossier: EstablishmentDossier) -> EstablishmentDossier:
    dossier = EstablishmentDossier.objects.select_for_update().get(pk=dossier.pk)
    if not dossier.editable:
        raise ReportError("Hồ sơ đã gửi Trung ương.")
    items = {item.kind: item for item in dossier.items.all()}
    missing = [
        kind.label for kind in DossierItemKind if kind not in items or (kind in FILE_REQUIRED and not items[kind].file)
    ]
    if missing:
        raise ReportError("Còn thiếu: " + "; ".join(str(label) for label in missing) + ".")
    dossier.status, dossier.submitted_at = ReportStatus.SUBMITTED, timezone.now()
    dossier.save()
    return dossier


@transaction.atomic
def review_dossier(dossier: EstablishmentDossier, accept: bool, comment: str) -> EstablishmentDossier:
    if dossier.status != ReportStatus.SUBMITTED:
        raise ReportError("Chỉ xem xét được hồ sơ đã gửi.")
    if not accept and not comment.strip():
        raise ReportError("Hãy ghi ý kiến khi trả lại hồ sơ.")
    dossier.status = ReportStatus.ACCEPTED if accept else ReportStatus.RETURNED
    dossier.review_comment = comment
    dossier.save()
    return dossier


REMIND_DAYS_BEFORE = 3


def send_adhoc_reminders() -> int:
    """E-mail each province that has not answered a request due within REMIND_DAYS_BEFORE days, at most
    once a day (`AdHocReminder`, written in the transaction that sends it: a failed send leaves no
    record, and the next run tries again). Returns the number of e-mails sent."""
    today = timezone.localdate()
    sent = 0
    due = AdHocRequest.objects.filter(deadline__gte=today, deadline__lte=today + timedelta(days=REMIND_DAYS_BEFORE))
    for request in due:
        answered = set(
            AdHocAnswer.objects.filter(request=request, submitted_at__isnull=False).values_list(
                "province_id", flat=True
            )
        )
        for province in provinces_asked(request):
            if province.pk in answered or not province.email:
                continue
            with transaction.atomic():
                _, created = AdHocReminder.objects.get_or_create(request=request, province=province, sent_on=today)
                if not created:
                    continue
                send_mail(
                    subject=f"Nhắc hạn báo cáo đột xuất: {request.subject}",
                    message=f"Kính gửi {province.office_name},\n\nYêu cầu báo cáo «{request.subject}» có hạn trả "
                    f"lời {request.deadline:%d/%m/%Y}. Vui lòng trả lời trong trang quản trị, mục "
                    f"«Báo cáo về Trung ương»: {absolute_url(province, reverse('answer_adhoc', args=[request.pk]))}",
                    from_email=None,
                    recipient_list=[province.email],
                )
            sent += 1
    return sent
