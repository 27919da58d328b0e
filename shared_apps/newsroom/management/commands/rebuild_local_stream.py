"""Fill "Tin từ các địa phương" from what every province has already published (e.g. after an upgrade)."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django_tenants.utils import tenant_context

from shared_apps.newsroom.selectors import receiving_provinces
from shared_apps.newsroom.services.local_stream import record_local_article
from tenant_apps.news.models import NewsPage


class Command(BaseCommand):
    help = "Ghi lại các tin mới nhất của từng tỉnh vào luồng «Tin từ các địa phương» của trang Trung ương."

    def handle(self, *args, **options):
        keep = settings.NEWSROOM_LOCAL_STREAM_PER_PROVINCE
        for province in receiving_provinces():
            with tenant_context(province):
                newest = NewsPage.objects.live().filter(syndication_key__isnull=True).order_by("-first_published_at")
                articles = list(newest[:keep])
                for article in reversed(articles):
                    record_local_article(article)
            self.stdout.write(f"{province}: {len(articles)} tin")
