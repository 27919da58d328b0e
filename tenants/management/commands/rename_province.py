"""manage.py rename_province CODE [--name …] [--code …] [--slug …] [--domain HOST …]: đổi tên tỉnh."""

from django.core.management.base import BaseCommand, CommandError

from tenants.merging import MergeError, rename_province


class Command(BaseCommand):
    help = "Đổi tên, mã, slug hoặc tên miền của một tỉnh; các tên miền cũ chuyển hướng 301 về tên miền chính mới."

    def add_arguments(self, parser):
        parser.add_argument("code", help="Mã hiện tại của tỉnh")
        parser.add_argument("--name", default="", help="Tên chính thức mới, vd. Tỉnh Tuyên Quang")
        parser.add_argument("--short-name", default="")
        parser.add_argument("--office-name", default="")
        parser.add_argument("--code", dest="new_code", default="", help="Mã mới")
        parser.add_argument("--slug", default="")
        parser.add_argument(
            "--domain", action="append", dest="domains", default=[], help="Tên miền mới; cái đầu tiên là tên miền chính"
        )

    def handle(self, *args, **options):
        try:
            province = rename_province(
                options["code"],
                name=options["name"],
                short_name=options["short_name"],
                office_name=options["office_name"],
                new_code=options["new_code"],
                slug=options["slug"],
                domains=options["domains"],
                report=lambda line: self.stdout.write(f"  {line}"),
            )
        except MergeError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Đã cập nhật {province}."))
