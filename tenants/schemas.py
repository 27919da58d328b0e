"""Helpers that answer "which schema are we in?" and keep page types and admin views in theirs.

A scope names one side of the platform: `PROVINCE` (any province's schema) or `CENTRAL` (the public
schema, the central office's). Admin screens of one side use it through `tenants.viewsets`.
"""

from __future__ import annotations

from functools import wraps
from typing import Literal

from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.http import Http404
from django_tenants.utils import get_public_schema_name

Scope = Literal["province", "central"]
PROVINCE: Scope = "province"
CENTRAL: Scope = "central"
SCOPES: tuple[Scope, ...] = (PROVINCE, CENTRAL)


def in_public_schema() -> bool:
    return connection.schema_name == get_public_schema_name()


def checked_scope(scope: Scope) -> Scope:
    if scope not in SCOPES:
        raise ImproperlyConfigured(f"Unknown scope {scope!r}; expected one of {SCOPES}.")
    return scope


def in_scope(scope: Scope) -> bool:
    """Whether the connection is on `scope`'s side."""
    return in_public_schema() == (checked_scope(scope) == CENTRAL)


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


def scope_only(scope: Scope):
    """Decorate a view so that it exists only on `scope`'s side (404 on the other).

    Decorating a view already limited to the same scope returns it unchanged.
    """
    checked_scope(scope)

    def decorator(view):
        if getattr(view, "schema_scope", None) == scope:
            return view

        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not in_scope(scope):
                raise Http404("Không có trên trang này.")
            return view(request, *args, **kwargs)

        wrapped.schema_scope = scope
        return wrapped

    return decorator


province_schema_only = scope_only(PROVINCE)


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
