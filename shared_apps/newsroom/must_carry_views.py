"""Admin views of targeting, must-carry and acknowledgement (issue 19). Thin: the work is in
services/must_carry.py, the queries in selectors.py. Central views exist on the central host only, for the
central office's superusers; the province's view reads and writes the current province's rows only.
URLs are scoped in must_carry_hooks.py (404 on the other side)."""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from tenants.viewsets import CentralOnlyPolicy

from . import selectors
from .errors import NewsroomError
from .exports import delivery_matrix_xlsx
from .models import Distribution
from .must_carry_forms import DistributionForm
from .pages.models import NationalDocumentPage, NationalNewsPage
from .services import must_carry
from .tasks import queue_fan_out
from .views import DELIVERY_POLICY, can_set_receiving_policy, policy_required

DISTRIBUTION_POLICY = CentralOnlyPolicy(Distribution, {"view", "change"})


# --- Central: whom a national page goes to, must-carry -------------------------------------------------


def _national_page(page_id: int) -> Page:
    page = Page.objects.filter(pk=page_id).specific().first()
    if not isinstance(page, NationalNewsPage | NationalDocumentPage):
        raise Http404
    return page


@policy_required(DISTRIBUTION_POLICY, "view")
def distribution(request, page_id: int):
    page = _national_page(page_id)
    current = must_carry.distribution_of(page.pk)
    form = DistributionForm(request.POST or None, initial=DistributionForm.initial_for(current))
    if request.method == "POST":
        if not DISTRIBUTION_POLICY.user_has_permission(request.user, "change"):
            raise PermissionDenied
        if form.is_valid():
            item_id = must_carry.set_distribution(form.change(page.pk), username=request.user.get_username())
            if item_id is not None:
                transaction.on_commit(partial(queue_fan_out, item_id))
            messages.success(request, _("Đã lưu phân phối của «%(title)s».") % {"title": page.title})
            return redirect("newsroom_distribution", page_id=page.pk)
        messages.error(request, _("Chưa lưu được: hãy sửa các mục được đánh dấu bên dưới."))
    return TemplateResponse(
        request,
        "newsroom/admin/distribution.html",
        {
            "page_title": _("Phân phối, bắt buộc đăng"),
            "page": page,
            "is_document": isinstance(page, NationalDocumentPage),
            "form": form,
            "distribution": current,
        },
        status=400 if form.errors else 200,
    )


@policy_required(DELIVERY_POLICY, "view")
def delivery_matrix_export(request):
    """The matrix's current page of items as an XLSX file."""
    matrix = selectors.delivery_matrix(request.GET.get("p", 1))
    response = HttpResponse(
        delivery_matrix_xlsx(matrix),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    filename = f"phan-phoi-tin-toan-nganh-{timezone.localdate():%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- Province: what it received, what it must carry, acknowledgement ----------------------------------


def received_items(request):
    province = connection.tenant
    deliveries = list(selectors.deliveries_of_province(province))
    carriage = selectors.carriage_of([delivery.item for delivery in deliveries], province)
    today = timezone.localdate()
    rows = []
    for delivery in deliveries:
        order = carriage.distributions.get(delivery.item.central_page_id)
        order = order if order and order.must_carry else None
        rows.append(
            {
                "delivery": delivery,
                "order": order,
                "open": must_carry.window_is_open(order, today),
                "placement": must_carry.placement_label(order, delivery.item.kind) if order else "",
                "receipt": carriage.receipts.get((delivery.item_id, province.pk)),
            }
        )
    return TemplateResponse(
        request,
        "newsroom/admin/received_items.html",
        {"page_title": _("Tin toàn ngành đã nhận"), "rows": rows, "can_acknowledge": can_set_receiving_policy(request)},
    )


@require_POST
def acknowledge(request, item_id: int):
    if not can_set_receiving_policy(request):
        raise PermissionDenied
    try:
        receipt = must_carry.acknowledge(item_id, connection.tenant, username=request.user.get_username())
    except NewsroomError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Đã xác nhận tiếp nhận «%(title)s».") % {"title": receipt.item.title})
    return redirect("newsroom_received")
