"""Reading one page of an old portal: its text, what kind of item it is, and that item's fields.

The main text and metadata come from trafilatura; what is specific to Vietnamese government
portals is read here: the "Văn bản" metadata table, question/answer blocks, breadcrumbs (the old
category) and image captions. Everything returned is NFC text; the body is still the old site's
HTML (absolute URLs), cleaned into rich text by `richtext.py`.
"""

from __future__ import annotations

import copy
import datetime
import hashlib
import re
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urlsplit, urlunsplit

import lxml.html
import trafilatura
from lxml import etree

from tenant_apps.search.text import fold, normalise

FILE_EXTENSIONS = frozenset({"pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "zip", "rar"})
IMAGE_EXTENSIONS = frozenset({"jpg", "jpeg", "png", "gif", "webp"})
MIN_TEXT_CHARS = 80  # less main text than this is a menu, a listing or an empty page
LISTING_LINK_SHARE = 0.6  # a page whose main text is mostly links lists other pages

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_QUESTION_CLASS = re.compile(r"question|cau-?hoi", re.IGNORECASE)
_ANSWER_CLASS = re.compile(r"answer|tra-?loi", re.IGNORECASE)


class NotImportable(Exception):
    """A page that is read but brings nothing in; the message is the reason shown in the report."""


@dataclass
class Picture:
    src: str
    alt: str = ""
    caption: str = ""


@dataclass
class Extracted:
    kind: str  # an ImportedItem.Kind value
    title: str
    body: str = ""  # HTML from the old site, absolute URLs
    summary: str = ""
    author: str = ""
    date: datetime.date | None = None
    category: str = ""
    pictures: dict[str, Picture] = field(default_factory=dict)  # by absolute src
    attachments: list[tuple[str, str]] = field(default_factory=list)  # (absolute URL, link text)
    metadata: dict[str, str] = field(default_factory=dict)  # a document's table, folded label → value
    asker: str = ""

    def content_hash(self) -> str:
        parts = [self.kind, self.title, self.body, self.summary, self.author, str(self.date), self.asker]
        parts += [f"{k}={v}" for k, v in sorted(self.metadata.items())] + [url for url, _ in self.attachments]
        return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()


def canonical_url(url: str) -> str:
    """The form an old URL is keyed by: no fragment, lower-case scheme and host, no default port, sorted query."""
    url, _ = urldefrag(url.strip())
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = "&".join(sorted(q for q in parts.query.split("&") if q))
    return urlunsplit((parts.scheme.lower(), host, parts.path or "/", query, ""))


def extension(url: str) -> str:
    path = urlsplit(url).path
    return path.rsplit(".", 1)[-1].lower() if "." in path.rsplit("/", 1)[-1] else ""


def decode_html(content: bytes, declared: str | None) -> str:
    """Text of a page whatever it claims: valid UTF-8 wins over a wrong declaration, then the declared
    charset (HTTP header, then <meta>), then windows-1258, the usual legacy Vietnamese code page. NFC."""
    candidates = ["utf-8"]
    meta = _META_CHARSET.search(content[:4096])
    for name in (declared, meta.group(1).decode("ascii") if meta else None, "windows-1258"):
        if name and name.lower() not in candidates:
            candidates.append(name.lower())
    for name in candidates:
        try:
            return normalise(content.decode(name))
        except (UnicodeDecodeError, LookupError):
            continue
    return normalise(content.decode("windows-1258", errors="replace"))


def parse(html: str, url: str):
    """The page as an lxml tree with every link and image made absolute; None for an empty document."""
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return None
    tree.make_links_absolute(url, resolve_base_href=True, handle_failures="discard")
    return tree


def page_links(tree) -> list[str]:
    return [canonical_url(link) for element, _attribute, link, _ in tree.iterlinks() if element.tag == "a"]


def feed_links(tree) -> list[str]:
    alternates = tree.xpath('//link[@rel="alternate"][contains(@type, "rss") or contains(@type, "atom")]/@href')
    return [canonical_url(href) for href in alternates]


def _text(element) -> str:
    return normalise(" ".join(element.text_content().split()))


def parse_date(text: str) -> datetime.date | None:
    match = _DATE.search(text)
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _breadcrumb_category(tree, title: str) -> str:
    crumbs = tree.xpath(
        '//*[contains(@class, "breadcrumb") or @aria-label="breadcrumb" or @aria-label="Breadcrumb"]//a'
    )
    names = [_text(a) for a in crumbs if _text(a) and fold(_text(a)) not in ("trang chu", fold(title))]
    return names[-1] if names else ""


def _captions(tree) -> dict[str, Picture]:
    """Each image with its alt text and caption: <figure>'s <figcaption>, or the element with a
    "caption" class right after it (the table layout of older portal software)."""
    pictures: dict[str, Picture] = {}
    for img in tree.iter("img"):
        src = img.get("src")
        if not src:
            continue
        caption = ""
        figure = next((a for a in img.iterancestors() if a.tag == "figure"), None)
        if figure is not None:
            caption = " ".join(_text(c) for c in figure.iter("figcaption"))
        else:
            block = next((a for a in img.iterancestors() if a.tag in ("table", "div", "p")), None)
            if block is not None:
                caption = " ".join(
                    _text(c) for c in block.xpath('.//*[contains(@class, "caption") or contains(@class, "chu-thich")]')
                )
        src = canonical_url(src)
        pictures[src] = Picture(src=src, alt=normalise(img.get("alt", "")), caption=caption)
    return pictures


def _metadata_table(tree) -> dict[str, str]:
    """A document's "Số ký hiệu / Ngày ban hành / …" table as folded label → value, or {}."""
    for table in tree.iter("table"):
        rows = {}
        for row in table.iter("tr"):
            cells = [c for c in row if c.tag in ("td", "th")]
            if len(cells) >= 2:
                rows[fold(_text(cells[0])).rstrip(" :")] = _text(cells[1])
        if any(label in rows for label in ("so ky hieu", "so hieu", "so, ky hieu")):
            return rows
    return {}


def _attachments(tree) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for element, _attribute, link, _ in tree.iterlinks():
        if element.tag == "a" and extension(link) in FILE_EXTENSIONS:
            seen.setdefault(canonical_url(link), _text(element) or link.rsplit("/", 1)[-1])
    return list(seen.items())


def _main_html(tree, url: str, repeated: set[str]) -> tuple[str, str]:
    """trafilatura's main text as HTML (images and links kept, absolute) and as plain text, without the
    blocks that repeat the title or summary (`repeated`, folded)."""
    extracted = trafilatura.extract(
        copy.deepcopy(tree),  # trafilatura prunes the tree it reads; this one has absolute links
        url=url,
        output_format="html",
        include_images=True,
        include_links=True,
        include_tables=True,
        favor_recall=True,
    )
    if not extracted:
        return "", ""
    body = lxml.html.document_fromstring(extracted).body
    body.make_links_absolute(url, handle_failures="discard")
    for block in list(body):
        if fold(_text(block)) in repeated:
            body.remove(block)
    inner = "".join(etree.tostring(child, encoding="unicode", method="html") for child in body)
    return inner, _text(body)


def _link_share(tree) -> float:
    main = tree.xpath('//main|//*[@id="content" or contains(@class, "content")]')
    scope = main[0] if main else tree.body
    total = len(_text(scope)) if scope is not None else 0
    linked = sum(len(_text(a)) for a in scope.iter("a")) if scope is not None else 0
    return linked / total if total else 0.0


def extract(html: str, url: str, tree) -> Extracted:
    """What `url` holds, or NotImportable with the reason."""
    metadata = None  # trafilatura's metadata, read only when the page's own markup lacks something

    def meta(name: str) -> str:
        nonlocal metadata
        metadata = metadata or trafilatura.extract_metadata(html, default_url=url, extensive=False)
        return normalise(getattr(metadata, name, None) or "")

    heading = tree.xpath("//h1")
    title = _text(heading[0]) if heading else meta("title")
    if not title:
        raise NotImportable("Không có tiêu đề (trang hỏng hoặc không đầy đủ)")
    category = _breadcrumb_category(tree, title)

    table = _metadata_table(tree)
    if table:
        return Extracted(
            kind="van-ban",
            title=table.get("trich yeu") or title,
            summary=table.get("trich yeu") or title,
            date=parse_date(table.get("ngay ban hanh", "")),
            metadata=table,
            attachments=_attachments(tree),
            category=category,
        )

    questions = tree.xpath("//*[@class]")
    question = next((e for e in questions if _QUESTION_CLASS.search(e.get("class"))), None)
    answer = next((e for e in questions if _ANSWER_CLASS.search(e.get("class"))), None)
    if question is not None and answer is not None:
        asker = next((e for e in questions if "asker" in e.get("class") or "nguoi-hoi" in e.get("class")), None)
        if asker is not None:
            asker.drop_tree()
        return Extracted(
            kind="hoi-dap",
            title=title,
            summary=_text(question),
            body=etree.tostring(answer, encoding="unicode", method="html"),
            asker=(asker.text_content().strip() if asker is not None else ""),
            date=_published_date(tree) or parse_date(_text(answer)),
            category=category,
        )

    if _link_share(tree) > LISTING_LINK_SHARE:
        raise NotImportable("Trang danh sách (chỉ dẫn tới trang khác)")
    author = _author(tree) or meta("author")
    summary = _summary(tree) or meta("description")
    body, text = _main_html(tree, url, {fold(title), fold(summary), fold(author)})
    if len(text) < MIN_TEXT_CHARS:
        raise NotImportable("Không có nội dung chính")
    date = _published_date(tree)
    return Extracted(
        kind="tin" if date else "trang",
        title=title,
        body=body,
        summary=summary,
        author=author,
        date=date,
        category=category,
        pictures=_captions(tree),
    )


def _published_date(tree) -> datetime.date | None:
    """The date the page shows as its publication date; pages without one are not news."""
    found = tree.xpath('//time/@datetime | //*[contains(@class, "date") or contains(@class, "ngay-dang")]')
    for value in found:
        date = parse_date(value if isinstance(value, str) else _text(value))
        if date is None and isinstance(value, str) and len(value) >= 10:
            try:
                date = datetime.date.fromisoformat(value[:10])
            except ValueError:
                continue
        if date:
            return date
    return None


def _author(tree) -> str:
    found = tree.xpath('//*[contains(@class, "author") or contains(@class, "tac-gia")]')
    return _text(found[0]) if found else ""


def _summary(tree) -> str:
    found = tree.xpath('//*[contains(@class, "sapo") or contains(@class, "summary") or contains(@class, "tom-tat")]')
    return _text(found[0]) if found else ""
