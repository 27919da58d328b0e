from wagtail import hooks

from .fragments import cached_in_process


@hooks.register("before_serve_page")
def reuse_view_restrictions(page, request, serve_args, serve_kwargs):
    """Hand Wagtail this worker's copy of the page's view restrictions.

    Wagtail checks them on every page view with two queries (the page's ancestors, then their
    restrictions); they change only with pages and restrictions, which bump the site's content
    version. Only this request's page object gets the copy: the admin still queries.
    """
    restrictions = cached_in_process(
        request, f"view-restrictions:{page.pk}", lambda: list(page.get_view_restrictions())
    )
    page.get_view_restrictions = lambda: restrictions
