"""What staff see of a request's personal data: the values with the dedicated permission (each
view logged), masked values without it."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .models import ServiceRequest, ServiceRequestFile

PERSONAL_DATA_PERMISSION = "online_services.view_personal_data"


def can_view_personal_data(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.has_perm(PERSONAL_DATA_PERMISSION))


def mask_phone(phone: str) -> str:
    """'0912345678' -> '09******78'."""
    if len(phone) <= 4:
        return "*" * len(phone)
    return phone[:2] + "*" * (len(phone) - 4) + phone[-2:]


def mask_email(email: str) -> str:
    """'binh.tran@example.vn' -> 'b***@e***.vn'."""
    if "@" not in email:
        return "*" * len(email)
    local, domain = email.split("@", 1)
    host, _dot, tld = domain.rpartition(".")
    return f"{local[:1]}***@{(host or tld)[:1]}***" + (f".{tld}" if host else "")


def mask_id_number(id_number: str) -> str:
    """'001203004567' -> '*********567'."""
    return "*" * max(len(id_number) - 3, 0) + id_number[-3:]


@dataclass
class PersonalDataView:
    """The personal data of one request as one staff member may see it."""

    visible: bool
    phone: str
    email: str
    id_number: str
    answers: list[dict] = field(default_factory=list)
    files: list[ServiceRequestFile] = field(default_factory=list)
    file_count: int = 0

    @property
    def what(self) -> str:
        """The parts shown, for the access log."""
        parts = [_("điện thoại")]
        if self.email:
            parts.append(_("thư điện tử"))
        if self.id_number:
            parts.append(_("CCCD"))
        if self.answers:
            parts.append(_("nội dung khai"))
        if self.files:
            parts.append(_("danh sách tệp"))
        return _("Xem chi tiết: %(parts)s") % {"parts": ", ".join(parts)}


def personal_data_for(user, service_request: ServiceRequest) -> PersonalDataView:
    """The values when `user` has the permission, masked otherwise. Logging is the caller's job."""
    files = list(service_request.files.all())
    if can_view_personal_data(user):
        return PersonalDataView(
            visible=True,
            phone=service_request.phone,
            email=service_request.email,
            id_number=service_request.id_number,
            answers=list(service_request.answers),
            files=files,
            file_count=len(files),
        )
    return PersonalDataView(
        visible=False,
        phone=mask_phone(service_request.phone),
        email=mask_email(service_request.email) if service_request.email else "",
        id_number=mask_id_number(service_request.id_number) if service_request.id_number else "",
        file_count=len(files),
    )
