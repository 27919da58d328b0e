"""The pages app's steps for the kernel's hook points (tenants/steps.py).

- A province restored in place: its content version is bumped, so no fragment cached from the site it
  replaced (a link to an article the archive does not have) is shown again.
- A province merged into another: the archive section (mode "archive") and the absorbed images and
  documents, which every later step's pages may point at; and, once every page is copied, the links
  between them that pointed at a page copied later.
"""

from django.utils.text import slugify
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site

from tenants.models import Province
from tenants.steps import MERGE_PROVINCES, PROVINCE_RESTORED, ProvinceMerge

from . import fragments
from .merging import copy_media, relink_pages
from .models import ContentPage

ARCHIVE = "archive"


@hooks.register(PROVINCE_RESTORED, order=100)
def forget_fragments_of_the_replaced_site(province: Province) -> None:
    fragments.content_changed(province.schema_name)


@hooks.register(MERGE_PROVINCES, order=100)
def create_archive_section(merge: ProvinceMerge) -> None:
    if merge.mode != ARCHIVE:
        return
    done = merge.moved(ARCHIVE, merge.source.pk)
    if done:
        merge.archive_root = ContentPage.objects.get(pk=done)
        return
    title = f"Lưu trữ {merge.source_label}"
    archive = ContentPage(title=title, slug=slugify(f"luu-tru-{merge.source.slug}"), body="")
    Site.objects.get(is_default_site=True).root_page.add_child(instance=archive)
    archive.save_revision().publish()
    merge.remember(ARCHIVE, merge.source.pk, archive.pk)
    merge.archive_root = archive
    merge.report(f"Mục lưu trữ: {title}")


@hooks.register(MERGE_PROVINCES, order=101)
def move_images(merge: ProvinceMerge) -> None:
    copy_media(merge, get_image_model(), "image", "Ảnh")


@hooks.register(MERGE_PROVINCES, order=102)
def move_documents(merge: ProvinceMerge) -> None:
    copy_media(merge, get_document_model(), "document", "Tệp tài liệu")


@hooks.register(MERGE_PROVINCES, order=190)
def relink_moved_pages(merge: ProvinceMerge) -> None:
    """After every step that copies pages (orders 100–189): the links to pages copied later."""
    relink_pages(merge)
