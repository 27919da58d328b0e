"""The demo app's own steps for `tenants.steps.DEMO_PROVINCE` (the content of each section, in menu order) and
`DEMO_CENTRAL_SITE` (national news every demo province receives).

Each returns a Tally, whose line `setup_demo` prints. Other apps register theirs the same way.
"""

from wagtail import hooks

from tenants.steps import DEMO_CENTRAL_SITE, DEMO_PROVINCE, Reporter

from .content.about import ensure_introduction
from .content.board import ensure_back_office
from .content.common import Context, Tally
from .content.documents import ensure_documents
from .content.national import ensure_national_news
from .content.news import ensure_news
from .content.offices import ensure_offices
from .content.procedures import ensure_procedures
from .content.services import ensure_service_requests


@hooks.register(DEMO_PROVINCE, order=100)
def news(ctx: Context) -> Tally:
    return ensure_news(ctx.section("tin-tuc"), ctx)


@hooks.register(DEMO_PROVINCE, order=110)
def documents(ctx: Context) -> Tally:
    return ensure_documents(ctx.section("van-ban"), ctx)


@hooks.register(DEMO_PROVINCE, order=120)
def procedures(ctx: Context) -> Tally:  # after the documents: their legal basis links them
    return ensure_procedures(ctx.section("thu-tuc-hanh-chinh"), ctx)


@hooks.register(DEMO_PROVINCE, order=130)
def offices(ctx: Context) -> Tally:
    return ensure_offices(ctx.section("he-thong-co-quan"), ctx)


@hooks.register(DEMO_PROVINCE, order=140)
def introduction(ctx: Context) -> Tally:
    return ensure_introduction(ctx.section("gioi-thieu"), ctx)


@hooks.register(DEMO_PROVINCE, order=150)
def service_requests(ctx: Context) -> Tally:
    return ensure_service_requests(ctx.section("dich-vu-cong"), ctx)


@hooks.register(DEMO_PROVINCE, order=160)
def back_office(ctx: Context) -> Tally:  # after the news: royalties name the newest articles
    return ensure_back_office(ctx)


@hooks.register(DEMO_CENTRAL_SITE, order=220)  # after the newsroom's sections (200) and region groups (210)
def national_news(report: Reporter) -> None:
    report(f"Nội dung mẫu Trung ương: {ensure_national_news()}")
