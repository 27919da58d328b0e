"""Read queries about provinces, shared by views, templates and commands."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet

from .models import Domain, Province


def provinces_with_domains() -> QuerySet[Province]:
    """Every province (not the central office), with its domains in one extra query."""
    return (
        Province.objects.exclude(code="")
        .prefetch_related(Prefetch("domains", queryset=Domain.objects.order_by("-is_primary", "domain")))
        .order_by("code")
    )


def active_provinces_with_primary_domain() -> QuerySet[Province]:
    return provinces_with_domains().filter(status=Province.Status.ACTIVE)


def central_office() -> Province | None:
    return Province.objects.filter(code="").order_by("pk").first()
