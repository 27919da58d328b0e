"""Targeting national items to groups of provinces, must-carry with a placement and a window, the board's
acknowledgement and the centre's matrix of all of it (issue 19). Deliveries are called as the task calls
them (no worker); admin actions go through the admin's own URLs."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from shared_apps.newsroom.models import Delivery, Distribution, ProvinceGroup, Receipt
from shared_apps.newsroom.services import fanout
from shared_apps.newsroom.services.delivery import deliver_national_item, set_receiving_mode
from shared_apps.newsroom.services.must_carry import DistributionChange, set_distribution
from shared_apps.newsroom.steps import DEMO_REGION_GROUPS, create_region_groups
from tenant_apps.news.models import NewsCategory, NewsIndexPage, NewsPage
from tenants.models import Province
from tests.factories import NationalNewsPageFactory, NewsPageFactory, ProvinceGroupFactory, UserFactory

from .helpers import edit_form_data, item_of, publish

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _distribute(page_id: int, **options) -> int | None:
    change = dict(
        to_all=True,
        groups=[],
        provinces=[],
        must_carry=False,
        placement="",
        section_slug="",
        carry_from=None,
        carry_until=None,
    )
    change.update(options)
    return set_distribution(DistributionChange(central_page_id=page_id, **change), username="trunguong")


def _must_carry(page_id: int, *, placement="home", section_slug="", start=None, end=None, **options):
    return _distribute(
        page_id,
        must_carry=True,
        placement=placement,
        section_slug=section_slug,
        carry_from=start or TODAY - timedelta(days=1),
        carry_until=end or TODAY + timedelta(days=7),
        **options,
    )


def _delivered_copy(site, page) -> NewsPage:
    item = item_of(page)
    with site.context():
        deliver_national_item(item.pk)
        return NewsPage.objects.select_related("category").get(syndication_key=item.key)


def _board_head(site, username="truongban"):
    with site.context():
        UserFactory(username=username, groups=[Group.objects.get(name="Trưởng ban")])
    return site.signed_in_client(username)


# --- Targeting -------------------------------------------------------------------------------------------


def test_an_item_for_a_group_reaches_its_provinces_and_a_province_outside_gets_nothing(hanoi, hcm, newsroom):
    north = ProvinceGroupFactory()
    north.provinces.add(hanoi.province)
    page = NationalNewsPageFactory(parent=newsroom.news, title="Hướng dẫn riêng cho các tỉnh miền Bắc")
    _distribute(page.pk, to_all=False, groups=[north])

    item = item_of(publish(page))

    assert set(Delivery.objects.filter(item=item).values_list("province__code", flat=True)) == {"01"}
    with hcm.context():  # a delivery task that reaches a province outside the group anyway
        assert deliver_national_item(item.pk) is None
        assert not NewsPage.objects.filter(syndication_key=item.key).exists()
    assert not Delivery.objects.filter(item=item, province=hcm.province).exists()
    assert _delivered_copy(hanoi, page).live
    assert "Hướng dẫn riêng cho các tỉnh miền Bắc" not in hcm.client().get("/tin-tuc/").content.decode()


def test_an_item_for_chosen_provinces_is_left_out_of_the_backlog_of_others(hanoi, hcm, newsroom):
    page = NationalNewsPageFactory(parent=newsroom.news)
    _distribute(page.pk, to_all=False, provinces=[hcm.province])
    item = item_of(publish(page))
    Delivery.objects.filter(item=item).delete()

    assert item.pk not in fanout.prepare_backlog(hanoi.province)
    assert item.pk in fanout.prepare_backlog(hcm.province)


def test_targeting_more_provinces_after_publishing_sends_it_to_the_new_ones(hanoi, hcm, newsroom):
    page = NationalNewsPageFactory(parent=newsroom.news)
    _distribute(page.pk, to_all=False, provinces=[hanoi.province])
    item = item_of(publish(page))
    _delivered_copy(hanoi, page)

    assert _distribute(page.pk, to_all=False, provinces=[hanoi.province, hcm.province]) == item.pk

    assert Delivery.objects.get(item=item, province=hcm.province).status == Delivery.Status.PENDING
    assert Delivery.objects.get(item=item, province=hanoi.province).status == Delivery.Status.DELIVERED
    assert _delivered_copy(hcm, page).live


def test_the_demo_central_site_has_region_groups(hanoi, hcm):
    create_region_groups(lambda line: None)

    groups = {group.name: group for group in ProvinceGroup.objects.all()}
    assert set(DEMO_REGION_GROUPS) <= set(groups)
    assert list(groups["Miền Bắc"].provinces.values_list("code", flat=True)) == ["01"]
    assert list(groups["Miền Nam"].provinces.values_list("code", flat=True)) == ["79"]


# --- Must-carry: placement ---------------------------------------------------------------------------------


def test_a_must_carry_item_is_published_featured_on_the_home_page_even_with_approval_first(hanoi, newsroom):
    set_receiving_mode(hanoi.province, "approval", username="truongban")
    page = NationalNewsPageFactory(parent=newsroom.news, title="Chiến dịch bảo hiểm y tế học sinh")
    _must_carry(page.pk, placement="home")

    copy = _delivered_copy(hanoi, publish(page))

    assert copy.live and copy.is_featured
    with hanoi.context():
        assert copy.live_revision.as_object().is_featured  # an editor's next edit keeps it featured
    receipt = Receipt.objects.get(item=item_of(page), province=hanoi.province)
    assert receipt.placed_at and receipt.placement == "Tin nổi bật trên trang chủ"
    home = hanoi.client().get("/").content.decode()
    assert "Chiến dịch bảo hiểm y tế học sinh" in home


def test_a_must_carry_item_is_placed_in_the_named_section(hanoi, newsroom):
    page = NationalNewsPageFactory(parent=newsroom.news)
    _must_carry(page.pk, placement="section", section_slug="tin-hoat-dong-nganh")

    copy = _delivered_copy(hanoi, publish(page))

    assert copy.category.slug == "tin-hoat-dong-nganh" and not copy.is_featured
    assert Receipt.objects.get(item=item_of(page)).placement == "Chuyên mục «Tin hoạt động ngành»"


def test_a_must_carry_order_given_after_delivery_places_the_existing_copy(hanoi, newsroom):
    page = publish(NationalNewsPageFactory(parent=newsroom.news))
    assert not _delivered_copy(hanoi, page).is_featured

    _must_carry(page.pk, placement="home")

    assert _delivered_copy(hanoi, page).is_featured  # the same copy: a second one would fail its unique key


# --- Must-carry: the window ----------------------------------------------------------------------------------

REFUSED = "Bảo hiểm xã hội Việt Nam yêu cầu bắt buộc đăng đến hết ngày"


def test_inside_the_window_the_board_cannot_unpublish_delete_or_move_the_copy(hanoi, newsroom):
    page = NationalNewsPageFactory(parent=newsroom.news, title="Tin bắt buộc đăng về BHYT")
    end = TODAY + timedelta(days=7)
    _must_carry(page.pk, end=end)
    copy = _delivered_copy(hanoi, publish(page))
    with hanoi.context():
        section = copy.get_parent()
        other_section = section.get_parent().add_child(instance=NewsIndexPage(title="Tin cũ", slug="tin-cu"))
    head = _board_head(hanoi)

    unpublish = head.post(f"/admin/pages/{copy.pk}/unpublish/", follow=True)
    delete = head.post(f"/admin/pages/{copy.pk}/delete/", follow=True)
    move = head.get(f"/admin/pages/{copy.pk}/move/{other_section.pk}/confirm/", follow=True)
    section_unpublish = head.post(f"/admin/pages/{section.pk}/unpublish/", {"include_descendants": "on"}, follow=True)

    message = (
        f"Không thể %s «Tin bắt buộc đăng về BHYT»: Bảo hiểm xã hội Việt Nam yêu cầu bắt buộc đăng "
        f"đến hết ngày {end:%d/%m/%Y}. Ban Biên tập vẫn có thể đăng thêm tin của mình bên cạnh tin này."
    )
    for response, action in (
        (unpublish, "gỡ xuất bản"),
        (delete, "xóa"),
        (move, "di chuyển"),
        (section_unpublish, "gỡ xuất bản"),
    ):
        assert response.status_code == 200
        assert message % action in response.content.decode()
    with hanoi.context():
        copy.refresh_from_db()
        section.refresh_from_db()
        assert copy.live and section.live and copy.get_parent().pk == section.pk
    assert "Tin bắt buộc đăng về BHYT" in hanoi.client().get(copy.url).content.decode()


def test_the_refusal_names_the_actions_as_the_admins_buttons_do(hanoi, newsroom):
    page = NationalNewsPageFactory(parent=newsroom.news)
    _must_carry(page.pk)
    copy = _delivered_copy(hanoi, publish(page))
    head = _board_head(hanoi)

    edit_page = head.get(f"/admin/pages/{copy.pk}/edit/").content.decode()
    refused = head.post(f"/admin/pages/{copy.pk}/unpublish/", follow=True).content.decode()

    assert "Gỡ xuất bản" in edit_page  # the label of the admin's "Unpublish" button
    assert f"Không thể gỡ xuất bản «{copy.title}»" in refused


def test_inside_the_window_the_board_cannot_unfeature_the_copy_and_the_edit_form_says_why(hanoi, newsroom):
    page = NationalNewsPageFactory(parent=newsroom.news, title="Chiến dịch BHYT học sinh, sinh viên")
    end = TODAY + timedelta(days=7)
    _must_carry(page.pk, placement="home", end=end)
    copy = _delivered_copy(hanoi, publish(page))
    head = _board_head(hanoi)

    form_page = head.get(f"/admin/pages/{copy.pk}/edit/").content.decode()
    unfeatured = edit_form_data(head, copy.pk)
    unfeatured.pop("is_featured")
    published = head.post(f"/admin/pages/{copy.pk}/edit/", {**unfeatured, "action-publish": "1"}, follow=True)
    drafted = head.post(f"/admin/pages/{copy.pk}/edit/", unfeatured, follow=True)

    assert (
        "«Chiến dịch BHYT học sinh, sinh viên» là tin bắt buộc đăng: Bảo hiểm xã hội Việt Nam yêu cầu giữ tin "
        f"ở vị trí tin nổi bật trên trang chủ đến hết ngày {end:%d/%m/%Y}" in form_page
    )
    refusal = (
        "Không thể bỏ chọn «Tin nổi bật» của «Chiến dịch BHYT học sinh, sinh viên»: Bảo hiểm xã hội Việt Nam "
        f"yêu cầu bắt buộc đăng tin này ở vị trí tin nổi bật trên trang chủ đến hết ngày {end:%d/%m/%Y}."
    )
    for response in (published, drafted):
        assert response.status_code == 200
        assert response.redirect_chain[-1][0] == f"/admin/pages/{copy.pk}/edit/"
        assert refusal in response.content.decode()
    with hanoi.context():
        copy = NewsPage.objects.get(pk=copy.pk)
        assert copy.is_featured and copy.get_latest_revision_as_object().is_featured


def test_inside_the_window_the_board_cannot_move_the_copy_to_another_category(hanoi, newsroom):
    page = NationalNewsPageFactory(parent=newsroom.news, title="Tin bắt buộc ở chuyên mục")
    end = TODAY + timedelta(days=3)
    _must_carry(page.pk, placement="section", section_slug="tin-hoat-dong-nganh", end=end)
    copy = _delivered_copy(hanoi, publish(page))
    with hanoi.context():
        other = NewsCategory.objects.get(slug="tin-dia-phuong")
    head = _board_head(hanoi)

    data = {**edit_form_data(head, copy.pk), "category": str(other.pk), "action-publish": "1"}
    response = head.post(f"/admin/pages/{copy.pk}/edit/", data, follow=True)

    assert (
        "Không thể đổi chuyên mục của «Tin bắt buộc ở chuyên mục»: Bảo hiểm xã hội Việt Nam yêu cầu bắt buộc đăng "
        f"tin này trong chuyên mục «Tin hoạt động ngành» đến hết ngày {end:%d/%m/%Y}." in response.content.decode()
    )
    with hanoi.context():
        assert NewsPage.objects.get(pk=copy.pk).category.slug == "tin-hoat-dong-nganh"


def test_inside_the_window_the_board_still_corrects_the_rest_of_the_copy(hanoi, newsroom):
    page = NationalNewsPageFactory(parent=newsroom.news, title="Tin bắt buộc có lỗi chính tả")
    _must_carry(page.pk, placement="home")
    copy = _delivered_copy(hanoi, publish(page))
    head = _board_head(hanoi)

    data = {**edit_form_data(head, copy.pk), "title": "Tin bắt buộc đã sửa chính tả", "action-publish": "1"}
    response = head.post(f"/admin/pages/{copy.pk}/edit/", data)

    assert response.status_code == 302
    with hanoi.context():
        copy = NewsPage.objects.get(pk=copy.pk)
        assert (copy.title, copy.live, copy.is_featured) == ("Tin bắt buộc đã sửa chính tả", True, True)


def test_after_the_window_the_board_can_unfeature_the_copy(hanoi, newsroom):
    page = NationalNewsPageFactory(parent=newsroom.news)
    _must_carry(page.pk, placement="home")
    copy = _delivered_copy(hanoi, publish(page))
    Distribution.objects.filter(central_page_id=page.pk).update(
        carry_from=TODAY - timedelta(days=10), carry_until=TODAY - timedelta(days=1)
    )
    head = _board_head(hanoi)

    data = edit_form_data(head, copy.pk)
    data.pop("is_featured")
    response = head.post(f"/admin/pages/{copy.pk}/edit/", {**data, "action-publish": "1"})

    assert response.status_code == 302
    with hanoi.context():
        assert not NewsPage.objects.get(pk=copy.pk).is_featured


def test_inside_the_window_the_board_still_publishes_and_unpublishes_its_own_news(hanoi, newsroom):
    page = NationalNewsPageFactory(parent=newsroom.news)
    _must_carry(page.pk)
    copy = _delivered_copy(hanoi, publish(page))
    with hanoi.context():
        own = NewsPageFactory(parent=copy.get_parent(), title="Tin của tỉnh")
        own.save_revision().publish()
    head = _board_head(hanoi)

    response = head.post(f"/admin/pages/{own.pk}/unpublish/")

    assert response.status_code == 302
    with hanoi.context():
        own.refresh_from_db()
        assert not own.live


def test_after_the_window_the_board_can_unpublish_the_copy(hanoi, newsroom):
    page = NationalNewsPageFactory(parent=newsroom.news)
    _must_carry(page.pk)
    copy = _delivered_copy(hanoi, publish(page))
    Distribution.objects.filter(central_page_id=page.pk).update(
        carry_from=TODAY - timedelta(days=10), carry_until=TODAY - timedelta(days=1)
    )
    head = _board_head(hanoi)

    response = head.post(f"/admin/pages/{copy.pk}/unpublish/", follow=True)

    assert response.status_code == 200 and REFUSED not in response.content.decode()
    with hanoi.context():
        copy.refresh_from_db()
        assert not copy.live


def test_before_the_window_opens_the_copy_is_not_locked(hanoi, newsroom):
    page = NationalNewsPageFactory(parent=newsroom.news)
    _must_carry(page.pk, start=TODAY + timedelta(days=2), end=TODAY + timedelta(days=9))
    copy = _delivered_copy(hanoi, publish(page))

    response = _board_head(hanoi).post(f"/admin/pages/{copy.pk}/delete/")

    assert response.status_code == 302
    with hanoi.context():
        assert not NewsPage.objects.filter(pk=copy.pk).exists()


def test_the_centre_can_still_withdraw_a_must_carry_item_inside_its_window(hanoi, newsroom):
    page = NationalNewsPageFactory(parent=newsroom.news)
    _must_carry(page.pk)
    copy = _delivered_copy(hanoi, publish(page))

    page.unpublish()
    with hanoi.context():
        deliver_national_item(item_of(page).pk)
        copy.refresh_from_db()
        assert not copy.live


# --- Acknowledgement --------------------------------------------------------------------------------------------


def test_the_board_acknowledges_an_item_and_a_reporter_cannot(hanoi, newsroom):
    page = NationalNewsPageFactory(parent=newsroom.news, title="Tin cần tỉnh tiếp nhận")
    _delivered_copy(hanoi, publish(page))
    item = item_of(page)
    head = _board_head(hanoi)
    with hanoi.context():
        UserFactory(username="phongvien", groups=[Group.objects.get(name="Phóng viên, Cộng tác viên")])
    reporter = hanoi.signed_in_client("phongvien")

    listing = head.get("/admin/tin-toan-nganh-da-nhan/").content.decode()
    assert "Tin cần tỉnh tiếp nhận" in listing and "Xác nhận đã tiếp nhận</button>" in listing
    assert "Xác nhận đã tiếp nhận</button>" not in reporter.get("/admin/tin-toan-nganh-da-nhan/").content.decode()
    assert reporter.post(f"/admin/tin-toan-nganh-da-nhan/{item.pk}/tiep-nhan/").status_code == 302  # to the dashboard
    assert not Receipt.objects.filter(item=item, acknowledged_at__isnull=False).exists()

    done = head.post(f"/admin/tin-toan-nganh-da-nhan/{item.pk}/tiep-nhan/", follow=True).content.decode()

    assert "Đã xác nhận tiếp nhận «Tin cần tỉnh tiếp nhận»." in done
    receipt = Receipt.objects.get(item=item, province=hanoi.province)
    assert receipt.acknowledged_by == "truongban" and receipt.acknowledged_at


def test_a_province_cannot_acknowledge_an_item_it_did_not_receive(hanoi, hcm, newsroom):
    page = NationalNewsPageFactory(parent=newsroom.news)
    _distribute(page.pk, to_all=False, provinces=[hcm.province])
    item = item_of(publish(page))

    response = hanoi.signed_in_client().post(f"/admin/tin-toan-nganh-da-nhan/{item.pk}/tiep-nhan/", follow=True)

    assert "Tỉnh chưa nhận tin này nên chưa thể xác nhận đã tiếp nhận." in response.content.decode()
    assert not Receipt.objects.filter(item=item).exists()


# --- The centre's screens -----------------------------------------------------------------------------------------


def test_the_centre_targets_a_group_and_orders_must_carry_from_the_pages_distribution_screen(
    central_admin, hanoi, newsroom
):
    north = ProvinceGroupFactory()
    page = NationalNewsPageFactory(parent=newsroom.news)
    url = f"/admin/tin-toan-nganh/phan-phoi/trang/{page.pk}/"

    assert "Phân phối, bắt buộc đăng" in central_admin.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    refused = central_admin.post(url, {"target": "chosen", "must_carry": "on", "placement": "home"})
    saved = central_admin.post(
        url,
        {
            "target": "chosen",
            "groups": [north.pk],
            "must_carry": "on",
            "placement": "section",
            "section_slug": "tin-dia-phuong",
            "carry_from": "01/12/2026",
            "carry_until": "2026-12-31",
        },
    )

    text = refused.content.decode()
    assert refused.status_code == 400
    assert "Hãy chọn ít nhất một nhóm hoặc một tỉnh, thành phố." in text
    assert "Hãy nhập thời hạn bắt buộc đăng." in text
    assert saved.status_code == 302
    distribution = Distribution.objects.get(central_page_id=page.pk)
    assert not distribution.to_all and list(distribution.groups.all()) == [north]
    assert (distribution.placement, distribution.section_slug) == ("section", "tin-dia-phuong")
    assert (distribution.carry_from.isoformat(), distribution.carry_until.isoformat()) == ("2026-12-01", "2026-12-31")


def _matrix_queries(client) -> int:
    client.get("/admin/tin-toan-nganh/phan-phoi/")  # warm: the caches a new province row empties
    connection.set_schema_to_public()
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/tin-toan-nganh/phan-phoi/").status_code == 200
    return len(queries)


def test_the_matrix_shows_targeting_placement_acknowledgement_and_overdue(central_admin, hanoi, hcm, newsroom):
    north = ProvinceGroupFactory()
    north.provinces.add(hanoi.province)
    placed = NationalNewsPageFactory(parent=newsroom.news, title="Tin bắt buộc cho miền Bắc")
    _must_carry(placed.pk, to_all=False, groups=[north], start=TODAY - timedelta(days=3))
    _delivered_copy(hanoi, publish(placed))
    Receipt.objects.filter(item=item_of(placed)).update(acknowledged_at=timezone.now(), acknowledged_by="truongban")
    late = NationalNewsPageFactory(parent=newsroom.news, title="Tin bắt buộc chưa đăng")
    _must_carry(late.pk, start=TODAY - timedelta(days=3))
    item = item_of(publish(late))
    item.__class__.objects.filter(pk=item.pk).update(first_published_at=timezone.now() - timedelta(days=2))

    html = central_admin.get("/admin/tin-toan-nganh/phan-phoi/").content.decode()

    assert "Không gửi" in html  # Hồ Chí Minh, outside the group
    assert "Đã đặt" in html and "Đã tiếp nhận" in html and "Quá hạn</span>" in html
    assert f"Bắt buộc đăng</strong> {TODAY - timedelta(days=3):%d/%m/%Y}" in html
    assert html.count("Quá hạn</span>") == 2  # both provinces, the late item

    queries = _matrix_queries(central_admin)
    for code in ("90", "93", "94", "95", "97"):  # more provinces (rows only): the same number of queries
        Province.objects.create(
            code=code,
            schema_name=f"t{code}",
            name=f"Tỉnh {code}",
            short_name=f"Tỉnh {code}",
            office_name=f"BHXH {code}",
            slug=f"t{code}",
        )
    assert _matrix_queries(central_admin) == queries


def test_an_empty_matrix_offers_no_xlsx_download(central_admin):
    html = central_admin.get("/admin/tin-toan-nganh/phan-phoi/").content.decode()

    assert "Chưa có tin, văn bản toàn ngành nào được đăng." in html
    assert "Tải bảng này (XLSX)" not in html


def test_the_matrix_exports_to_xlsx(central_admin, hanoi, newsroom):
    page = NationalNewsPageFactory(parent=newsroom.news, title="Tin xuất bảng tính")
    _must_carry(page.pk)
    _delivered_copy(hanoi, publish(page))
    assert "Tải bảng này (XLSX)" in central_admin.get("/admin/tin-toan-nganh/phan-phoi/").content.decode()

    response = central_admin.get("/admin/tin-toan-nganh/phan-phoi/xlsx/")

    assert response.status_code == 200 and response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    header, first = rows[0], next(row for row in rows if row[0] == "Tin xuất bảng tính")
    assert header[:4] == ["Tin, văn bản", "Loại", "Đăng lúc", "Bắt buộc đăng"]
    assert first[header.index("Hà Nội")] == "Đã đăng; Đã đặt: Tin nổi bật trên trang chủ"


def test_a_province_cannot_reach_the_centres_must_carry_screens(hanoi, newsroom):
    page = NationalNewsPageFactory(parent=newsroom.news)
    group = ProvinceGroupFactory()
    browser = hanoi.signed_in_client()  # the province's own superuser

    for path in (
        f"/admin/tin-toan-nganh/phan-phoi/trang/{page.pk}/",
        "/admin/tin-toan-nganh/phan-phoi/xlsx/",
        "/admin/nhom_tinh/",
        f"/admin/nhom_tinh/edit/{group.pk}/",
    ):
        assert browser.get(path).status_code == 404, path
    assert browser.post(f"/admin/tin-toan-nganh/phan-phoi/trang/{page.pk}/", {"target": "all"}).status_code == 404
    assert not Distribution.objects.exists()


def test_the_centre_has_no_province_acknowledgement_screen(central_admin):
    assert central_admin.get("/admin/tin-toan-nganh-da-nhan/").status_code == 404
    assert central_admin.get("/admin/nhom_tinh/").status_code == 200
