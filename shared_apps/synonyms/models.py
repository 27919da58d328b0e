"""Từ đồng nghĩa toàn ngành — the synonym bank the central office keeps for every province's search.

Its table lives in the public schema only; a province's search reads it through the search path
and adds the province's own groups (tenant_apps.search.models.SynonymGroup).
"""

from django.utils.translation import gettext_lazy as _

from tenant_apps.search.models import SynonymGroupBase


class NationalSynonymGroup(SynonymGroupBase):
    class Meta(SynonymGroupBase.Meta):
        verbose_name = _("từ đồng nghĩa toàn ngành")
        verbose_name_plural = _("từ đồng nghĩa toàn ngành")
