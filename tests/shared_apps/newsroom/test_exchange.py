"""News exchange: a province nominates its article, the centre accepts (crediting it) or declines with a reason."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django_tenants.utils import get_public_schema_name, schema_context
from wagtail_factories import ImageFactory

from shared_apps.newsroom.models import Delivery, Nomination, SyndicatedItem
from shared_apps.newsroom.pages.models import NationalNewsPage
from shared_apps.newsroom.services.delivery import deliver_national_item
from shared_apps.newsroom.services.exchange import nominate_article
from tenant_apps.news.models import NewsIndexPage, NewsPage
from tests.conftest import sign_in
from tests.factories import NewsPageFactory, UserFactory

from .helpers import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def central_admin(central_client):
    return sign_in(central_client)


def _editor(site, username="bientap"):
    with site.context():
        UserFactory(username=username, groups=[Group.objects.get(name="Biên tập viên")])
    return site.signed_in_client(username)


def _article(site, **kwargs) -> NewsPage:
    with site.context():
        return publish(NewsPageFactory(parent=NewsIndexPage.objects.get(), **kwargs))


def _nomination(site, article, note="") -> Nomination:
    with site.context():
        return nominate_article(article, note=note, username="bientap")


def test_an_editor_nominates_a_published_article_and_the_centre_finds_it_in_its_inbox(hanoi, central_admin):
    article = _article(hanoi, title="Hà Nội chi trả lương hưu qua tài khoản đạt 90%", author="Lê Minh")
    editor = _editor(hanoi)

    form = editor.get(f"/admin/gui-tin-trung-uong/de-xuat/?bai={article.pk}")
    assert form.status_code == 200 and "Hà Nội chi trả lương hưu qua tài khoản đạt 90%" in form.content.decode()
    response = editor.post("/admin/gui-tin-trung-uong/de-xuat/", {"article": article.pk, "note": "Đề nghị đăng."})

    assert response.status_code == 302 and response["Location"] == "/admin/gui-tin-trung-uong/"
    nomination = Nomination.objects.get()
    assert (nomination.province, nomination.source_page_id, nomination.author) == (
        hanoi.province,
        article.pk,
        "Lê Minh",
    )
    assert nomination.source_url == "http://hanoi.localhost/tin-tuc/" + article.slug + "/"
    assert "Chờ xem xét" in editor.get("/admin/gui-tin-trung-uong/").content.decode()
    inbox = central_admin.get("/admin/tin-toan-nganh/de-xuat/").content.decode()
    assert "Hà Nội chi trả lương hưu qua tài khoản đạt 90%" in inbox and "Bảo hiểm xã hội thành phố Hà Nội" in inbox


def test_accepting_makes_a_national_article_that_credits_the_province(
    hanoi, central_admin, newsroom, django_capture_on_commit_callbacks
):
    with hanoi.context():
        image = ImageFactory(title="Ảnh Hà Nội", file__color="#7a3e9d", file__width=40, file__height=30)
    article = _article(
        hanoi, title="Mô hình điểm thu BHXH tự nguyện ở Hà Nội", featured_image=image, featured_image_alt="Điểm thu"
    )
    nomination = _nomination(hanoi, article)
    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            response = central_admin.post(
                f"/admin/tin-toan-nganh/de-xuat/{nomination.pk}/nhan-dang/", {"publish": "on"}
            )

        national = NationalNewsPage.objects.get(title="Mô hình điểm thu BHXH tự nguyện ở Hà Nội")
        assert response.status_code == 302 and response["Location"] == f"/admin/pages/{national.pk}/edit/"
        assert national.live and national.get_parent().pk == newsroom.news.pk
        assert national.contributed_by == "Bảo hiểm xã hội thành phố Hà Nội"
        assert national.original_url == nomination.source_url and national.author == article.author
        assert national.featured_image.file.path.startswith(f"{settings.MEDIA_ROOT}/public/")
        assert len(callbacks) >= 1  # the fan-out to every province, once committed
        nomination.refresh_from_db()
        assert (nomination.status, nomination.national_page_id) == (Nomination.Status.ACCEPTED, national.pk)
        assert "Tin của" in central_admin.get(national.url).content.decode()
        assert central_admin.get(response["Location"]).status_code == 200  # the centre edits it further
    finally:
        with schema_context(get_public_schema_name()):
            for page in NationalNewsPage.objects.filter(featured_image__isnull=False):
                page.featured_image.file.delete(save=False)
        with hanoi.context():
            image.file.delete(save=False)


def test_accepting_to_publish_says_it_was_sent_to_the_provinces(hanoi, central_admin, newsroom):
    nomination = _nomination(hanoi, _article(hanoi, title="Hà Nội cấp sổ BHXH điện tử"))
    response = central_admin.post(
        f"/admin/tin-toan-nganh/de-xuat/{nomination.pk}/nhan-dang/", {"publish": "on"}, follow=True
    )

    page = response.content.decode()
    assert "Đã nhận đăng «Hà Nội cấp sổ BHXH điện tử» và gửi tới các tỉnh." in page
    assert "bản nháp" not in page


def test_accepting_as_a_draft_says_so_and_sends_nothing(hanoi, central_admin, newsroom):
    nomination = _nomination(hanoi, _article(hanoi, title="Hà Nội mở điểm thu mới"))
    response = central_admin.post(f"/admin/tin-toan-nganh/de-xuat/{nomination.pk}/nhan-dang/", {}, follow=True)

    assert "Đã nhận «Hà Nội mở điểm thu mới» thành bản nháp tin toàn ngành." in response.content.decode()
    assert not NationalNewsPage.objects.get(title="Hà Nội mở điểm thu mới").live
    assert not Delivery.objects.exists()


def test_the_nominating_province_keeps_its_original_and_gets_no_second_copy(hanoi, hcm, central_admin, newsroom):
    article = _article(hanoi, title="Hà Nội đối thoại chính sách với doanh nghiệp")
    nomination = _nomination(hanoi, article)
    central_admin.post(f"/admin/tin-toan-nganh/de-xuat/{nomination.pk}/nhan-dang/", {"publish": "on"})
    item = SyndicatedItem.objects.get(title="Hà Nội đối thoại chính sách với doanh nghiệp")

    for site in (hanoi, hcm):
        with site.context():
            deliver_national_item(item.pk)
            deliver_national_item(item.pk)  # delivered again (an edit, the sweep): still nothing more

    with hanoi.context():
        titles = list(NewsPage.objects.filter(title=article.title).values_list("pk", flat=True))
    assert titles == [article.pk]
    with hcm.context():
        assert NewsPage.objects.filter(syndication_key=item.key).count() == 1
    matrix = central_admin.get("/admin/tin-toan-nganh/phan-phoi/").content.decode()
    assert "Bài gốc của tỉnh" in matrix


def test_declining_needs_a_reason_which_the_province_then_reads(hanoi, central_admin):
    nomination = _nomination(hanoi, _article(hanoi))
    decline = f"/admin/tin-toan-nganh/de-xuat/{nomination.pk}/tu-choi/"

    empty = central_admin.post(decline, {"reason": ""})
    short = central_admin.post(decline, {"reason": "Trùng"})
    assert empty.status_code == 200 and "Hãy nêu lý do từ chối để tỉnh biết." in empty.content.decode()
    assert short.status_code == 200 and "Lý do từ chối cần ít nhất 10 ký tự" in short.content.decode()
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.PENDING

    assert central_admin.post(decline, {"reason": "Nội dung đã có trong tin toàn ngành tuần trước."}).status_code == 302
    page = hanoi.signed_in_client().get(f"/admin/gui-tin-trung-uong/{nomination.pk}/").content.decode()
    assert "Từ chối" in page and "Nội dung đã có trong tin toàn ngành tuần trước." in page


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("empty", "Hãy chọn bài viết muốn gửi về Trung ương."),
        ("draft", "Chỉ chọn được bài viết đã đăng trên trang của tỉnh."),
        ("copy", "Chỉ chọn được bài viết đã đăng trên trang của tỉnh."),
        ("long_note", "Lời nhắn dài tối đa 1000 ký tự"),
        ("twice", "Bài này đã được đề xuất về Trung ương."),
    ],
)
def test_the_nomination_form_says_what_is_wrong_in_vietnamese(hanoi, case, message):
    article = _article(hanoi)
    data = {"article": article.pk, "note": ""}
    with hanoi.context():
        if case == "empty":
            data["article"] = ""
        elif case == "draft":
            article.unpublish()
        elif case == "copy":
            NewsPage.objects.filter(pk=article.pk).update(syndication_key="7b0f3a52-8a3e-4a7e-9c53-2f1f0d1b5c11")
        elif case == "long_note":
            data["note"] = "x" * 1001
    if case == "twice":
        _nomination(hanoi, article)

    response = _editor(hanoi).post("/admin/gui-tin-trung-uong/de-xuat/", data)

    assert response.status_code == 200 and message in response.content.decode()
    assert Nomination.objects.count() == (1 if case == "twice" else 0)
