"""The news app's steps for the kernel's hook points (tenants/steps.py): what a province archive counts."""

from wagtail import hooks

from tenants.steps import PROVINCE_BACKUP_CONTENTS

from .models import NewsPage


@hooks.register(PROVINCE_BACKUP_CONTENTS, order=100)
def count_news_articles() -> dict[str, int]:
    return {"news_articles": NewsPage.objects.count()}
