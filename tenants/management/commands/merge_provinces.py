"""manage.py merge_provinces ABSORBED INTO [--dry-run] [--archive] [--remove-schema]: sáp nhập tỉnh."""

from django.core.management.base import BaseCommand, CommandError

from tenants.backups import BackupError
from tenants.merging import DRY_RUN_DONE, MergeError, merge_provinces, remove_merged_schema
from tenants.models import ProvinceMergeRecord


class Command(BaseCommand):
    help = (
        "Sáp nhập tỉnh ABSORBED vào tỉnh INTO: tin, văn bản, thủ tục, hỏi đáp, cơ quan, yêu cầu dịch vụ công, "
        "ảnh và tệp, tên miền (301), "
        "tài khoản (chưa kích hoạt). Chạy lại sau khi lỗi để hoàn tất. Schema cũ chỉ bị xoá với --remove-schema."
    )

    def add_arguments(self, parser):
        parser.add_argument("absorbed", help="Mã tỉnh bị sáp nhập")
        parser.add_argument("into", help="Mã tỉnh nhận")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ cho biết những gì sẽ chuyển; không thay đổi gì")
        parser.add_argument(
            "--archive", action="store_true", help="Đưa nội dung vào một mục lưu trữ riêng thay vì các chuyên mục"
        )
        parser.add_argument(
            "--remove-schema",
            action="store_true",
            help="Xác nhận lần hai: sao lưu rồi xoá schema và tệp của tỉnh đã sáp nhập",
        )

    def handle(self, *args, **options):
        write = lambda line: self.stdout.write(f"  {line}")  # noqa: E731
        try:
            if options["remove_schema"]:
                remove_merged_schema(options["absorbed"], report=write)
                self.stdout.write(self.style.SUCCESS("Đã xoá schema của tỉnh đã sáp nhập (bản sao lưu ở trên)."))
                return
            mode = ProvinceMergeRecord.Mode.ARCHIVE if options["archive"] else ProvinceMergeRecord.Mode.SECTIONS
            result = merge_provinces(
                options["absorbed"], options["into"], mode=mode, dry_run=options["dry_run"], report=write
            )
        except (MergeError, BackupError) as error:
            raise CommandError(str(error)) from error
        if result.dry_run:
            self.stdout.write(self.style.WARNING(DRY_RUN_DONE))
        else:
            self.stdout.write(self.style.SUCCESS(f"Đã sáp nhập {result.record}."))
