"""manage.py onboard_province CODE [--domain HOST ...] [--bo-sung]: create a province site in one step."""

from django.core.management.base import BaseCommand, CommandError

from tenants.services import OnboardingError, administrator_invitation_link, onboard_province


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
        parser.add_argument(
            "--admin-password",
            default=None,
            help="Mặc định: không đặt; lệnh in liên kết để quản trị viên tự đặt mật khẩu (dùng một lần)",
        )
        parser.add_argument(
            "--bo-sung",
            action="store_true",
            dest="existing_ok",
            help="Tỉnh đã khởi tạo: bổ sung phần còn thiếu, kể cả tên miền và tài khoản quản trị được nêu",
        )

    def handle(self, *args, **options):
        try:
            result = onboard_province(
                options["code"],
                domains=options["domains"],
                schema_name=options["schema_name"],
                admin_username=options["admin_username"],
                admin_email=options["admin_email"],
                admin_password=options["admin_password"],
                existing_ok=options["existing_ok"],
                report=lambda line: self.stdout.write(f"  {line}"),
            )
        except OnboardingError as error:
            raise CommandError(str(error)) from error
        verb = "Đã khởi tạo" if result.created else "Đã kiểm tra, bổ sung"
        self.stdout.write(self.style.SUCCESS(f"{verb} {result.province} trong {result.seconds:.2f} giây."))
        if result.administrator and not options["admin_password"]:
            link = administrator_invitation_link(result.province, result.administrator)
            self.stdout.write(f"Liên kết đặt mật khẩu cho «{result.admin_username}» (dùng một lần): {link}")
