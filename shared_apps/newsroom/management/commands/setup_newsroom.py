"""Create the central site's national sections ("Tin toàn ngành", "Văn bản toàn ngành").

With --domain, first the central site itself (tenant row, domains, home page, administrator):
the first command on a new production server (deploy/README.md).
"""

from django.core.management.base import BaseCommand, CommandError
from django_tenants.utils import get_public_schema_name, schema_context

from shared_apps.newsroom.errors import NewsroomError
from shared_apps.newsroom.services.sections import ensure_newsroom_sections
from tenants.services import ensure_central_site


class Command(BaseCommand):
    help = "Tạo mục Tin toàn ngành và Văn bản toàn ngành trên trang Trung ương (chạy lại không sao)."

    def add_arguments(self, parser):
        parser.add_argument("--domain", action="append", dest="domains", default=[], help="Tên miền Trung ương")

    def handle(self, *args, **options):
        with schema_context(get_public_schema_name()):
            if options["domains"]:
                result = ensure_central_site(options["domains"], report=lambda line: self.stdout.write(f"  {line}"))
                if result.admin_password:
                    self.stdout.write(f"Mật khẩu quản trị (chỉ hiện một lần): {result.admin_password}")
            try:
                news, documents = ensure_newsroom_sections()
            except NewsroomError as error:
                raise CommandError(str(error)) from error
        self.stdout.write(f"Tin toàn ngành: {news.url_path}\nVăn bản toàn ngành: {documents.url_path}")
