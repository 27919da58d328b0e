from django.core.management.base import BaseCommand

from tenant_apps.demo.services import DEMO_PASSWORD, setup_demo
from tenants.urls import base_url_for_host


class Command(BaseCommand):
    help = "Tạo (hoặc bổ sung) trang Trung ương và các tỉnh mẫu; chạy lại nhiều lần vẫn an toàn."

    def handle(self, *args, **options):
        urls = setup_demo(report=lambda line: self.stdout.write(f"  {line}"))
        self.stdout.write(self.style.SUCCESS("\nNền tảng BHXH đã sẵn sàng:"))
        for label, host in urls:
            site = base_url_for_host(host)
            self.stdout.write(f"  {label:<14} {site}/   quản trị: {site}/admin/")
        self.stdout.write(f"  Đăng nhập mẫu: admin / {DEMO_PASSWORD} (mỗi trang một tài khoản riêng)")
