"""manage.py import_portal <province> <source>: import (or resume importing) an old portal."""

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from tenants.models import Province

from ...services import request_run, run_import


class Command(BaseCommand):
    help = "Nhập tin, văn bản, hỏi đáp và trang từ cổng thông tin cũ của một tỉnh (chạy lại để cập nhật, tiếp tục)."

    def add_arguments(self, parser):
        parser.add_argument("province", help="Mã (01) hoặc slug (ha-noi) của tỉnh")
        parser.add_argument("source", help="https://… (cổng đang chạy), tệp .warc/.warc.gz, hoặc thư mục trang HTML")
        parser.add_argument("--base-url", default="", help="Địa chỉ gốc của cổng cũ (bắt buộc với thư mục)")
        parser.add_argument("--old-domain", default="", help="Tên miền cũ, gắn vào tỉnh để chuyển hướng 301")
        parser.add_argument("--delay", type=float, default=1.0, help="Giây giữa hai yêu cầu tới cổng cũ")

    def handle(self, *args, province, source, base_url, old_domain, delay, **options):
        found = Province.objects.exclude(code="").filter(Q(code=province) | Q(slug=province)).first()
        if found is None:
            raise CommandError(f"Không có tỉnh «{province}».")
        run, created = request_run(
            found, source, base_url=base_url, old_domain=old_domain, delay_seconds=delay, requested_by="manage.py"
        )
        self.stdout.write(f"{'Lượt mới' if created else 'Tiếp tục lượt'} #{run.pk}: {found} ← {source}")
        run = run_import(run, report=self.stdout.write)
        self.stdout.write(run.report)
        if run.status != run.Status.FINISHED:
            raise CommandError(run.error)
