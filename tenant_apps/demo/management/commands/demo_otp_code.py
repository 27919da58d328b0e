from django.core.management.base import BaseCommand

from tenant_apps.demo.services import demo_authenticator_code


class Command(BaseCommand):
    help = "In mã xác thực hai bước hiện tại của các tài khoản admin mẫu (make run); mã đổi sau mỗi 30 giây."

    def handle(self, *args, **options):
        self.stdout.write(demo_authenticator_code())
