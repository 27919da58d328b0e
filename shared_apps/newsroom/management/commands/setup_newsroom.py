"""Create the central site's national sections ("Tin toàn ngành", "Văn bản toàn ngành")."""

from django.core.management.base import BaseCommand, CommandError
from django_tenants.utils import get_public_schema_name, schema_context

from shared_apps.newsroom.services import NewsroomError, ensure_newsroom_sections


class Command(BaseCommand):
    help = "Tạo mục Tin toàn ngành và Văn bản toàn ngành trên trang Trung ương (chạy lại không sao)."

    def handle(self, *args, **options):
        with schema_context(get_public_schema_name()):
            try:
                news, documents = ensure_newsroom_sections()
            except NewsroomError as error:
                raise CommandError(str(error)) from error
        self.stdout.write(f"Tin toàn ngành: {news.url_path}\nVăn bản toàn ngành: {documents.url_path}")
