"""manage.py backup_platform [--output FILE]: the whole database (pg_dump -Fc) and every media folder."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tenants.backups import BackupError, backup_platform


class Command(BaseCommand):
    help = "Sao lưu toàn bộ hệ thống: cơ sở dữ liệu (pg_dump -Fc) và mọi thư mục tệp, vào một tệp .tar.gz."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="Tệp .tar.gz; mặc định trong BACKUP_DIR")

    def handle(self, *args, **options):
        try:
            result = backup_platform(options["output"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        provinces = len(result.manifest["provinces"])
        self.stdout.write(self.style.SUCCESS(f"Đã sao lưu toàn hệ thống ({provinces} tỉnh) vào {result.path}"))
