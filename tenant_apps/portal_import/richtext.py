"""An old page's HTML as Wagtail rich text: cleaned with nh3, images and links pointed at the new site.

`to_rich_text()` takes two look-ups from the importer: the Wagtail image for an old image URL, and
the new target for an old link (a page or a document by id). Links into the old site that have no
target yet stay as they were and are reported, so the importer can point them once the whole site
is in (`relink()`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import lxml.html
import nh3
from lxml import etree

from tenant_apps.pages.sanitising import LINK_SCHEMES, RICH_TEXT_ATTRIBUTES, RICH_TEXT_TAGS
from tenant_apps.search.text import fold

from .extraction import Picture, canonical_url

# What trafilatura writes beyond the rich-text tags, renamed to Wagtail's database format.
RENAMED_TAGS = {"strong": "b", "em": "i", "h1": "h2", "h5": "h4", "h6": "h4"}
SOURCE_TAGS = RICH_TEXT_TAGS | set(RENAMED_TAGS) | {"img"}
SOURCE_ATTRIBUTES = {**RICH_TEXT_ATTRIBUTES, "a": {"href"}, "img": {"src", "alt"}}

_VOID_EMBED = re.compile(r"<embed([^>]*?)/?>")
ImageLookup = Callable[[Picture], "object | None"]
LinkLookup = Callable[[list[str]], "dict[str, tuple[str, int]]"]  # old URLs → {URL: ("page" | "document", id)}


@dataclass
class RichText:
    html: str
    old_links: bool  # links into the old site without a new target yet
    images: list[tuple[object, Picture]]  # the Wagtail images embedded, with what the old page said of them


def _serialise(container) -> str:
    html = (container.text or "") + "".join(etree.tostring(c, encoding="unicode", method="html") for c in container)
    return _VOID_EMBED.sub(r"<embed\1/>", html).replace("</embed>", "")  # Wagtail's format: <embed …/>


def _embed(image, picture: Picture) -> etree._Element:
    alt = picture.alt or picture.caption
    # In the order Wagtail's editor writes them.
    return etree.Element("embed", {"alt": alt, "embedtype": "image", "format": "fullwidth", "id": str(image.pk)})


def _point_links(container, old_host: str, links_for: LinkLookup) -> tuple[bool, int]:
    """Links to imported pages and files pointed at them (looked up together); (whether links to the old
    site remain, how many pointed)."""
    anchors = [(anchor, canonical_url(anchor.get("href"))) for anchor in container.iter("a") if anchor.get("href")]
    targets = links_for([url for _, url in anchors]) if anchors else {}
    old_links, pointed = False, 0
    for anchor, url in anchors:
        target = targets.get(url)
        if target:
            del anchor.attrib["href"]
            anchor.set("linktype", target[0])
            anchor.set("id", str(target[1]))
            pointed += 1
        elif urlsplit(anchor.get("href")).netloc == old_host:
            old_links = True
    return old_links, pointed


def to_rich_text(
    html: str, *, old_host: str, pictures: dict[str, Picture], image_for: ImageLookup, links_for: LinkLookup
) -> RichText:
    cleaned = nh3.clean(
        html,
        tags=set(SOURCE_TAGS),
        attributes={tag: set(names) for tag, names in SOURCE_ATTRIBUTES.items()},
        url_schemes=set(LINK_SCHEMES),
        link_rel=None,
    )
    container = lxml.html.fragment_fromstring(cleaned, create_parent="div")
    for old, new in RENAMED_TAGS.items():
        for element in container.iter(old):
            element.tag = new
    images = []
    plain_text = fold(container.text_content())
    for img in list(container.iter("img")):
        src = canonical_url(img.get("src", ""))
        picture = pictures.get(src) or Picture(src=src, alt=img.get("alt", ""))
        image = image_for(picture) if src else None
        parent = img.getparent()
        if image is None:
            _drop(img)
            continue
        images.append((image, picture))
        embed = _embed(image, picture)
        # An embed is a block of its own: it takes the place of the paragraph it was alone in.
        anchor = parent if parent is not container and not (parent.text_content() or "").strip() else img
        anchor.addnext(embed)
        if picture.caption and fold(picture.caption) not in plain_text:
            caption = etree.Element("p")
            etree.SubElement(caption, "i").text = picture.caption
            embed.addnext(caption)
        _drop(anchor)
    old_links, _ = _point_links(container, old_host, links_for)
    return RichText(_serialise(container), old_links, images)


def relink(html: str, *, old_host: str, links_for: LinkLookup) -> tuple[str | None, bool]:
    """Stored rich text with the links to old pages imported since then pointed at the new pages (None when
    none was), and whether links to the old site remain."""
    container = lxml.html.fragment_fromstring(html or "<p></p>", create_parent="div")
    old_links, pointed = _point_links(container, old_host, links_for)
    return (_serialise(container) if pointed else None), old_links


def _drop(element) -> None:
    """Remove an element, keeping the text that followed it."""
    parent = element.getparent()
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)
