"""Operations on online service requests: receive one, move it through its statuses, log who saw
its personal data, and erase that data when the retention period of a closed request is over."""

from __future__ import annotations

import datetime
import logging
import secrets
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tenants.schemas import current_province
from tenants.urls import absolute_url

from .admin_forms import RESERVED_FIELD_NAMES
from .models import (
    ALLOWED_TRANSITIONS,
    CLOSED_STATUSES,
    PersonalDataAccess,
    RequestStatus,
    ServiceRequest,
    ServiceRequestEvent,
    ServiceRequestFile,
    ServiceRequestPage,
)
from .uploads import check_upload

logger = logging.getLogger(__name__)

# Letters and digits that cannot be mistaken for one another when read aloud or typed (no 0/O, 1/I).
TRACKING_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
TRACKING_SUFFIX_LENGTH = 6


class InvalidTransition(Exception):
    """The requested status does not follow from the current one (e.g. a closed request)."""


def new_tracking_code(day: datetime.date | None = None) -> str:
    """'DV-YYYYMMDD-XXXXXX' with a random suffix; uniqueness is enforced by the database."""
    day = day or timezone.localdate()
    suffix = "".join(secrets.choice(TRACKING_ALPHABET) for _position in range(TRACKING_SUFFIX_LENGTH))
    return f"DV-{day:%Y%m%d}-{suffix}"


def _display_value(value) -> str:
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%d/%m/%Y %H:%M") if timezone.is_aware(value) else f"{value}"
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return "" if value is None else str(value)


@transaction.atomic
def submit_service_request(page: ServiceRequestPage, data: dict) -> ServiceRequest:
    """Store a citizen's request from the cleaned form `data`: the record, its files, its first event.

    Files are checked again here (type by content, size) so that no caller can store an unchecked
    file; on any failure the files already written are removed with the rolled-back rows.
    """
    labels = {field.clean_name: field.label for field in page.get_form_fields()}
    answers, uploads = [], []
    for name, value in data.items():
        if name in RESERVED_FIELD_NAMES:
            continue
        if isinstance(value, UploadedFile):
            uploads.append((name, value))
        elif name in labels:
            answers.append({"name": name, "label": labels[name], "value": _display_value(value)})
    service_request = _create_with_unique_code(
        page=page,
        request_type=page.title,
        full_name=data["full_name"],
        phone=data["phone"],
        email=data.get("email") or "",
        id_number=data.get("id_number") or "",
        answers=answers,
    )
    stored: list[ServiceRequestFile] = []
    try:
        for name, upload in uploads:
            checked = check_upload(upload)
            stored_file = ServiceRequestFile(
                request=service_request,
                field_name=name,
                label=labels.get(name, name),
                original_name=upload.name[:255],
                content_type=checked.content_type,
                size=checked.size,
            )
            stored_file.file.save(f"tep{checked.extension}", upload, save=False)
            stored.append(stored_file)
            stored_file.save()
        ServiceRequestEvent.objects.create(
            request=service_request,
            from_status="",
            to_status=RequestStatus.RECEIVED,
            note=_("Hệ thống đã tiếp nhận yêu cầu trực tuyến."),
        )
    except BaseException:
        for stored_file in stored:
            stored_file.file.delete(save=False)
        raise
    transaction.on_commit(lambda: _send_on_commit(_receipt_message(service_request), service_request.email))
    return service_request


def _create_with_unique_code(**fields) -> ServiceRequest:
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return ServiceRequest.objects.create(tracking_code=new_tracking_code(), **fields)
        except IntegrityError:
            continue
    raise IntegrityError("Could not find a free tracking code.")


@transaction.atomic
def change_status(service_request: ServiceRequest, to_status: str, note: str, actor) -> ServiceRequestEvent:
    """Move the request to `to_status`, log the event and e-mail the citizen (if they gave an address)."""
    locked = ServiceRequest.objects.select_for_update().get(pk=service_request.pk)
    if to_status not in ALLOWED_TRANSITIONS[locked.status]:
        raise InvalidTransition(
            _("Không thể chuyển hồ sơ từ «%(from)s» sang «%(to)s».")
            % {"from": locked.get_status_display(), "to": RequestStatus(to_status).label}
        )
    event = ServiceRequestEvent.objects.create(
        request=locked,
        from_status=locked.status,
        to_status=to_status,
        note=note.strip(),
        actor=actor,
        actor_name=actor.get_username() if actor else "",
    )
    locked.status = to_status
    locked.closed_at = timezone.now() if to_status in CLOSED_STATUSES else None
    locked.save(update_fields=["status", "closed_at", "updated_at"])
    service_request.status, service_request.closed_at = locked.status, locked.closed_at
    if locked.email:
        transaction.on_commit(lambda: _send_on_commit(_status_message(locked, event), locked.email))
    return event


def receipt_url(service_request: ServiceRequest) -> str:
    """The absolute address of the request's receipt, which shows its status and steps (and only its)."""
    return absolute_url(None, reverse("online_services_receipt", kwargs={"token": service_request.receipt_token}))


def _receipt_message(service_request: ServiceRequest) -> tuple[str, str]:
    subject = _("[%(code)s] Đã tiếp nhận yêu cầu «%(type)s»") % {
        "code": service_request.tracking_code,
        "type": service_request.request_type,
    }
    body = _(
        "Kính gửi ông/bà,\n\n%(office)s đã tiếp nhận yêu cầu «%(type)s» của ông/bà.\n"
        "Mã hồ sơ: %(code)s\n\nBiên nhận và tình trạng giải quyết của hồ sơ này:\n%(url)s\n\n"
        "Đây là thư tự động, vui lòng không trả lời thư này."
    ) % {
        "office": current_province().office_name,
        "type": service_request.request_type,
        "code": service_request.tracking_code,
        "url": receipt_url(service_request),
    }
    return subject, body


def _status_message(service_request: ServiceRequest, event: ServiceRequestEvent) -> tuple[str, str]:
    status = RequestStatus(event.to_status).label
    subject = _("[%(code)s] Hồ sơ của bạn: %(status)s") % {"code": service_request.tracking_code, "status": status}
    note = _("\nGhi chú của cơ quan BHXH: %(note)s\n") % {"note": event.note} if event.note else ""
    body = _(
        "Kính gửi ông/bà,\n\nYêu cầu «%(type)s», mã hồ sơ %(code)s, đã chuyển sang trạng thái: %(status)s.\n"
        "%(note)s\nXem tình trạng và các bước giải quyết của hồ sơ này tại:\n%(url)s\n\n%(office)s\n"
        "Đây là thư tự động, vui lòng không trả lời thư này."
    ) % {
        "type": service_request.request_type,
        "code": service_request.tracking_code,
        "status": status,
        "note": note,
        "url": receipt_url(service_request),
        "office": current_province().office_name,
    }
    return subject, body


def _send_on_commit(message: tuple[str, str], recipient: str) -> None:
    if not recipient:
        return
    subject, body = message
    try:
        send_mail(subject=subject, message=body, from_email=None, recipient_list=[recipient])
    except OSError:  # the request is saved; a mail outage must not turn it into an error page
        logger.exception("Could not e-mail the citizen about an online service request.")


def record_personal_data_access(user, service_request: ServiceRequest, what: str) -> PersonalDataAccess:
    """Log that `user` saw `what` of the request's personal data (Nghị định 13/2023)."""
    return PersonalDataAccess.objects.create(
        user=user,
        username=user.get_username(),
        request=service_request,
        tracking_code=service_request.tracking_code,
        what=what[:255],
    )


def retention_cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    return (now or timezone.now()) - relativedelta(months=settings.ONLINE_SERVICES_RETENTION_MONTHS)


def erase_expired_personal_data(now: datetime.datetime | None = None) -> int:
    """Erase name, contacts, CCCD, answers and files of requests closed before the retention cutoff.

    The request keeps its code, type, status and history (no personal data) for the statistics.
    Idempotent; returns how many requests were erased in this run.
    """
    now = now or timezone.now()
    expired = ServiceRequest.objects.filter(
        status__in=CLOSED_STATUSES, closed_at__lt=retention_cutoff(now), personal_data_erased_at__isnull=True
    )
    erased = 0
    for pk in list(expired.values_list("pk", flat=True)):
        with transaction.atomic():
            service_request = ServiceRequest.objects.select_for_update().get(pk=pk)
            files = list(service_request.files.all())
            for stored_file in files:
                stored_file.delete()
            service_request.full_name = service_request.phone = service_request.email = ""
            service_request.id_number = ""
            service_request.answers = []
            service_request.personal_data_erased_at = now
            service_request.save()
            names = [stored_file.file.name for stored_file in files]
            transaction.on_commit(lambda names=names: _delete_stored_files(names))
        erased += 1
    return erased


def _delete_stored_files(names: list[str]) -> None:
    """Remove the files from disk once the rows pointing at them are gone for good."""
    storage = ServiceRequestFile._meta.get_field("file").storage
    for name in names:
        try:
            storage.delete(name)
        except OSError:
            logger.exception("Could not delete a private upload that the retention period expired.")
