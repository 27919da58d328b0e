"""Hệ thống cơ quan: the provincial office's map position and hours, and its BHXH cơ sở offices."""

from __future__ import annotations

from decimal import Decimal

from tenant_apps.offices.models import Office, OfficeDirectoryPage

from .common import Context, Tally, set_intro_once

INDEX_INTRO = (
    "<p>Danh bạ {office} và các Bảo hiểm xã hội cơ sở. Gõ tên xã, phường (có dấu hoặc không dấu) để tìm cơ quan "
    "tiếp nhận hồ sơ của bạn.</p>"
)


def ensure_offices(directory: OfficeDirectoryPage, ctx: Context) -> Tally:
    """Add the missing local offices (by name) and complete the provincial office's blank details."""
    set_intro_once(directory, ctx.fill(INDEX_INTRO))
    profile = ctx.profile
    offices = list(directory.offices.all())
    names = {office.name for office in offices}
    changed = _complete_provincial(offices, ctx)
    tally = Tally("cơ quan", total=sum(office.kind == Office.Kind.PROVINCIAL for office in offices))
    for entry in profile.offices:
        created = entry.name not in names
        if created:
            offices.append(
                Office(
                    name=entry.name,
                    kind=Office.Kind.LOCAL,
                    address=entry.address,
                    phone=entry.phone,
                    email=entry.email,
                    working_hours=profile.working_hours,
                    latitude=Decimal(entry.latitude),
                    longitude=Decimal(entry.longitude),
                    communes="\n".join(entry.communes),
                )
            )
            changed = True
        tally.count(created)
    if changed:
        for position, office in enumerate(offices):
            office.sort_order = position
        directory.offices = offices
        directory.save_revision().publish()
    return tally


def _complete_provincial(offices: list[Office], ctx: Context) -> bool:
    """Fill the provincial office's contacts, map position and hours while still blank (onboarding may run
    before the province's contacts are known); True if anything changed."""
    provincial = next((office for office in offices if office.kind == Office.Kind.PROVINCIAL), None)
    if provincial is None or provincial.latitude is not None:
        return False
    province = ctx.province
    provincial.latitude = Decimal(ctx.profile.latitude)
    provincial.longitude = Decimal(ctx.profile.longitude)
    provincial.working_hours = ctx.profile.working_hours
    provincial.address = province.address or provincial.address
    provincial.phone = provincial.phone or province.phone
    provincial.email = provincial.email or province.email
    return True
