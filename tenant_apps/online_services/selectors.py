"""Read queries of online service requests, shared by the public pages, the admin and the tasks."""

from __future__ import annotations

from django.db.models import QuerySet

from .models import ServiceRequest, ServiceRequestEvent, ServiceRequestFile, ServiceRequestPage


def receipt_for(request_pk: int | None, page: ServiceRequestPage) -> ServiceRequest | None:
    """The request this browser just sent on `page` (its pk was kept in the session), if any."""
    if not request_pk:
        return None
    return ServiceRequest.objects.filter(pk=request_pk, page=page).first()


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
