"""Small public views of every site: text size, robots.txt, favicon.ico."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.utils.http import url_has_allowed_host_and_scheme

TEXT_SIZE_COOKIE = "co_chu"
TEXT_SIZES = ("nho", "vua", "lon")


def set_text_size(request, size: str):
    """Thay đổi cỡ chữ — TT 32/2017 Điều 18 encourages a text-size control; this one needs no JavaScript."""
    if size not in TEXT_SIZES:
        raise Http404
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    response = redirect(target)
    response.set_cookie(
        TEXT_SIZE_COOKIE, size, max_age=365 * 24 * 3600, samesite="Lax", httponly=True, secure=request.is_secure()
    )
    return response


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /tim-kiem/",
        f"Sitemap: {request.scheme}://{request.get_host()}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def favicon(request):
    """Browsers ask every site for /favicon.ico whatever the page links: the theme's icon."""
    return redirect(static("themes/default/icons/favicon.ico"), permanent=True)
