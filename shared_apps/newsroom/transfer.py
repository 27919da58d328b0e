"""Moving content from one schema to another: rich text references and media files.

Rich text refers to pages, images and documents by id, and an id means nothing in another schema.
`export_rich_text()` runs in the source schema: page links become absolute URLs, and the images
and documents it uses become file references (`FileRef`), like `image_ref()` / `document_ref()`
for a featured image or an attachment. `import_files()` runs in the destination schema and copies
each file through the tenant-aware storage (a real copy: each site stands on its own), reusing a
copy made earlier (same SHA-1); `localise_rich_text()` then points the references at the copies.
"""

from __future__ import annotations

import posixpath
from typing import TypedDict

from django.core.files.base import ContentFile
from django.utils.html import escape
from django_tenants.utils import schema_context
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.rich_text.rewriters import FIND_A_TAG, FIND_EMBED_TAG, extract_attrs


class FileRef(TypedDict):
    ref: str  # "image:12" / "document:7": the kind and the id in the source schema
    kind: str
    name: str  # the file's name in the source schema's storage
    title: str
    hash: str
    size: int | None
    width: int | None
    height: int | None


def image_ref(image) -> FileRef:
    return FileRef(
        ref=f"image:{image.pk}",
        kind="image",
        name=image.file.name,
        title=image.title,
        hash=image.get_file_hash(),
        size=image.file_size,
        width=image.width,
        height=image.height,
    )


def document_ref(document) -> FileRef:
    return FileRef(
        ref=f"document:{document.pk}",
        kind="document",
        name=document.file.name,
        title=document.title,
        hash=document.get_file_hash(),
        size=document.file_size,
        width=None,
        height=None,
    )


def _tag(name: str, attrs: dict[str, str], closing: str = ">") -> str:
    return f"<{name}" + "".join(f' {key}="{escape(value)}"' for key, value in attrs.items()) + closing


def export_rich_text(html: str) -> tuple[str, list[FileRef]]:
    """In the source schema: page links made absolute, and the files the text uses."""
    links = [extract_attrs(attrs) for attrs in FIND_A_TAG.findall(html)]
    embeds = [extract_attrs(attrs) for attrs in FIND_EMBED_TAG.findall(html)]
    page_ids = {int(a["id"]) for a in links if a.get("linktype") == "page" and a.get("id", "").isdigit()}
    document_ids = {int(a["id"]) for a in links if a.get("linktype") == "document" and a.get("id", "").isdigit()}
    image_ids = {int(a["id"]) for a in embeds if a.get("embedtype") == "image" and a.get("id", "").isdigit()}

    page_urls = {page.pk: page.get_full_url() for page in Page.objects.filter(pk__in=page_ids)} if page_ids else {}

    def absolute_page_link(match) -> str:
        attrs = extract_attrs(match.group(1))
        if attrs.get("linktype") != "page":
            return match.group(0)
        url = page_urls.get(int(attrs["id"])) if attrs.get("id", "").isdigit() else None
        return _tag("a", {"href": url}) if url else "<a>"

    html = FIND_A_TAG.sub(absolute_page_link, html)
    files = [image_ref(image) for image in get_image_model().objects.filter(pk__in=image_ids)] if image_ids else []
    if document_ids:
        files += [document_ref(document) for document in get_document_model().objects.filter(pk__in=document_ids)]
    return html, files


def localise_rich_text(html: str, copies: dict[str, int]) -> str:
    """In the destination schema: point image embeds and document links at the copies made there."""

    def link(match) -> str:
        attrs = extract_attrs(match.group(1))
        if attrs.get("linktype") != "document":
            return match.group(0)
        copy_id = copies.get(f"document:{attrs.get('id')}")
        return _tag("a", {**attrs, "id": str(copy_id)}) if copy_id else "<a>"

    def embed(match) -> str:
        attrs = extract_attrs(match.group(1))
        if attrs.get("embedtype") != "image":
            return match.group(0)
        copy_id = copies.get(f"image:{attrs.get('id')}")
        return _tag("embed", {**attrs, "id": str(copy_id)}, "/>") if copy_id else ""

    return FIND_EMBED_TAG.sub(embed, FIND_A_TAG.sub(link, html))


def unique_refs(files: list[FileRef]) -> list[FileRef]:
    return list({file["ref"]: file for file in files}.values())


def import_files(files: list[FileRef], source_schema: str) -> dict[str, int]:
    """In the destination schema: the id of each file's copy ("image:12" → 40), copying what is missing."""
    copies: dict[str, int] = {}
    for file in files:
        model = get_image_model() if file["kind"] == "image" else get_document_model()
        existing = model.objects.filter(file_hash=file["hash"]).order_by("pk").first() if file["hash"] else None
        copies[file["ref"]] = existing.pk if existing else _copy_file(model, file, source_schema).pk
    return copies


def _copy_file(model, file: FileRef, source_schema: str):
    storage = model._meta.get_field("file").storage
    with schema_context(source_schema), storage.open(file["name"], "rb") as handle:
        content = handle.read()
    copy = model(title=file["title"], file_size=file["size"] or len(content), file_hash=file["hash"])
    copy.file.save(posixpath.basename(file["name"]), ContentFile(content), save=False)
    if file["kind"] == "image":
        copy.width, copy.height = file["width"], file["height"]
    copy.save()
    return copy
