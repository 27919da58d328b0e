"""manage.py sync_maintenance_flags: write or remove nginx's maintenance flag files now."""

from django.core.management.base import BaseCommand

from shared_apps.operations.services import sync_maintenance_flags


class Command(BaseCommand):
    help = "Ghi hoặc xóa các tệp cờ bảo trì (MAINTENANCE_FLAG_DIR/<tên miền>) theo lịch bảo trì."

    def handle(self, *args, **options):
        changes = sync_maintenance_flags()
        for host in changes.written:
            self.stdout.write(f"  Bật trang bảo trì: {host}")
        for host in changes.removed:
            self.stdout.write(f"  Tắt trang bảo trì: {host}")
        self.stdout.write(self.style.SUCCESS(f"Đã đồng bộ: {len(changes.written)} bật, {len(changes.removed)} tắt."))
