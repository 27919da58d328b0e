"""Admin views of the newsroom. Thin: the work is in services/, the queries in selectors.py.

Central views (the delivery matrix, the nomination inbox) exist only on the central host and only
for the central office's superusers; province views exist only on province hosts and only ever touch
the current province's rows. Their URLs are scoped to their side in wagtail_hooks.py (404 on the
other), because the newsroom's tables are visible through every province's search path.
"""

from __future__ import annotations

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.models import Site

from tenant_apps.news.models import NewsPage
from tenants.viewsets import CentralOnlyPolicy

from . import selectors
from .errors import NewsroomError
from .forms import AcceptForm, DeclineForm, NominationForm, PolicyForm
from .models import Delivery, Nomination
from .services import exchange, fanout
from .services.delivery import receiving_mode, set_receiving_mode
from .tasks import send_deliveries

NOMINATIONS_PER_PAGE = 30

# Deliveries can be read and retried, nominations read and decided: by the central office only.
DELIVERY_POLICY = CentralOnlyPolicy(Delivery, {"view", "change"})
NOMINATION_POLICY = CentralOnlyPolicy(Nomination, {"view", "change"})


def policy_required(policy: CentralOnlyPolicy, action: str):
    """A view refused (403) to whom `policy` does not allow `action`."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not policy.user_has_permission(request.user, action):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


# --- Central: delivery matrix -------------------------------------------------------------------


@policy_required(DELIVERY_POLICY, "view")
def delivery_matrix(request):
    matrix = selectors.delivery_matrix(request.GET.get("p", 1))
    return TemplateResponse(
        request,
        "newsroom/admin/delivery_matrix.html",
        {
            "page_title": _("Phân phối tin toàn ngành"),
            "matrix": matrix,
            "stuck_count": selectors.stuck_delivery_count(),
            "grace_hours": settings.NEWSROOM_MUST_CARRY_GRACE_HOURS,
        },
    )


def _posted_id(request, name: str) -> int | None:
    value = request.POST.get(name, "")
    return int(value) if value.isdigit() else None


@require_POST
@policy_required(DELIVERY_POLICY, "change")
def retry_deliveries(request):
    """ "Gửi lại": failed and overdue deliveries, all of them, one item's (`item`) or one cell's (and `province`)."""
    deliveries = fanout.retry_deliveries(_posted_id(request, "item"), _posted_id(request, "province"))
    pairs = [(delivery.province, delivery.item_id) for delivery in deliveries]
    transaction.on_commit(lambda: send_deliveries(pairs))
    if pairs:
        messages.success(request, _("Đã gửi lại %(count)d lượt phân phối.") % {"count": len(pairs)})
    else:
        messages.info(request, _("Không có lượt phân phối lỗi hoặc quá hạn nào."))
    return redirect("newsroom_matrix")


# --- Central: nomination inbox ------------------------------------------------------------------


@policy_required(NOMINATION_POLICY, "view")
def nomination_inbox(request):
    status = request.GET.get("trang-thai") or ""
    if status not in Nomination.Status.values:
        status = ""
    nominations = Paginator(selectors.nomination_inbox(status or None), NOMINATIONS_PER_PAGE).get_page(
        request.GET.get("p", 1)
    )
    return TemplateResponse(
        request,
        "newsroom/admin/nomination_inbox.html",
        {
            "page_title": _("Tin đề xuất từ các địa phương"),
            "nominations": nominations,
            "status": status,
            "statuses": Nomination.Status.choices,
        },
    )


def _nomination_page(request, nomination, accept_form=None, decline_form=None, status=200):
    return TemplateResponse(
        request,
        "newsroom/admin/nomination_detail.html",
        {
            "page_title": nomination.title,
            "nomination": nomination,
            "accept_form": accept_form or AcceptForm(initial={"publish": True}),
            "decline_form": decline_form or DeclineForm(),
        },
        status=status,
    )


@policy_required(NOMINATION_POLICY, "view")
def nomination_detail(request, pk: int):
    return _nomination_page(request, get_object_or_404(Nomination.objects.select_related("province"), pk=pk))


@require_POST
@policy_required(NOMINATION_POLICY, "change")
def accept_nomination(request, pk: int):
    nomination = get_object_or_404(Nomination, pk=pk)
    form = AcceptForm(request.POST)
    if not form.is_valid():
        return _nomination_page(request, nomination, accept_form=form)
    try:
        page = exchange.accept_nomination(nomination.pk, user=request.user, publish=form.cleaned_data["publish"])
    except NewsroomError as error:
        messages.error(request, str(error))
        return redirect("newsroom_nomination", pk=nomination.pk)
    if page.live:
        messages.success(request, _("Đã nhận đăng «%(title)s» và gửi tới các tỉnh.") % {"title": page.title})
    else:
        messages.success(request, _("Đã nhận «%(title)s» thành bản nháp tin toàn ngành.") % {"title": page.title})
    return redirect("wagtailadmin_pages:edit", page.pk)


@require_POST
@policy_required(NOMINATION_POLICY, "change")
def decline_nomination(request, pk: int):
    nomination = get_object_or_404(Nomination.objects.select_related("province"), pk=pk)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        return _nomination_page(request, nomination, decline_form=form)
    try:
        exchange.decline_nomination(
            nomination.pk, reason=form.cleaned_data["reason"], username=request.user.get_username()
        )
    except NewsroomError as error:
        messages.error(request, str(error))
        return redirect("newsroom_nomination", pk=nomination.pk)
    messages.success(request, _("Đã từ chối đề xuất «%(title)s».") % {"title": nomination.title})
    return redirect("newsroom_inbox")


# --- Province: nominations ----------------------------------------------------------------------


def nominable_articles():
    """The province's own published articles (not copies of national items), newest first."""
    return NewsPage.objects.live().filter(syndication_key__isnull=True).order_by("-first_published_at", "-pk")


def province_nominations(request):
    nominations = Paginator(selectors.nominations_of_province(connection.tenant), NOMINATIONS_PER_PAGE).get_page(
        request.GET.get("p", 1)
    )
    return TemplateResponse(
        request,
        "newsroom/admin/province_nominations.html",
        {"page_title": _("Tin gửi Trung ương"), "nominations": nominations},
    )


def nominate(request):
    articles = nominable_articles()
    form = NominationForm(request.POST or None, articles=articles, initial={"article": request.GET.get("bai")})
    if request.method == "POST" and form.is_valid():
        article = form.cleaned_data["article"]
        if not article.permissions_for_user(request.user).can_edit():
            form.add_error("article", _("Bạn không có quyền đề xuất bài viết này."))
        else:
            try:
                exchange.nominate_article(article, note=form.cleaned_data["note"], username=request.user.get_username())
            except NewsroomError as error:
                form.add_error(error.field if error.field in form.fields else None, str(error))
            else:
                messages.success(request, _("Đã gửi «%(title)s» về Trung ương.") % {"title": article.title})
                return redirect("newsroom_province_nominations")
    return TemplateResponse(
        request,
        "newsroom/admin/nominate.html",
        {"page_title": _("Gửi tin về Trung ương"), "form": form},
    )


def province_nomination_detail(request, pk: int):
    nomination = get_object_or_404(Nomination, pk=pk, province=connection.tenant)
    return TemplateResponse(
        request,
        "newsroom/admin/province_nomination_detail.html",
        {"page_title": nomination.title, "nomination": nomination},
    )


# --- Province: how national items are received ---------------------------------------------------


def can_set_receiving_policy(request) -> bool:
    """The board's heads (who may publish from the site's root) and the province's superusers."""
    if request.user.is_superuser:
        return True
    site = Site.find_for_request(request)
    return bool(site) and site.root_page.permissions_for_user(request.user).can_publish()


def receiving_policy(request):
    if not can_set_receiving_policy(request):
        raise PermissionDenied
    province = connection.tenant
    form = PolicyForm(request.POST or None, initial={"mode": receiving_mode(province)})
    if request.method == "POST" and form.is_valid():
        set_receiving_mode(province, form.cleaned_data["mode"], username=request.user.get_username())
        messages.success(request, _("Đã lưu cách nhận tin toàn ngành."))
        return redirect("newsroom_policy")
    return TemplateResponse(
        request,
        "newsroom/admin/receiving_policy.html",
        {
            "page_title": _("Nhận tin toàn ngành"),
            "form": form,
            "deliveries": selectors.deliveries_of_province(province),
        },
    )
