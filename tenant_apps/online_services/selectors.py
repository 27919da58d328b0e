"""Read queries of online service requests, shared by the public pages, the admin and the tasks."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet

from .models import RequestStatus, ServiceRequest, ServiceRequestEvent, ServiceRequestFile


def request_by_receipt_token(token: str) -> ServiceRequest | None:
    """The request whose receipt has this key, in the current province's schema only."""
    return ServiceRequest.objects.select_related("page").filter(receipt_token=token).first()


@dataclass(frozen=True)
class Step:
    """One step of a request's path, as the citizen sees it: reached when, or not yet."""

    label: str
    reached_at: datetime.datetime | None
    current: bool
    skipped: bool = False  # a later step was reached without this one


def steps_of(service_request: ServiceRequest, history) -> list[Step]:
    """Every step from receipt to the end: received, processing, then done or rejected (whichever
    happened, else "done" as the step still ahead); a step skipped over shows no date."""
    reached = {event.to_status: event.created_at for event in history}
    last = RequestStatus.REJECTED if service_request.status == RequestStatus.REJECTED else RequestStatus.DONE
    path = (RequestStatus.RECEIVED, RequestStatus.PROCESSING, last)
    return [
        Step(
            status.label,
            reached.get(status),
            current=status == service_request.status,
            skipped=status not in reached and any(later in reached for later in path[index + 1 :]),
        )
        for index, status in enumerate(path)
    ]


def find_request_for_lookup(tracking_code: str, phone: str) -> ServiceRequest | None:
    """The request with this code AND this phone, in the current province's schema only.

    Both must match in one query, so a wrong phone and an unknown code look the same to the caller.
    Requests whose personal data was erased can no longer be looked up (the phone is gone).
    """
    if not tracking_code or not phone:
        return None
    return (
        ServiceRequest.objects.filter(tracking_code=tracking_code, phone=phone, personal_data_erased_at__isnull=True)
        .only("pk", "tracking_code", "request_type", "status", "created_at", "closed_at")
        .first()
    )


def public_history(service_request: ServiceRequest) -> QuerySet[ServiceRequestEvent]:
    """The status changes a citizen may see: when, from → to and the note to them (never who)."""
    return service_request.events.only("from_status", "to_status", "note", "created_at", "request_id")


def staff_history(service_request: ServiceRequest) -> QuerySet[ServiceRequestEvent]:
    return service_request.events.select_related("actor")


def private_file_by_key(key) -> ServiceRequestFile | None:
    """A stored upload of the current province by its download key."""
    return ServiceRequestFile.objects.select_related("request").filter(key=key).first()
