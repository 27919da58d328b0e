"""Receiving a rating (public, no account) and the board's per-page summary (admin)."""

from django.db.models import Count, Q
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from tenant_apps.antispam.ratelimit import allow_submission

from .models import PageFeedback

RATED_PARAMETER = "da-danh-gia"


@csrf_exempt
@require_POST
def rate_page(request):
    """Without CSRF protection on purpose: a rating is anonymous and acts for no account, so a forged
    one is no more than anyone's direct POST (which the rate limit counts), and a token in the widget
    would keep every page that shows it out of the page cache."""
    path = request.POST.get("path", "")
    helpful = request.POST.get("helpful")
    if helpful not in ("0", "1") or not path.startswith("/") or not url_has_allowed_host_and_scheme(path, None):
        return HttpResponseBadRequest("Đánh giá không hợp lệ.")
    if allow_submission(request, "danh-gia", limit=20):
        PageFeedback.objects.create(
            path=path[:500], helpful=helpful == "1", comment=request.POST.get("comment", "").strip()[:500]
        )
    return redirect(f"{path}?{RATED_PARAMETER}=1#danh-gia-tieu-de")


def feedback_summary(request):
    rows = (
        PageFeedback.objects.values("path")
        .annotate(
            total=Count("pk"),
            useful=Count("pk", filter=Q(helpful=True)),
            not_useful=Count("pk", filter=Q(helpful=False)),
        )
        .order_by("-total")[:100]
    )
    comments = PageFeedback.objects.exclude(comment="")[:50]
    return TemplateResponse(
        request,
        "feedback/summary.html",
        {"rows": rows, "comments": comments, "page_title": _("Đánh giá của người dân")},
    )
