"""Rendered parts of public pages, cached per site until its published content changes.

The menu, breadcrumbs and home-page sections take most of an uncached page's time (tree queries
and image renditions). Each schema keeps a content version in the cache; a fragment's key holds
that version, so any change to what fragments show (a page, an image, a news category, the
province's own record) makes every old fragment of that site unreachable at once, and nothing
has to know which fragments a change touches. Keys carry the schema name (django-tenants'
key function), so a province never reads or invalidates another's fragments.

The version is a counter of the kernel (tenants/versions.py): bumped at once and again on commit,
restarted from the clock when Redis lost it, and made later when Redis could not be reached.

Nothing cached here is read or written for a preview (a draft, or unsaved changes, must neither
come from nor go into the public copy, as in Wagtail's own cache tags) or while the version
cannot be read (Redis unreachable: the page is rendered afresh).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site
from wagtail.models.sites import SiteRootPath

from tenants.versions import Counter

CONTENT_VERSION = Counter("content", per_schema=True)
# Fragments of old versions are never read again; they leave Redis after a day.
FRAGMENT_SECONDS = 24 * 60 * 60


def content_version(request=None) -> int | None:
    """This site's content version (read once per request); None while Redis cannot be reached."""
    return CONTENT_VERSION.value(request)


def content_changed(schema_name: str | None = None) -> None:
    """Forget every cached fragment of a site (the current schema's unless `schema_name`)."""
    CONTENT_VERSION.bump(schema_name)


def _version_to_cache_under(request) -> int | None:
    """None when nothing may be cached: for a preview, or without a content version."""
    return None if getattr(request, "is_preview", False) else content_version(request)


def cached_fragment(request, name: str, parts: tuple, render: Callable[[], Any]) -> Any:
    """`render()`'s result for this site's current content, from the cache when it is there.

    `parts` is what else the fragment depends on (a page id, a theme); results must pickle.
    """
    version = _version_to_cache_under(request)
    if version is None:
        return render()
    key = ":".join(("fragment", name, str(version), *map(str, parts)))
    value = cache.get(key)
    if value is None:
        value = render()
        cache.set(key, value, FRAGMENT_SECONDS)
    return value


@functools.cache
def fragment_sources() -> tuple[type, ...]:
    """Models whose rows public fragments show: pages and their tree, images, snippets (categories)."""
    from wagtail.images.models import AbstractImage
    from wagtail.models import Page, PageViewRestriction
    from wagtail.snippets.models import get_snippet_models

    return (Page, Site, PageViewRestriction, AbstractImage, *get_snippet_models())


def cached_in_process(request, name: str, compute: Callable[[], Any]) -> Any:
    """`compute()`'s result for this site's current content, kept in this worker's memory.

    For small values every page reads; the caller must not change the value it gets.
    """
    if getattr(request, "is_preview", False):
        return compute()
    return CONTENT_VERSION.cached(request, name, compute)


def site_root_paths() -> list[SiteRootPath]:
    """Wagtail's site root paths (WAGTAIL_I18N_ENABLED is off: one per site), read from the
    database. Not through Wagtail's copy in Redis: a Site saved while Redis was unreachable could
    not delete it, and it would outlive the outage."""
    sites = Site.objects.select_related("root_page", "root_page__locale").order_by(
        "-root_page__url_path", "-is_default_site", "hostname"
    )
    return [
        SiteRootPath(site.id, site.root_page.url_path, site.root_url, site.root_page.locale.language_code)
        for site in sites
    ]


class SiteRootPathsMiddleware:
    """Wagtail reads its site root paths for the first link of every page; they change only with
    a site or a root page, which bump the content version, so each worker keeps them per version.
    Lazy: requests that build no page link read nothing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_cached_site_root_paths = SimpleLazyObject(
            lambda: cached_in_process(request, "site-root-paths", site_root_paths)
        )
        return self.get_response(request)


def forget_fragments_on_change(sender, instance, **kwargs) -> None:
    """post_save / post_delete receiver: a change to anything fragments show (PagesConfig.ready)."""
    if isinstance(instance, fragment_sources()):
        content_changed()


def forget_fragments_on_move(sender, instance, **kwargs) -> None:
    """post_page_move receiver: treebeard moves pages with queries that send no post_save."""
    content_changed()


def forget_province_fragments(sender, instance, **kwargs) -> None:
    """Province post_save (public schema): its name, address and theme show on every page."""
    content_changed(instance.schema_name)
