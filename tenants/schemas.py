"""Helpers that answer "which schema are we in?" and keep page types and admin views in theirs."""

from __future__ import annotations

from functools import wraps

from django.db import connection
from django.http import Http404
from django_tenants.utils import get_public_schema_name


def in_public_schema() -> bool:
    return connection.schema_name == get_public_schema_name()


def current_province():
    """The Province whose schema the connection is in.

    A request or a tenant task sets the Province itself; `schema_context` (management commands,
    scripts) sets only a stand-in with the schema name, so the row is fetched then.
    """
    from tenants.models import Province

    tenant = getattr(connection, "tenant", None)
    if isinstance(tenant, Province):
        return tenant
    return Province.objects.get(schema_name=connection.schema_name)


def public_schema_only(view):
    """Decorate a view so that it exists only on the central (public-schema) host."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not in_public_schema():
            raise Http404("Chỉ có trên trang quản trị Trung ương.")
        return view(request, *args, **kwargs)

    return wrapped


def province_schema_only(view):
    """Decorate a view so that it exists only on a province host (not on the central one)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if in_public_schema():
            raise Http404("Chỉ có trên trang quản trị của tỉnh.")
        return view(request, *args, **kwargs)

    return wrapped


class ProvincePageMixin:
    """Page types whose tables exist only in province schemas cannot be created centrally."""

    @classmethod
    def can_create_at(cls, parent) -> bool:
        return not in_public_schema() and super().can_create_at(parent)


class CentralPageMixin:
    """Page types whose tables exist only in the public schema cannot be created in a province."""

    @classmethod
    def can_create_at(cls, parent) -> bool:
        return in_public_schema() and super().can_create_at(parent)
