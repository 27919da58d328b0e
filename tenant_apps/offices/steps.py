"""The offices app's steps for the kernel's hook points (tenants/steps.py): the offices that a merge
moves into the receiving province's directory, and the 301 from the absorbed directory's address."""

from wagtail import hooks

from tenant_apps.pages.merging import redirect_old_path, site_path
from tenants.steps import MERGE_PROVINCES, ProvinceMerge

from .models import Office, OfficeDirectoryPage

COPIED_FIELDS = ("name", "address", "phone", "email", "working_hours", "latitude", "longitude", "communes")


@hooks.register(MERGE_PROVINCES, order=150)
def move_offices(merge: ProvinceMerge) -> None:
    """The absorbed offices, after the receiving province's own, in its published directory. The
    absorbed provincial office comes over as a BHXH cơ sở: a province has one provincial office."""
    with merge.in_source():
        directory = OfficeDirectoryPage.objects.first()
        old_path = site_path(directory) if directory else ""
        offices = [
            (office.pk, {name: getattr(office, name) for name in COPIED_FIELDS})
            for office in (directory.offices.order_by("sort_order", "pk") if directory else [])
        ]
    target = OfficeDirectoryPage.objects.first()
    if directory is None or target is None:
        merge.report(f"Cơ quan: 0 cơ quan → {merge.target} (một trong hai tỉnh không có trang danh bạ cơ quan)")
        return
    merge.remember("page", directory.pk, target.pk)
    redirect_old_path(old_path, page=target)
    rows = list(target.offices.all())
    new = [Office(kind=Office.Kind.LOCAL, **values) for pk, values in offices if not merge.moved("offices.office", pk)]
    if new:
        for position, office in enumerate(rows + new):
            office.sort_order = position
        target.offices = rows + new
        target.save()  # the rows get their ids, which the revision keeps
        target.save_revision().publish()
        moved = iter(new)
        for pk, _values in offices:
            if not merge.moved("offices.office", pk):
                merge.remember("offices.office", pk, next(moved).pk)
    merge.report(f"Cơ quan: {len(new)} cơ quan → {merge.target}")
