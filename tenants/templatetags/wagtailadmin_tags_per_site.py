"""Wagtail's `wagtailadmin_tags`, with the admin's base URL taken from the current schema's site.

Wagtail builds the links of its e-mails (workflow notifications, comment notifications) with
`{% base_url_setting %}` and `{% absolute_static %}`, which read the one global
`WAGTAILADMIN_BASE_URL`. Each province's admin lives on its own host, so this library, installed
under Wagtail's name in `TEMPLATES[...]["OPTIONS"]["libraries"]`, answers with the site of the
schema the mail is rendered in (tenants.urls).
"""

from urllib.parse import urljoin

from django import template
from wagtail.admin.templatetags import wagtailadmin_tags as wagtail_tags

from tenants.urls import base_url

register = template.Library()
register.tags.update(wagtail_tags.register.tags)
register.filters.update(wagtail_tags.register.filters)


@register.simple_tag
def base_url_setting(default=None):
    return base_url() or default


@register.simple_tag
def absolute_static(path):
    return urljoin(base_url(), wagtail_tags.versioned_static_func(path))
