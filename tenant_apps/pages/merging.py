"""Moving pages, images and documents from an absorbed province into the receiving one (a merge).

Pages cannot be moved between schemas, so a page is read whole in the absorbed schema (its fields,
inline rows, tags and links) and created again in the receiving one, published as it was, with a
Wagtail redirect from its old path. Images and documents point at their files' copies, which the
kernel made before the transaction (`merge.file_name`). Each copy is remembered under the source's
id (`merge.remember`), so a merge run again after a failure continues where it stopped.
The apps' merge steps (their `steps.py`) call `copy_page` and `destination`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import get_all_child_relations
from taggit.models import Tag
from wagtail import blocks
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Collection, Page, Site

from tenants.steps import ProvinceMerge

# Page fields a copy keeps; the rest of Page's own columns (tree, revisions, locks, owner, locale) are the new site's.
KEPT_PAGE_FIELDS = {
    "title",
    "draft_title",
    "slug",
    "seo_title",
    "search_description",
    "show_in_menus",
    "live",
    "first_published_at",
    "go_live_at",
    "expire_at",
}
EMBED_ID = re.compile(r'(<(?:embed|a)\b[^>]*?(?:embedtype|linktype)="(image|document|page)"[^>]*?\bid=")(\d+)(")')
# A whole rich-text link to a page: what the second pass replaces by its text when the page never moves.
PAGE_ANCHOR = re.compile(r'<a\b(?=[^>]*\blinktype="page")[^>]*?\bid="(?P<id>\d+)"[^>]*>(?P<text>.*?)</a>', re.S)

ForeignKeyMap = dict[type[models.Model], Callable[[int], int | None]]


@dataclass
class PageSnapshot:
    """A source page read whole, in the source schema, to be written in the target one."""

    model: type[Page]
    pk: int
    values: dict[str, Any]
    foreign_keys: dict[str, tuple[type[models.Model], int]]
    children: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    many_to_many: dict[str, list[int]] = field(default_factory=dict)
    old_path: str = ""


def site_path(page: Page) -> str:
    """The page's path on its site ("/tin-tuc/bai-viet/"), in the current schema."""
    root = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    prefix = root.root_page.url_path if root else "/"
    return "/" + page.url_path[len(prefix) :] if page.url_path.startswith(prefix) else page.url_path


def _row_values(instance: models.Model, skip: set[str]) -> tuple[dict, dict]:
    values, foreign_keys = {}, {}
    for model_field in instance._meta.concrete_fields:
        if model_field.primary_key or model_field.name in skip:
            continue
        if model_field.is_relation:
            value = getattr(instance, model_field.attname)
            if value is not None:
                related = model_field.related_model
                foreign_keys[model_field.name] = (
                    (Tag, getattr(instance, model_field.name).name) if issubclass(related, Tag) else (related, value)
                )
            continue
        value = getattr(instance, model_field.attname)
        values[model_field.name] = value.name if isinstance(model_field, models.FileField) else value
    return values, foreign_keys


def snapshot(page: Page) -> PageSnapshot:
    """Read `page` (specific) in the current schema, the source's."""
    page = page.specific
    page_fields = {f.name for f in Page._meta.concrete_fields} - KEPT_PAGE_FIELDS
    own_fields = {f.name for f in page._meta.concrete_fields if f.auto_created}
    values, foreign_keys = _row_values(page, page_fields | own_fields)
    result = PageSnapshot(type(page), page.pk, values, foreign_keys, old_path=site_path(page))
    for relation in get_all_child_relations(page):
        parental_key = relation.field.name
        result.children[relation.get_accessor_name()] = [
            {"values": row_values, "foreign_keys": row_keys}
            for row in getattr(page, relation.get_accessor_name()).all()
            for row_values, row_keys in [_row_values(row, {parental_key})]
        ]
    for m2m in page._meta.many_to_many:
        if isinstance(m2m, ParentalManyToManyField):
            result.many_to_many[m2m.name] = list(getattr(page, m2m.name).values_list("pk", flat=True))
    return result


@dataclass
class Links:
    """How the links of one copy (its fields, StreamFields and inline rows) are resolved.

    On the first pass a page not copied yet is added to `missing` (its link gets id 0 for now, and the
    copy is remembered for the second pass). On the second pass (`final`, once every page step ran) a
    page still not copied never will be (a plain content page, say): a rich-text link to it becomes its
    text, a key or a chooser block to it is emptied, and its source id goes to `dropped` for the report.
    """

    merge: ProvinceMerge
    final: bool = False
    missing: list[str] = field(default_factory=list)
    dropped: list[int] = field(default_factory=list)

    def page(self, source_id: int | None) -> int | None:
        if not source_id:
            return None
        target = self.merge.moved("page", int(source_id))
        if not target:
            (self.dropped if self.final else self.missing).append(int(source_id))
        return target

    def rich_text(self, html: str) -> str:
        """Point embedded images, documents and page links at their copies (see the class)."""
        if self.final:
            html = PAGE_ANCHOR.sub(
                lambda match: match.group(0) if self.page(match.group("id")) else match.group("text"), html or ""
            )

        def replace(match: re.Match) -> str:
            kind, source_id = match.group(2), int(match.group(3))
            target = self.page(source_id) if kind == "page" else self.merge.moved(kind, source_id)
            return f"{match.group(1)}{target if target else 0}{match.group(4)}"

        return EMBED_ID.sub(replace, html or "")

    def stream(self, stream_field: StreamField, value: Any) -> Any:
        """A StreamField's value with its rich text, page, image and document blocks remapped."""
        raw = stream_field.stream_block.get_prep_value(value) if isinstance(value, blocks.StreamValue) else value
        return stream_field.to_python(self._block(stream_field.stream_block, raw or []))

    def _block(self, block: blocks.Block, raw: Any) -> Any:
        if raw is None:
            return raw
        if isinstance(block, blocks.RichTextBlock):
            return self.rich_text(raw)
        if isinstance(block, blocks.PageChooserBlock):
            return self.page(raw)
        if isinstance(block, ImageChooserBlock):
            return self.merge.moved("image", raw)
        if isinstance(block, DocumentChooserBlock):
            return self.merge.moved("document", raw)
        if isinstance(block, blocks.StreamBlock):
            return [
                {**item, "value": self._block(block.child_blocks[item["type"]], item.get("value"))}
                for item in raw
                if item.get("type") in block.child_blocks
            ]
        if isinstance(block, blocks.ListBlock):
            return [
                {**item, "value": self._block(block.child_block, item["value"])}
                if block._item_is_in_block_format(item)
                else self._block(block.child_block, item)
                for item in raw
            ]
        if isinstance(block, blocks.StructBlock):
            return {
                name: self._block(block.child_blocks[name], value) if name in block.child_blocks else value
                for name, value in raw.items()
            }
        return raw


def _resolve(merge: ProvinceMerge, key: tuple, foreign_keys: ForeignKeyMap) -> int | None:
    related, source_value = key
    if related is Tag:
        return Tag.objects.get_or_create(name=source_value)[0].pk
    if issubclass(related, Page):
        return merge.moved("page", source_value)
    if issubclass(related, get_image_model()):
        return merge.moved("image", source_value)
    if issubclass(related, get_document_model()):
        return merge.moved("document", source_value)
    mapper = foreign_keys.get(related)
    return mapper(source_value) if mapper else None


def _links_value(links: Links, model_field: models.Field, value: Any) -> Any:
    if isinstance(model_field, RichTextField):
        return links.rich_text(value)
    if isinstance(model_field, StreamField):
        return links.stream(model_field, value)
    return value


def _apply(links: Links, instance, values: dict, keys: dict, foreign_keys: ForeignKeyMap) -> None:
    """Set `values` and `keys` (resolved to the target's ids) on `instance`; links to pages not copied
    (yet) are counted on `links`."""
    for name, value in values.items():
        setattr(instance, name, _links_value(links, instance._meta.get_field(name), value))
    for name, key in keys.items():
        if issubclass(key[0], Page):
            resolved = links.page(key[1])
        else:
            resolved = _resolve(links.merge, key, foreign_keys)
        setattr(instance, instance._meta.get_field(name).attname, resolved)


def _moved_pages(links: Links, ids: list[int]) -> list[int]:
    return [pk for pk in map(links.page, ids) if pk]


def _has_links(model: type[models.Model]) -> bool:
    """Whether rows of `model` can link to a page: rich text, a StreamField or a key to a page (other
    than the key to the page that holds them)."""
    return any(
        isinstance(model_field, RichTextField | StreamField)
        or (
            model_field.is_relation
            and not isinstance(model_field, ParentalKey)
            and issubclass(model_field.related_model, Page)
        )
        for model_field in model._meta.concrete_fields
    )


def _child_rows(links: Links, page: Page, accessor: str, rows: list[dict], foreign_keys: ForeignKeyMap) -> list:
    """The inline rows of a copy; a row whose image, document or page did not come over is left."""
    child_model = getattr(page, accessor).model
    children = []
    for row in rows:
        child = child_model()
        _apply(links, child, row["values"], row["foreign_keys"], foreign_keys)
        if all(getattr(child, child_model._meta.get_field(name).attname) for name in row["foreign_keys"]):
            children.append(child)
    return children


def _free_slug(parent: Page, slug: str, suffix: str) -> str:
    taken = set(parent.get_children().values_list("slug", flat=True))
    candidate, number = slug, 1
    while candidate in taken:
        candidate = f"{slug}-{suffix}" + (f"-{number}" if number > 1 else "")
        number += 1
    return candidate


def copy_page(merge: ProvinceMerge, source: PageSnapshot, parent: Page, foreign_keys: ForeignKeyMap | None = None):
    """Create `source` under `parent` (target schema), published if it was, with a 301 from its old
    path; return the copy. A page copied by an earlier run is returned as it is."""
    done = merge.moved("page", source.pk)
    if done:
        return Page.objects.get(pk=done).specific
    foreign_keys = foreign_keys or {}
    page, links = source.model(), Links(merge)
    _apply(links, page, source.values, source.foreign_keys, foreign_keys)
    page.slug = _free_slug(parent, page.slug, merge.source.slug)
    for accessor, rows in source.children.items():
        setattr(page, accessor, _child_rows(links, page, accessor, rows, foreign_keys))
    for name, ids in source.many_to_many.items():
        moved = _moved_pages(links, ids)
        setattr(page, name, list(page._meta.get_field(name).related_model.objects.filter(pk__in=moved)))
    parent.add_child(instance=page)
    revision = page.save_revision()
    if source.values.get("live"):
        revision.publish()
    merge.remember("page", source.pk, page.pk)
    if links.missing:  # a link to a page copied later: the last step (relink_pages) sets it
        merge.remember(RELINK, source.pk, page.pk)
    redirect_old_path(source.old_path, page=page)
    return page


# What `copy_page` remembers for a copy with a link, a page key or a related page not copied yet.
RELINK = "page.relink"


def relink_pages(merge: ProvinceMerge) -> int:
    """The second pass, once every page is copied: the copies that linked to a page not copied yet
    read their source again, and their links (rich text, StreamFields, keys to pages, related pages,
    and the inline rows that hold any) are set from the whole map of old to new ids. A link to a page
    that never came over (a plain content page) is replaced by its text, or emptied, and reported, one
    line per copy, for the board to fix."""
    pending = dict(merge.record.objects_moved.filter(kind=RELINK).values_list("source_id", "target_id"))
    with merge.in_source():
        sources = [snapshot(page) for page in Page.objects.filter(pk__in=pending).specific()]
    dropped: dict[int, tuple[str, list[int]]] = {}
    for source in sources:
        page, links = Page.objects.get(pk=pending[source.pk]).specific, Links(merge, final=True)
        link_values = {
            name: value
            for name, value in source.values.items()
            if isinstance(page._meta.get_field(name), RichTextField | StreamField)
        }
        page_keys = {name: key for name, key in source.foreign_keys.items() if issubclass(key[0], Page)}
        _apply(links, page, link_values, page_keys, {})
        for name, ids in source.many_to_many.items():
            moved = _moved_pages(links, ids)
            getattr(page, name).set(page._meta.get_field(name).related_model.objects.filter(pk__in=moved))
        for accessor, rows in source.children.items():
            if _has_links(getattr(page, accessor).model):
                setattr(page, accessor, _child_rows(links, page, accessor, rows, {}))
        revision = page.save_revision(clean=False)
        if page.live:
            revision.publish()
        else:
            page.save()
        merge.record.objects_moved.filter(kind=RELINK, source_id=source.pk).delete()
        if links.dropped:
            dropped[page.pk] = (f"trang «{page.title}»", list(dict.fromkeys(links.dropped)))
    merge.report(f"Liên kết giữa các trang đã chuyển: {len(sources)} trang được cập nhật")
    _report_dropped_links(merge, dropped)
    return len(sources)


def _report_dropped_links(merge: ProvinceMerge, dropped: dict[int, tuple[str, list[int]]]) -> None:
    """One line per copy that linked to pages that do not move, naming them, for the board to fix."""
    if not dropped:
        return
    with merge.in_source():
        titles = dict(
            Page.objects.filter(pk__in={pk for _, ids in dropped.values() for pk in ids}).values_list("pk", "title")
        )
    for label, ids in dropped.values():
        names = ", ".join(f"«{titles.get(pk, pk)}»" for pk in ids)
        merge.report(
            f"Cần sửa liên kết: {label} liên kết tới {names} (trang không được chuyển); liên kết đã được thay bằng chữ"
        )


def relink_rich_text_rows(
    merge: ProvinceMerge, relink: str, model: type[models.Model], field_name: str, label: Callable[[Any], str]
) -> int:
    """The second pass for rows that are not pages (a Q&A answer): the copies remembered under the kind
    `relink` read their rich text `field_name` again in the source and resolve it from the whole map of
    old to new pages, as `relink_pages` does; `label(row)` names a row in the report."""
    pending = dict(merge.record.objects_moved.filter(kind=relink).values_list("source_id", "target_id"))
    if not pending:
        return 0
    with merge.in_source():
        sources = dict(model.objects.filter(pk__in=pending).values_list("pk", field_name))
    dropped: dict[int, tuple[str, list[int]]] = {}
    for source_pk, html in sources.items():
        row, links = model.objects.get(pk=pending[source_pk]), Links(merge, final=True)
        setattr(row, field_name, links.rich_text(html))
        row.save(update_fields=[field_name])
        merge.record.objects_moved.filter(kind=relink, source_id=source_pk).delete()
        if links.dropped:
            dropped[row.pk] = (label(row), list(dict.fromkeys(links.dropped)))
    _report_dropped_links(merge, dropped)
    return len(sources)


def redirect_old_path(old_path: str, *, page: Page | None = None, link: str = "") -> None:
    """A 301 in the receiving site from a path of the absorbed site (any host of the schema)."""
    Redirect.objects.update_or_create(
        site=None,
        old_path=Redirect.normalise_path(old_path),
        defaults={"redirect_page": page, "redirect_link": link, "is_permanent": True},
    )


def destination(merge: ProvinceMerge, section: PageSnapshot) -> Page:
    """Where the pages of a source section go: the receiving site's section of the same type, or
    (mode "archive") a copy of the section under the archive page."""
    if merge.archive_root is None:
        existing = section.model.objects.first()
        if existing is None:
            raise LookupError(f"{merge.target} không có mục {section.model._meta.verbose_name}.")
        merge.remember("page", section.pk, existing.pk)
        return existing
    return copy_page(merge, section, merge.archive_root)


def _national_copy_redirected(page: PageSnapshot) -> bool:
    """A copy of a national item (SyndicatedCopyMixin) is not moved: the receiving province has its
    own copy, and the old address leads to it."""
    key = page.values.get("syndication_key")
    if not key:
        return False
    national = page.model.objects.filter(syndication_key=key).first()
    if national:
        redirect_old_path(page.old_path, page=national)
    return True


def copy_sections(
    merge: ProvinceMerge,
    index_model: type[Page],
    label: str,
    foreign_keys: ForeignKeyMap | None = None,
    prepare: Callable[[PageSnapshot], PageSnapshot] = lambda page: page,
) -> int:
    """Every section of `index_model` in the source, with its pages, into the target; one report line.

    `prepare` may change a page before it is written (a label). Copies of national items stay out."""
    with merge.in_source():
        sections = [
            (snapshot(section), [snapshot(child) for child in section.get_children().order_by("path")])
            for section in index_model.objects.all()
        ]
    moved = 0
    for section, children in sections:
        parent = destination(merge, section)
        local = [child for child in children if not _national_copy_redirected(child)]
        for child in map(prepare, local):
            copy_page(merge, child, parent, foreign_keys)
            moved += 1
    merge.report(f"{label}: {moved} trang → {merge.target}")
    return moved


def _merged_file_name(merge: ProvinceMerge, model: type[models.Model], name: str) -> str:
    """The name of the file's copy. One too long for the column is saved again under a shorter name
    (or, when there is no copy to save — a dry run, a file already missing —, just shortened)."""
    merged, file_field = merge.file_name(name), model._meta.get_field("file")
    if len(merged) <= file_field.max_length:
        return merged
    short = merge.file_name(Path(name).name)
    if not file_field.storage.exists(merged):
        path = Path(short)
        return str(path.with_stem(path.stem[: file_field.max_length - len(short) - 1]))
    with file_field.storage.open(merged) as content:
        return file_field.storage.save(short, content, max_length=file_field.max_length)


def copy_media(merge: ProvinceMerge, model: type[models.Model], kind: str, label: str) -> None:
    """Every image or document row of the source, pointing at its copied file, in the root collection."""
    with merge.in_source():
        rows = [(row.pk, *_row_values(row, {"collection", "uploaded_by_user"})) for row in model.objects.all()]
    collection = Collection.get_first_root_node()
    moved = 0
    for pk, values, _keys in rows:
        if merge.moved(kind, pk):
            continue
        item = model(**{**values, "file": _merged_file_name(merge, model, values["file"])}, collection=collection)
        item.save()
        merge.remember(kind, pk, item.pk)
        moved += 1
    merge.report(f"{label}: {moved} tệp → {merge.target}")
