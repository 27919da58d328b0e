"""manage.py restore_province CODE FILE [--schema NEW] [--replace]: restore a province archive."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tenants.backups import BackupError, restore_province


class Command(BaseCommand):
    help = (
        "Khôi phục bản sao lưu của một tỉnh/thành phố. Không có --schema: khôi phục tại chỗ và trỏ tỉnh vào "
        "schema đó; có --schema: tạo bản sao trong schema mới. Không ghi đè schema đã có nếu thiếu --replace."
    )

    def add_arguments(self, parser):
        parser.add_argument("code", help="Mã đơn vị hành chính, vd. 01")
        parser.add_argument("file", type=Path, help="Tệp .tar.gz do backup_province tạo")
        parser.add_argument("--schema", dest="schema_name", help="Khôi phục vào schema mới có tên này")
        parser.add_argument("--replace", action="store_true", help="Cho phép ghi đè schema đã tồn tại")

    def handle(self, *args, **options):
        try:
            result = restore_province(
                options["code"], options["file"], schema_name=options["schema_name"], replace=options["replace"]
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        counts = result.counts
        where = f" cho {result.province}" if result.province else " (bản sao, không gắn tên miền)"
        self.stdout.write(
            self.style.SUCCESS(
                f"Đã khôi phục schema «{result.schema_name}»{where}: {counts['pages']} trang, "
                f"{counts['documents']} tài liệu."
            )
        )
