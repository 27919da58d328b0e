"""Cleaning HTML that reaches a page without passing through Wagtail's rich-text editor.

The editor keeps rich text to its whitelist by converting what the browser sends. HTML that a
service receives as a string (the board's answer to a question, tenant_apps/qa/services.py)
is cleaned here with nh3 before it is stored, so no caller can store a script or an event
handler, whatever it posts.
"""

import nh3

# Wagtail's database format for the features the platform's custom forms offer: paragraphs,
# bold, italic, lists and links (external, or to a page/document by id: <a linktype=… id=…>).
RICH_TEXT_TAGS = frozenset({"p", "br", "b", "i", "ul", "ol", "li", "a", "h2", "h3", "h4"})
RICH_TEXT_ATTRIBUTES = {"a": {"href", "linktype", "id"}}
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})


def clean_html(html: str) -> str:
    """`html` with only rich-text tags and attributes and http(s)/mailto/tel links; scripts and styles dropped."""
    return nh3.clean(
        html,
        tags=set(RICH_TEXT_TAGS),
        attributes={tag: set(names) for tag, names in RICH_TEXT_ATTRIBUTES.items()},
        url_schemes=set(LINK_SCHEMES),
        link_rel=None,  # keep the stored format unchanged; Wagtail renders the links
    )
