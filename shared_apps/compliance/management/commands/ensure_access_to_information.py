"""Add the "Tiếp cận thông tin" section (NĐ 13/2018 Điều 11) to every province site that lacks it.

New provinces get it at onboarding (tenant_apps/home/site_tree.py); this brings existing ones up
to date. Idempotent: a site that has the section, as its board edited it, is left alone.
"""

from django.core.management.base import BaseCommand
from django_tenants.utils import tenant_context

from tenant_apps.home.models import HomePage
from tenant_apps.home.site_tree import ensure_access_to_information_section
from tenants.selectors import provinces_with_domains


class Command(BaseCommand):
    help = "Thêm chuyên mục «Tiếp cận thông tin» cho mọi tỉnh chưa có."

    def handle(self, *args, **options):
        for province in provinces_with_domains():
            with tenant_context(province):
                home = HomePage.objects.first()
                if home is None:
                    continue
                page = ensure_access_to_information_section(home, province)
                self.stdout.write(f"{province}: {page.url_path}")
