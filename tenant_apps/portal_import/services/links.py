"""Old files brought in as Wagtail images and documents, old URLs redirected to what they became,
and links between imported pages pointed at the new pages."""

from __future__ import annotations

import hashlib
import io
import posixpath
from urllib.parse import urlsplit

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PillowImage
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

from ..extraction import FILE_EXTENSIONS, Picture, extension
from ..models import ImportedItem
from ..richtext import relink
from ..sources import Unavailable
from .common import BATCH_SIZE, PAGE_KINDS, Kind


class FilesAndLinks:
    """Files, redirects and links (mixed into `PortalImporter`, whose source, site and run it uses)."""

    def links_for(self, urls: list[str]) -> dict[str, tuple[str, int]]:
        """The imported pages and files that old URLs now are, for a page's links: pages in one query."""
        ours = {url for url in urls if urlsplit(url).netloc == self.old_host}
        files = {url for url in ours if extension(url) in FILE_EXTENSIONS}
        found = {url: ("document", document.pk) for url in files if (document := self.document_for(url, ""))}
        if pages := ours - files:
            imported = ImportedItem.objects.filter(url__in=pages, kind__in=PAGE_KINDS).values_list("url", "object_id")
            found.update((url, ("page", object_id)) for url, object_id in imported)
        return found

    def image_for(self, picture: Picture):
        return self.file_for(picture.src, Kind.IMAGE, picture.alt or picture.caption)

    def document_for(self, url: str, title: str):
        return self.file_for(url, Kind.FILE, title)

    def file_for(self, url: str, kind: str, title: str):
        """The Wagtail image or document for an old file URL: known, already here (same SHA-1), or fetched."""
        model = get_image_model() if kind == Kind.IMAGE else get_document_model()
        known = ImportedItem.objects.filter(url=url).first()
        if known and known.kind == kind and (found := model.objects.filter(pk=known.object_id).first()):
            return found
        try:
            fetched = self.source.fetch(url)
        except Unavailable:
            return None
        if fetched.status >= 400 or not fetched.content:
            return None
        digest = hashlib.sha1(fetched.content).hexdigest()
        obj = model.objects.filter(file_hash=digest).order_by("pk").first()
        if obj is None:
            name = posixpath.basename(urlsplit(url).path) or "tep"
            title = (title or name)[:255]
            if kind == Kind.IMAGE:
                try:
                    PillowImage.open(io.BytesIO(fetched.content)).verify()
                except Exception:
                    return None
                file = ImageFile(io.BytesIO(fetched.content), name=name)
                obj = model(title=title, file=file, collection=self.root_collection)
            else:
                obj = model(title=title, file=ContentFile(fetched.content, name=name), collection=self.root_collection)
            obj.file_hash, obj.file_size = digest, len(fetched.content)
            obj.save()
        new_url = obj.file.url if kind == Kind.IMAGE else obj.url
        fields = {"kind": kind, "object_id": obj.pk, "new_url": new_url, "content_hash": digest, "run_id": self.run.pk}
        self.redirect({url}, self.remember(known, url, fields))
        return obj

    @staticmethod
    def remember(known: ImportedItem | None, url: str, fields: dict) -> ImportedItem:
        """What the old URL became, recorded (the row of an earlier run updated, else a new one)."""
        if known is None:
            return ImportedItem.objects.create(url=url, **fields)
        for name, value in fields.items():
            setattr(known, name, value)
        known.save(update_fields=[*fields, "updated_at"])
        return known

    def redirect(self, urls: set[str], item: ImportedItem) -> None:
        """A permanent redirect from each old path to the item's new page or file; written with the batch
        (`save_redirects`) once the page that made it is written."""
        for url in urls:
            parts = urlsplit(url)
            old_path = Redirect.normalise_path(parts.path + (f"?{parts.query}" if parts.query else ""))
            if old_path == Redirect.normalise_path(item.new_url):
                continue
            target = (
                {"redirect_page_id": item.object_id, "redirect_link": ""}
                if item.kind in PAGE_KINDS
                else {"redirect_page_id": None, "redirect_link": item.new_url}
            )
            self.page_redirects[old_path] = Redirect(site=self.site, old_path=old_path, is_permanent=True, **target)

    def save_redirects(self) -> None:
        """The batch's redirects in one statement: new old paths added, known ones pointed at their new target."""
        if self.pending_redirects:
            Redirect.objects.bulk_create(
                list(self.pending_redirects.values()),
                update_conflicts=True,
                unique_fields=["old_path", "site"],
                update_fields=["is_permanent", "redirect_page", "redirect_link"],
            )
        self.pending_redirects.clear()

    def relink_pages(self) -> None:
        """Point links between imported pages that were written before their target existed, a batch at a
        time. Only link targets change, not the words, so the rich text is updated in place (no page save,
        no search indexing) and its references recorded; a page that editors have given revisions gets a
        new live revision, as on update."""
        remaining = ImportedItem.objects.filter(has_old_links=True).order_by("pk")
        last_pk = 0
        while batch := list(remaining.filter(pk__gt=last_pk)[:BATCH_SIZE]):
            last_pk = batch[-1].pk
            with transaction.atomic():
                self.pending_redirects.clear()
                for item in batch:
                    self.page_redirects.clear()
                    self.relink(item)
                    self.pending_redirects.update(self.page_redirects)
                self.save_redirects()

    def relink(self, item: ImportedItem) -> None:
        obj = self.existing_object(item, item.kind)
        if obj is None:
            return
        field = "answer" if item.kind == Kind.QUESTION else "body"
        html, old_links = relink(getattr(obj, field), old_host=self.old_host, links_for=self.links_for)
        if html is not None:
            setattr(obj, field, html)
            if isinstance(obj, Page) and obj.latest_revision_id:
                self.save_live(obj)
            else:
                type(obj).objects.filter(pk=obj.pk).update(**{field: html})
        ReferenceIndex.create_or_update_for_object(obj)  # the writer leaves it here for items with old links
        if not old_links:
            ImportedItem.objects.filter(pk=item.pk).update(has_old_links=False)
