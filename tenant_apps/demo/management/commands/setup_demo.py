from django.core.management.base import BaseCommand

from tenant_apps.demo.services import DEMO_PASSWORD, setup_demo


class Command(BaseCommand):
    help = "Tạo (hoặc bổ sung) trang Trung ương và các tỉnh mẫu; chạy lại nhiều lần vẫn an toàn."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args, **options):
        urls = setup_demo(report=lambda line: self.stdout.write(f"  {line}"))
        port = options["port"]
        self.stdout.write(self.style.SUCCESS("\nNền tảng BHXH đã sẵn sàng:"))
        for label, host in urls:
            self.stdout.write(f"  {label:<14} http://{host}:{port}/   quản trị: http://{host}:{port}/admin/")
        self.stdout.write(f"  Đăng nhập mẫu: admin / {DEMO_PASSWORD} (mỗi trang một tài khoản riêng)")
