"""The online services app's steps for the kernel's hook points (tenants/steps.py): the citizens'
requests that a merge moves into the receiving province, with their files, history and access log.

A request keeps its tracking code and receipt address, so a citizen's lookup and receipt link work
on the receiving site (the absorbed domain answers 301 to the same path there). A code the receiving
province already gave to another request (the codes are random, so this is rare) is replaced, and
the request's history tells the citizen the new one: two requests never share a code.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks

from tenant_apps.pages.merging import redirect_old_path, site_path
from tenants.steps import MERGE_PROVINCES, ProvinceMerge

from .models import PersonalDataAccess, ServiceRequest, ServiceRequestEvent, ServiceRequestFile, ServiceRequestPage
from .services import new_tracking_code

REQUEST_FIELDS = (
    "request_type",
    "tracking_code",
    "receipt_token",
    "status",
    "full_name",
    "phone",
    "email",
    "id_number",
    "answers",
    "closed_at",
    "personal_data_erased_at",
)
FILE_FIELDS = ("key", "field_name", "label", "original_name", "content_type", "size")
EVENT_FIELDS = ("from_status", "to_status", "note", "actor_name")
ACCESS_FIELDS = ("username", "tracking_code", "what")


def _values(row, names) -> dict:
    return {name: getattr(row, name) for name in names}


@hooks.register(MERGE_PROVINCES, order=210)
def move_service_requests(merge: ProvinceMerge) -> None:
    """After the board's accounts (order 200), which the history's actors point at. A request type is
    matched with the receiving province's of the same slug, else title; without one the request keeps
    its type's name only (as when a type is deleted)."""
    with merge.in_source():
        request_pages = [(page.pk, page.slug, page.title, site_path(page)) for page in ServiceRequestPage.objects.all()]
        requests = [
            (
                request,
                list(request.files.all()),
                list(request.events.all()),
                list(request.personal_data_accesses.all()),
            )
            for request in ServiceRequest.objects.prefetch_related("files", "events", "personal_data_accesses")
        ]
    pages = {}
    for pk, slug, title, old_path in request_pages:
        same = ServiceRequestPage.objects
        page = same.filter(slug=slug).first() or same.filter(title=title).first()
        pages[pk] = page
        if page:
            merge.remember("page", pk, page.pk)
            redirect_old_path(old_path, page=page)
    moved = renamed = 0
    for request, files, events, accesses in requests:
        if merge.moved("online_services.request", request.pk):
            continue
        copy = ServiceRequest(page=pages.get(request.page_id), **_values(request, REQUEST_FIELDS))
        if ServiceRequest.objects.filter(tracking_code=copy.tracking_code).exists():
            copy.tracking_code = _free_code(request)
        copy.save()
        # auto_now_add / auto_now: the dates the citizen saw
        ServiceRequest.objects.filter(pk=copy.pk).update(created_at=request.created_at, updated_at=request.updated_at)
        for stored in files:
            copy_file = ServiceRequestFile(request=copy, **_values(stored, FILE_FIELDS))
            copy_file.file.name = merge.file_name(stored.file.name)
            copy_file.save()
            ServiceRequestFile.objects.filter(pk=copy_file.pk).update(uploaded_at=stored.uploaded_at)
        for event in events:
            actor = merge.moved("user", event.actor_id) if event.actor_id else None
            row = ServiceRequestEvent.objects.create(request=copy, actor_id=actor, **_values(event, EVENT_FIELDS))
            ServiceRequestEvent.objects.filter(pk=row.pk).update(created_at=event.created_at)
        for access in accesses:
            user = merge.moved("user", access.user_id) if access.user_id else None
            row = PersonalDataAccess.objects.create(request=copy, user_id=user, **_values(access, ACCESS_FIELDS))
            PersonalDataAccess.objects.filter(pk=row.pk).update(accessed_at=access.accessed_at)
        if copy.tracking_code != request.tracking_code:
            renamed += 1
            ServiceRequestEvent.objects.create(
                request=copy,
                from_status=copy.status,
                to_status=copy.status,
                note=_("Khi sáp nhập vào %(target)s, mã hồ sơ %(old)s được đổi thành %(new)s.")
                % {"target": merge.target, "old": request.tracking_code, "new": copy.tracking_code},
            )
        merge.remember("online_services.request", request.pk, copy.pk)
        moved += 1
    merge.report(f"Yêu cầu dịch vụ công: {moved} yêu cầu → {merge.target} ({renamed} đổi mã vì trùng)")


def _free_code(request: ServiceRequest) -> str:
    """A code of the request's day that no request of the receiving province has."""
    while True:
        code = new_tracking_code(timezone.localdate(request.created_at))
        if not ServiceRequest.objects.filter(tracking_code=code).exists():
            return code
