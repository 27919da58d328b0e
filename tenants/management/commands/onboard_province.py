"""manage.py onboard_province CODE [--domain HOST ...]: create a province site in one step."""

from django.core.management.base import BaseCommand, CommandError

from tenants.services import OnboardingError, onboard_province


class Command(BaseCommand):
    help = "Khởi tạo trang thông tin điện tử cho một tỉnh/thành phố (mã hoặc slug trong danh mục)."

    def add_arguments(self, parser):
        parser.add_argument("code", help="Mã đơn vị hành chính (vd. 01) hoặc slug (vd. hanoi)")
        parser.add_argument(
            "--domain",
            action="append",
            dest="domains",
            default=[],
            help="Tên miền; lặp lại để thêm nhiều. Mặc định <slug>.PLATFORM_BASE_DOMAIN",
        )
        parser.add_argument("--schema", dest="schema_name", default=None)
        parser.add_argument("--admin-username", default="admin")
        parser.add_argument("--admin-email", default="")
        parser.add_argument("--admin-password", default=None, help="Mặc định: sinh ngẫu nhiên và in ra một lần")

    def handle(self, *args, **options):
        try:
            result = onboard_province(
                options["code"],
                domains=options["domains"],
                schema_name=options["schema_name"],
                admin_username=options["admin_username"],
                admin_email=options["admin_email"],
                admin_password=options["admin_password"],
                report=lambda line: self.stdout.write(f"  {line}"),
            )
        except OnboardingError as error:
            raise CommandError(str(error)) from error
        verb = "Đã khởi tạo" if result.created else "Đã kiểm tra, bổ sung"
        self.stdout.write(self.style.SUCCESS(f"{verb} {result.province} trong {result.seconds:.2f} giây."))
        if result.admin_password:
            self.stdout.write(f"Mật khẩu của «{result.admin_username}»: {result.admin_password}")
