"""manage.py backup_province CODE [--output FILE]: one archive of a province's schema and files."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tenants.backups import BackupError, backup_province


class Command(BaseCommand):
    help = "Sao lưu một tỉnh/thành phố (schema, tệp media, tệp riêng tư) vào một tệp .tar.gz."

    def add_arguments(self, parser):
        parser.add_argument("code", help="Mã đơn vị hành chính, vd. 01")
        parser.add_argument("--output", type=Path, help="Tệp .tar.gz; mặc định trong BACKUP_DIR")

    def handle(self, *args, **options):
        try:
            result = backup_province(options["code"], options["output"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        counts = result.manifest["counts"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã sao lưu schema «{result.manifest['schema']}» ({counts['pages']} trang, "
                f"{counts['documents']} tài liệu) vào {result.path}"
            )
        )
