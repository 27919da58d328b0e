"""Rendered parts of public pages, cached per site until its published content changes.

The menu, breadcrumbs and home-page sections take most of an uncached page's time (tree queries
and image renditions). Each schema keeps a content version in the cache; a fragment's key holds
that version, so any change to what fragments show (a page, an image, a news category, the
province's own record) makes every old fragment of that site unreachable at once, and nothing
has to know which fragments a change touches. Keys carry the schema name (django-tenants'
key function), so a province never reads or invalidates another's fragments.

The version is bumped at once (the same transaction and request see the change) and again when
the transaction commits: a request that read the new version before the commit may have stored
the old content under it.
"""

from __future__ import annotations

import functools
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.db import connection, transaction
from django.utils.functional import SimpleLazyObject
from django_tenants.utils import schema_context
from wagtail.models import Site

VERSION_KEY = "fragments:version"
# Fragments of old versions are never read again; they leave Redis after a day.
FRAGMENT_SECONDS = 24 * 60 * 60
# Small values read on every page (the menu, Wagtail's site root paths) stay in the worker's own
# memory under the same version, saving a Redis round trip each; the oldest go first.
IN_PROCESS_ENTRIES = 1000
_in_process: OrderedDict[tuple, Any] = OrderedDict()
_in_process_lock = threading.Lock()


def content_version(request=None) -> int:
    """This site's content version (read once per request)."""
    version = getattr(request, "_content_version", None)
    if version is None:
        version = cache.get(VERSION_KEY)
        if version is None:
            _start_version()
            version = cache.get(VERSION_KEY)
        if request is not None:
            request._content_version = version
    return version


def _start_version() -> None:
    """A first version above any this site had before: workers keep values per version in memory,
    and a Redis emptied by a restart must not hand out a number they already hold."""
    cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)


def _bump_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet (or evicted)
        _start_version()


def content_changed(schema_name: str | None = None) -> None:
    """Forget every cached fragment of a site (the current schema's unless `schema_name`)."""
    schema_name = schema_name or connection.schema_name

    def bump() -> None:
        with schema_context(schema_name):
            _bump_version()

    bump()
    transaction.on_commit(bump)


def cached_fragment(request, name: str, parts: tuple, render: Callable[[], Any]) -> Any:
    """`render()`'s result for this site's current content, from the cache when it is there.

    `parts` is what else the fragment depends on (a page id, a theme); results must pickle.
    """
    key = ":".join(("fragment", name, str(content_version(request)), *map(str, parts)))
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
    key = (connection.schema_name, content_version(request), name)
    with _in_process_lock:
        if key in _in_process:
            _in_process.move_to_end(key)
            return _in_process[key]
    value = compute()
    with _in_process_lock:
        _in_process[key] = value
        while len(_in_process) > IN_PROCESS_ENTRIES:
            _in_process.popitem(last=False)
    return value


class SiteRootPathsMiddleware:
    """Wagtail reads its site root paths from the cache for the first link of every page; they
    change only with a site or a root page, which bump the content version, so each worker keeps
    them per version. Lazy: requests that build no page link read nothing."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_cached_site_root_paths = SimpleLazyObject(
            lambda: cached_in_process(request, "site-root-paths", Site.get_site_root_paths)
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
