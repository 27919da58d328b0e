"""nginx's anonymous page cache (deploy/nginx): what to purge when a page changes.

The cache key is host + URL, so purging a page's URLs on its own site never touches another
province. A published or withdrawn page changes more than itself: its section lists, the home
page, the feeds and the sitemap of its site, so those are purged too. Lists with a query string
(filters, page 2, search) are not purged one by one; they are kept for a minute only.
Only answers with a status in CACHEABLE_STATUSES are kept at all (a 404 briefly: nginx's own
setting), as deploy/nginx also enforces.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from wagtail.contrib.frontend_cache.utils import PurgeBatch, purge_urls_from_cache

from tenants.versions import is_degraded

SITE_WIDE_PATHS = ("news_rss", "news_atom", "documents_rss", "documents_atom", "national_news_rss", "sitemap")
QUERY_STRING_MAX_AGE = 60
CACHEABLE_STATUSES = frozenset({200, 301, 404})


def urls_to_purge(page) -> set[str]:
    """Full URLs of the page, its live ancestors below the root, and its site's feeds and sitemap."""
    batch = PurgeBatch()
    batch.add_page(page)
    batch.add_pages(page.get_ancestors().live().filter(depth__gt=1).specific(defer=True))
    site = page.get_site()
    if site is not None:
        root = site.root_url.rstrip("/")
        batch.add_urls(root + reverse(name) for name in SITE_WIDE_PATHS)
    return batch.urls


def purge_page_and_its_lists(sender, instance, **kwargs) -> None:
    """page_published / page_unpublished receiver (connected in PagesConfig.ready)."""
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        purge_urls_from_cache(urls_to_purge(instance))


class CacheControlMiddleware:
    """What nginx may keep of an answer: never an error, nor a page rendered while Redis was
    unreachable (both would outlive the failure); filtered, paged and searched lists a minute at
    most. Outermost but for logging, so that it sees the answers of every other middleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_degraded(request) or response.status_code not in CACHEABLE_STATUSES:
            add_never_cache_headers(response)
        elif (
            request.META.get("QUERY_STRING")
            and request.method in ("GET", "HEAD")
            and not response.has_header("Cache-Control")
        ):
            patch_cache_control(response, max_age=QUERY_STRING_MAX_AGE)
        return response
