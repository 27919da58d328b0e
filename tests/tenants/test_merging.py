"""Merging one province into another, and renaming one (tenants/merging.py and the apps' merge steps),
and the merge job the central admin queues (tenants/tasks.py, run here in-process with `apply`).

Two provinces are onboarded for this module (Huế absorbed into Đà Nẵng), committed once because
cloning a schema takes seconds, and removed at its end; hanoi and hcm from conftest are the
untouched third ones. Each test's merge is rolled back with its transaction.
"""

import shutil
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
import wagtail_factories
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone
from django_tenants.utils import schema_exists, tenant_context
from wagtail import blocks, hooks
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Site

from tenant_apps.documents.models import DocumentIndexPage, LegalDocumentPage
from tenant_apps.news.models import NewsIndexPage, NewsPage
from tenant_apps.offices.models import Office, OfficeDirectoryPage
from tenant_apps.online_services.models import RequestStatus, ServiceRequest
from tenant_apps.online_services.services import change_status
from tenant_apps.pages.merging import Links
from tenant_apps.qa.models import Question, QuestionIndexPage
from tenants.merging import (
    MergeError,
    merge_provinces,
    remove_merged_schema,
    rename_province,
    run_lock,
    stalled_merge_jobs,
)
from tenants.models import Domain, MergeDryRun, Province, ProvinceMergeRecord
from tenants.services import onboard_province
from tenants.steps import MERGE_PROVINCES, ProvinceMerge
from tenants.tasks import resend_stalled_merge_jobs, run_merge_dry_run_job, run_merge_job
from tests.factories.citizen_content import add_office
from tests.factories.content import LegalDocumentPageFactory, NewsPageFactory, WagtailDocumentFactory
from tests.factories.online_services import ServiceRequestFactory
from tests.factories.pages import ContentPageFactory
from tests.factories.users import UserFactory

SOURCE_HOST, TARGET_HOST = "hue.localhost", "danang.localhost"
ARTICLE = "Huế chi trả lương hưu qua tài khoản"
SHARED_SLUG = "chi-tra-luong-huu"


@pytest.fixture(scope="module")
def merged_pair(django_db_setup, django_db_blocker):
    """Huế with an article (with an image), a legal document (with a file), an answered question and
    an editor; Đà Nẵng with an article of the same slug."""
    with django_db_blocker.unblock():
        pair = _onboard_pair()
    yield
    with django_db_blocker.unblock():
        connection.set_schema_to_public()
        for province in pair:
            with connection.cursor() as cursor:
                cursor.execute(f'DROP SCHEMA IF EXISTS "{province.schema_name}" CASCADE')
            Domain.objects.filter(tenant=province).delete()
            province.delete()
            shutil.rmtree(Path(settings.MEDIA_ROOT) / province.schema_name, ignore_errors=True)


@pytest.fixture
def provinces(merged_pair, db):
    return Province.objects.get(code="46"), Province.objects.get(code="48")


def _onboard_pair():
    source = onboard_province("46").province
    target = onboard_province("48").province
    with tenant_context(source):
        image = wagtail_factories.ImageFactory(title="Ảnh chi trả")
        NewsPageFactory(
            parent=NewsIndexPage.objects.get(),
            title=ARTICLE,
            slug=SHARED_SLUG,
            featured_image=image,
            featured_image_alt="Ảnh chi trả lương hưu",
            body=f'<p>Nội dung.</p><embed embedtype="image" format="fullwidth" id="{image.pk}" alt="Ảnh"/>',
        )
        LegalDocumentPageFactory(
            parent=DocumentIndexPage.objects.get(), title="Quyết định của BHXH Huế", slug="qd-hue", with_file=True
        )
        Question.objects.create(
            page=QuestionIndexPage.objects.get(),
            asker_name="Trần Thị Bình",
            commune="Phường Thuận Hóa",
            topic="bhxh",
            title="Hưởng chế độ ốm đau thế nào?",
            body="Tôi muốn hỏi.",
            status=Question.Status.PUBLISHED,
            answer="<p>Trả lời của BHXH Huế.</p>",
        )
        UserFactory(username="bientapvien.hue", groups=[Group.objects.get(name="Biên tập viên")])
    with tenant_context(target):
        NewsPageFactory(parent=NewsIndexPage.objects.get(), title="Tin Đà Nẵng", slug=SHARED_SLUG)
    return source, target


def _merge(**kwargs):
    return merge_provinces("46", "48", **kwargs)


def test_a_dry_run_lists_what_would_move_and_changes_nothing(provinces):
    source, target = provinces
    result = _merge(dry_run=True)
    assert "Tin tức: 1 trang → Bảo hiểm xã hội thành phố Đà Nẵng" in result.lines
    with tenant_context(target):
        assert not NewsPage.objects.filter(title=ARTICLE).exists()
    assert Province.objects.get(pk=source.pk).status == Province.Status.ACTIVE
    assert Client(HTTP_HOST=SOURCE_HOST).get("/").status_code == 200


def test_merged_articles_are_published_in_the_receiving_news_section_with_the_source_label(provinces):
    _, target = provinces
    _merge()
    with tenant_context(target):
        article = NewsPage.objects.get(title=ARTICLE)
        assert (article.live, article.get_parent().specific_class, list(article.tags.names())) == (
            True,
            NewsIndexPage,
            ["Bảo hiểm xã hội thành phố Huế"],
        )


def test_merged_images_point_at_a_copy_of_their_file_in_the_receiving_media_folder(provinces):
    source, target = provinces
    with tenant_context(source):
        original = Path(get_image_model().objects.get(title="Ảnh chi trả").file.path).read_bytes()
    _merge()
    with tenant_context(target):
        image = get_image_model().objects.get(title="Ảnh chi trả")
        assert Path(image.file.path).read_bytes() == original
        article = NewsPage.objects.get(title=ARTICLE)
        assert (article.featured_image_id, f'id="{image.pk}"' in article.body) == (image.pk, True)


def test_merged_legal_documents_keep_their_attached_file(provinces):
    _, target = provinces
    _merge()
    with tenant_context(target):
        document = LegalDocumentPage.objects.get(title="Quyết định của BHXH Huế")
        assert document.attachments.get().document.file.read().startswith(b"%PDF")


def test_every_old_address_answers_301_to_its_new_place_on_the_receiving_domain(provinces):
    _merge()
    response = Client(HTTP_HOST=SOURCE_HOST).get(f"/tin-tuc/{SHARED_SLUG}/")
    assert (response.status_code, response["Location"]) == (
        301,
        f"http://{TARGET_HOST}/tin-tuc/{SHARED_SLUG}-hue/",
    )


def test_the_new_address_of_a_merged_article_shows_it(provinces):
    _merge()
    response = Client(HTTP_HOST=TARGET_HOST).get(f"/tin-tuc/{SHARED_SLUG}-hue/")
    assert ARTICLE in response.content.decode()


def test_an_old_address_that_the_receiving_site_also_has_keeps_its_own_page_there(provinces):
    _merge()
    response = Client(HTTP_HOST=TARGET_HOST).get(f"/tin-tuc/{SHARED_SLUG}/")
    assert "Tin Đà Nẵng" in response.content.decode()


def test_the_old_home_page_answers_301_to_the_receiving_home_page(provinces):
    _merge()
    response = Client(HTTP_HOST=SOURCE_HOST).get("/")
    assert (response.status_code, response["Location"]) == (301, f"http://{TARGET_HOST}/")


def test_answered_questions_move_and_their_old_address_answers_301(provinces):
    source, target = provinces
    with tenant_context(source):
        old_pk = Question.objects.get().pk
    _merge()
    with tenant_context(target):
        question = Question.objects.get(title="Hưởng chế độ ốm đau thế nào?")
    response = Client(HTTP_HOST=SOURCE_HOST).get(f"/hoi-dap/{old_pk}/")
    assert response["Location"] == f"http://{TARGET_HOST}/hoi-dap/{question.pk}/"


def test_the_absorbed_boards_accounts_come_over_inactive_in_their_groups(provinces):
    _, target = provinces
    _merge()
    with tenant_context(target):
        editor = get_user_model().objects.get(username="bientapvien.hue")
        assert (editor.is_active, list(editor.groups.values_list("name", flat=True))) == (False, ["Biên tập viên"])


def test_an_account_name_taken_in_the_receiving_province_gets_the_source_slug(provinces):
    _, target = provinces
    _merge()
    with tenant_context(target):
        assert get_user_model().objects.filter(username="admin.hue", is_active=False, is_superuser=False).exists()


def test_running_the_merge_again_moves_nothing_twice(provinces):
    _, target = provinces
    _merge()
    _merge()
    with tenant_context(target):
        assert NewsPage.objects.filter(title=ARTICLE).count() == 1


def test_a_failing_step_undoes_its_own_work_keeps_the_earlier_steps_and_a_second_run_completes(provinces):
    source, target = provinces
    with hooks.register_temporarily(MERGE_PROVINCES, _broken_step, order=125), pytest.raises(MergeError):
        _merge()
    record = ProvinceMergeRecord.objects.get(source=source)
    assert (record.status, record.merged_at) == (ProvinceMergeRecord.Status.FAILED, None)
    with tenant_context(target):
        assert (NewsPage.objects.filter(title=ARTICLE).count(), Redirect.objects.filter(old_path="/hong").exists()) == (
            1,
            False,
        )
    assert Client(HTTP_HOST=SOURCE_HOST).get("/").status_code == 200
    _merge()
    with tenant_context(target):
        assert NewsPage.objects.filter(title=ARTICLE).count() == 1
    assert Province.objects.get(pk=source.pk).status == Province.Status.MERGED


def _broken_step(merge):
    """A step that fails after writing something: its write must not stay."""
    Redirect.objects.create(old_path="/hong", redirect_link="/")
    raise RuntimeError("hỏng giữa chừng")


def test_archive_mode_puts_the_absorbed_sections_under_one_archive_page(provinces):
    _, target = provinces
    _merge(mode=ProvinceMergeRecord.Mode.ARCHIVE)
    with tenant_context(target):
        article = NewsPage.objects.get(title=ARTICLE)
        assert [page.title for page in article.get_ancestors()[2:]] == [
            "Lưu trữ Bảo hiểm xã hội thành phố Huế",
            "Tin tức",
        ]


def test_the_absorbed_schema_stays_until_the_second_confirmation(provinces):
    source, _ = provinces
    _merge()
    assert schema_exists(source.schema_name)


def test_a_province_not_merged_is_never_removed(provinces):
    with pytest.raises(MergeError):
        remove_merged_schema("46")


def test_a_third_province_is_untouched_by_a_merge(provinces, hanoi):
    _merge()
    with tenant_context(hanoi.province):
        assert not NewsPage.objects.filter(title=ARTICLE).exists()


def test_a_third_provinces_site_still_answers_on_its_own_domain(provinces, hanoi):
    _merge()
    assert hanoi.client().get("/").status_code == 200


def test_a_province_cannot_be_merged_into_one_already_absorbed(provinces, hanoi):
    _merge()
    with pytest.raises(MergeError, match="đã được sáp nhập"):
        merge_provinces("01", "46")


def test_the_command_prints_the_dry_run(provinces, capsys):
    call_command("merge_provinces", "46", "48", "--dry-run")
    assert "Chạy thử: chưa thay đổi gì." in capsys.readouterr().out


def test_a_renamed_province_answers_on_its_new_domain(provinces):
    rename_province("48", name="Thành phố Đà Nẵng mới", domains=["bhxh-danang.localhost"])
    response = Client(HTTP_HOST="bhxh-danang.localhost").get("/")
    assert response.status_code == 200


def test_a_renamed_provinces_old_domain_answers_301_to_the_new_one(provinces):
    rename_province("48", domains=["bhxh-danang.localhost"])
    response = Client(HTTP_HOST=TARGET_HOST).get("/tin-tuc/?trang=2")
    assert (response.status_code, response["Location"]) == (301, "http://bhxh-danang.localhost/tin-tuc/?trang=2")


def test_renaming_refuses_a_domain_of_another_province(provinces, hanoi):
    with pytest.raises(MergeError, match="đã được dùng"):
        rename_province("48", domains=[hanoi.host])


def test_the_central_admin_dry_run_is_a_job_whose_status_page_reloads_until_it_lists_what_would_move(
    provinces, central_admin, django_capture_on_commit_callbacks
):
    source, target = provinces
    with django_capture_on_commit_callbacks() as callbacks:
        response = central_admin.post(
            "/admin/sap-nhap-tinh/", {"source": source.pk, "target": target.pk, "mode": "sections", "thu": "1"}
        )
    job = MergeDryRun.objects.get(source=source)
    assert (response.status_code, response["Location"], len(callbacks)) == (
        302,
        f"/admin/sap-nhap-tinh/chay-thu/{job.pk}/",
        1,
    )
    waiting = central_admin.get(response["Location"]).content.decode()
    assert '<meta http-equiv="refresh" content="5">' in waiting and ">Đang chờ</strong>" in waiting
    assert f'<a href="/admin/sap-nhap-tinh/chay-thu/{job.pk}/">Tải lại ngay</a>' in waiting

    assert run_merge_dry_run_job.apply(args=[job.pk]).get() == MergeDryRun.Status.SUCCEEDED
    html = central_admin.get(response["Location"]).content.decode()
    assert ">Hoàn thành</strong>" in html and "http-equiv" not in html
    assert "<li>Tin tức: 1 trang → Bảo hiểm xã hội thành phố Đà Nẵng</li>" in html
    assert "<li>Chạy thử: chưa thay đổi gì.</li>" in html
    with tenant_context(target):
        assert not NewsPage.objects.filter(title=ARTICLE).exists()
    assert (Province.objects.get(pk=source.pk).status, ProvinceMergeRecord.objects.filter(source=source).exists()) == (
        Province.Status.ACTIVE,
        False,
    )


def test_a_dry_run_refused_at_once_says_why_on_the_merge_screen(provinces, central_admin):
    source, _ = provinces
    response = central_admin.post(
        "/admin/sap-nhap-tinh/", {"source": source.pk, "target": source.pk, "mode": "sections", "thu": "1"}
    )
    assert (response.status_code, "Không thể sáp nhập một tỉnh vào chính nó." in response.content.decode()) == (
        200,
        True,
    )
    assert not MergeDryRun.objects.exists()


def test_merge_and_dry_run_jobs_whose_message_was_lost_are_sent_again_then_given_up_visibly(
    provinces, hanoi, central_admin, settings, django_capture_on_commit_callbacks
):
    settings.MERGE_RESEND_SECONDS, settings.MERGE_MAX_RESENDS = 900, 1
    source, target = provinces
    _confirm(central_admin, source, target, django_capture_on_commit_callbacks)  # its message never sent
    record = ProvinceMergeRecord.objects.get(source=source)
    dry_run = MergeDryRun.objects.create(source=source, target=target, source_name=str(source))
    elsewhere = MergeDryRun.objects.create(source=hanoi.province, target=target, source_name=str(hanoi.province))
    long_ago = timezone.now() - timedelta(minutes=20)
    ProvinceMergeRecord.objects.filter(pk=record.pk).update(queued_at=long_ago)
    MergeDryRun.objects.filter(pk=dry_run.pk).update(queued_at=long_ago)

    assert stalled_merge_jobs() == ([record.pk], [dry_run.pk])  # the recent one may still be on its way
    assert stalled_merge_jobs() == ([], [])  # sent again just now
    ProvinceMergeRecord.objects.filter(pk=record.pk).update(queued_at=long_ago)
    assert stalled_merge_jobs() == ([], [])  # past the cap: failed, and the centre reads why

    html = central_admin.get(f"/admin/sap-nhap-tinh/{record.pk}/").content.decode()
    assert ">Thất bại</strong>" in html and "Chạy lại để hoàn tất" in html
    assert "Lý do: Chưa có tiến trình nào nhận việc sau 1 lần gửi lại; hãy kiểm tra hàng đợi rồi chạy lại." in html
    assert MergeDryRun.objects.get(pk=elsewhere.pk).status == MergeDryRun.Status.PENDING


def test_the_beat_sweep_task_sends_the_lost_merge_job_again(provinces):
    source, target = provinces
    record = ProvinceMergeRecord.objects.create(source=source, target=target, source_name=str(source))
    ProvinceMergeRecord.objects.filter(pk=record.pk).update(queued_at=timezone.now() - timedelta(hours=1))
    assert resend_stalled_merge_jobs.apply().get() == 1
    assert ProvinceMergeRecord.objects.get(pk=record.pk).resends == 1


def test_the_central_admin_refuses_to_merge_without_the_confirmation(provinces, central_admin):
    source, target = provinces
    central_admin.post(
        "/admin/sap-nhap-tinh/", {"source": source.pk, "target": target.pk, "mode": "sections", "sap-nhap": "1"}
    )
    assert Province.objects.get(pk=source.pk).status == Province.Status.ACTIVE


def _confirm(central_admin, source, target, capture):
    with capture() as callbacks:
        response = central_admin.post(
            "/admin/sap-nhap-tinh/",
            {"source": source.pk, "target": target.pk, "mode": "sections", "confirm": "on", "sap-nhap": "1"},
        )
    return response, callbacks


def test_the_central_admin_queues_a_merge_job_once_confirmed_and_shows_its_status_page(
    provinces, central_admin, django_capture_on_commit_callbacks
):
    source, target = provinces
    response, callbacks = _confirm(central_admin, source, target, django_capture_on_commit_callbacks)
    record = ProvinceMergeRecord.objects.get(source=source)
    assert (response.status_code, response["Location"], len(callbacks)) == (
        302,
        f"/admin/sap-nhap-tinh/{record.pk}/",
        1,
    )
    assert (record.status, Province.objects.get(pk=source.pk).status) == (
        ProvinceMergeRecord.Status.PENDING,
        Province.Status.ACTIVE,
    )


def test_a_waiting_merge_jobs_page_reloads_itself_without_javascript(
    provinces, central_admin, django_capture_on_commit_callbacks
):
    source, target = provinces
    _confirm(central_admin, source, target, django_capture_on_commit_callbacks)
    record = ProvinceMergeRecord.objects.get(source=source)
    response = central_admin.get(f"/admin/sap-nhap-tinh/{record.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<meta http-equiv="refresh" content="5">' in html and ">Đang chờ</strong>" in html
    assert f'<a href="/admin/sap-nhap-tinh/{record.pk}/">Tải lại ngay</a>' in html


def test_the_merge_job_run_by_the_worker_task_shows_success_on_its_status_page(
    provinces, central_admin, django_capture_on_commit_callbacks
):
    source, target = provinces
    _confirm(central_admin, source, target, django_capture_on_commit_callbacks)
    record = ProvinceMergeRecord.objects.get(source=source)
    assert run_merge_job.apply(args=[record.pk]).get() == ProvinceMergeRecord.Status.SUCCEEDED
    html = central_admin.get(f"/admin/sap-nhap-tinh/{record.pk}/").content.decode()
    assert ">Hoàn thành</strong>" in html and "http-equiv" not in html
    assert "<li>Tin tức: 1 trang → Bảo hiểm xã hội thành phố Đà Nẵng</li>" in html
    assert Province.objects.get(pk=source.pk).status == Province.Status.MERGED


def test_a_merge_job_that_fails_midway_shows_the_reason_and_runs_again_to_completion(
    provinces, central_admin, django_capture_on_commit_callbacks
):
    source, target = provinces
    _confirm(central_admin, source, target, django_capture_on_commit_callbacks)
    record = ProvinceMergeRecord.objects.get(source=source)
    with hooks.register_temporarily(MERGE_PROVINCES, _broken_step, order=125):
        assert run_merge_job.apply(args=[record.pk]).get() == ProvinceMergeRecord.Status.FAILED
        steps = hooks.get_hooks(MERGE_PROVINCES)
        done = steps.index(_broken_step)
    html = central_admin.get(f"/admin/sap-nhap-tinh/{record.pk}/").content.decode()
    assert ">Thất bại</strong>" in html and "Chạy lại để hoàn tất" in html
    assert (
        f"Lý do: Bước {done + 1}/{len(steps)} lỗi (RuntimeError: hỏng giữa chừng); bước này không thay đổi gì, "
        f"{done} bước trước đã xong. Chạy lại để hoàn tất."
    ) in html

    with django_capture_on_commit_callbacks() as callbacks:
        response = central_admin.post(f"/admin/sap-nhap-tinh/{record.pk}/")
    assert (response.status_code, len(callbacks)) == (302, 1)
    assert run_merge_job.apply(args=[record.pk]).get() == ProvinceMergeRecord.Status.SUCCEEDED
    with tenant_context(target):
        assert NewsPage.objects.filter(title=ARTICLE).count() == 1
    assert ">Hoàn thành</strong>" in central_admin.get(f"/admin/sap-nhap-tinh/{record.pk}/").content.decode()


def test_the_merge_screen_does_not_exist_in_a_province_admin(hanoi):
    assert hanoi.signed_in_client().get("/admin/sap-nhap-tinh/").status_code == 404


def test_the_second_confirmation_backs_the_absorbed_schema_up_before_removing_it(provinces, settings, tmp_path):
    settings.BACKUP_DIR = tmp_path
    source, _ = provinces
    _merge()
    record = remove_merged_schema("46")
    assert (Path(record.backup_path).is_file(), schema_exists(source.schema_name)) == (True, False)


def test_a_file_whose_merged_name_would_be_too_long_is_still_moved(provinces):
    source, target = provinces
    long_name = "quyet-dinh-ve-viec-ban-hanh-quy-che-to-chuc-va-hoat-dong-cua-ban-bien-tap-2026.pdf"
    with tenant_context(source):
        WagtailDocumentFactory(title="Quy chế Ban Biên tập", file=ContentFile(b"%PDF-1.4\n", name=long_name))
    _merge()
    with tenant_context(target):
        assert get_document_model().objects.get(title="Quy chế Ban Biên tập").file.read() == b"%PDF-1.4\n"


def test_links_between_moved_pages_point_at_the_moved_copies(provinces):
    source, target = provinces
    with tenant_context(source):
        index = DocumentIndexPage.objects.get()
        old = LegalDocumentPageFactory(parent=index, title="Quyết định cũ", slug="qd-cu")
        newer = LegalDocumentPageFactory(parent=index, title="Quyết định thay thế", slug="qd-thay-the")
        newer.replaces.set([old])
        newer.save_revision().publish()
    _merge()
    with tenant_context(target):
        replaced = LegalDocumentPage.objects.get(title="Quyết định thay thế").replaces.all()
        assert [page.title for page in replaced] == ["Quyết định cũ"]


def test_a_national_document_both_provinces_received_is_not_copied_and_its_old_address_leads_to_the_receivers(
    provinces,
):
    source, target = provinces
    key = uuid.uuid4()
    with tenant_context(source):
        LegalDocumentPageFactory(
            parent=DocumentIndexPage.objects.get(), slug="nghi-dinh-toan-nganh", syndication_key=key
        )
    with tenant_context(target):
        LegalDocumentPageFactory(parent=DocumentIndexPage.objects.get(), slug="nghi-dinh-chung", syndication_key=key)
    _merge()
    response = Client(HTTP_HOST=SOURCE_HOST).get("/van-ban/nghi-dinh-toan-nganh/")
    assert response["Location"] == f"http://{TARGET_HOST}/van-ban/nghi-dinh-chung/"


LOOKUP_URL = "/tra-cuu-dich-vu-cong/"


def test_the_absorbed_offices_join_the_receiving_directory_and_its_office_finder(provinces):
    source, target = provinces
    with tenant_context(source):
        add_office("BHXH cơ sở Phú Vang", ["Xã Phú Vang"])
        absorbed_provincial = Office.objects.get(kind=Office.Kind.PROVINCIAL).name
    _merge()
    with tenant_context(target):
        directory = OfficeDirectoryPage.objects.get()
        kinds = dict(directory.offices.values_list("name", "kind"))
        path = directory.url
    assert (kinds["BHXH cơ sở Phú Vang"], kinds[absorbed_provincial]) == (Office.Kind.LOCAL, Office.Kind.LOCAL)
    assert list(kinds.values()).count(Office.Kind.PROVINCIAL) == 1
    response = Client(HTTP_HOST=TARGET_HOST).get(path, {"xa": "Phú Vang"})
    assert response.status_code == 200 and "BHXH cơ sở Phú Vang" in response.content.decode()


def test_a_citizens_request_moves_and_its_tracking_code_is_found_on_the_receiving_site(provinces):
    source, _ = provinces
    with tenant_context(source):
        request = ServiceRequestFactory(phone="0912345678")
        change_status(request, RequestStatus.PROCESSING, "Đang kiểm tra tờ khai.", actor=None)
    _merge()
    response = Client(HTTP_HOST=TARGET_HOST).post(
        LOOKUP_URL, {"tracking_code": request.tracking_code, "phone": "0912345678"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert f"Hồ sơ {request.tracking_code}" in html and "Đang kiểm tra tờ khai." in html


def test_a_citizens_receipt_link_on_the_old_domain_leads_to_the_moved_request(provinces):
    source, _ = provinces
    with tenant_context(source):
        request = ServiceRequestFactory(phone="0912345678")
    _merge()
    response = Client(HTTP_HOST=SOURCE_HOST).get(f"/bien-nhan/{request.receipt_token}/")
    assert (response.status_code, response["Location"]) == (
        301,
        f"http://{TARGET_HOST}/bien-nhan/{request.receipt_token}/",
    )
    receipt = Client(HTTP_HOST=TARGET_HOST).get(f"/bien-nhan/{request.receipt_token}/")
    assert (receipt.status_code, request.tracking_code in receipt.content.decode()) == (200, True)


def test_a_request_whose_code_the_receiving_province_already_gave_gets_a_new_code_and_its_history_says_so(provinces):
    source, target = provinces
    with tenant_context(source):
        request = ServiceRequestFactory(phone="0912345678")
    with tenant_context(target):
        ServiceRequestFactory(tracking_code=request.tracking_code, phone="0987654321")
    _merge()
    with tenant_context(target):
        moved = ServiceRequest.objects.get(phone="0912345678")
        notes = list(moved.events.values_list("note", flat=True))
    assert moved.tracking_code != request.tracking_code
    assert (
        f"Khi sáp nhập vào Bảo hiểm xã hội thành phố Đà Nẵng, mã hồ sơ {request.tracking_code} được đổi thành "
        f"{moved.tracking_code}." in notes
    )


def test_a_third_provinces_request_cannot_be_looked_up_on_the_receiving_site(provinces, hanoi):
    with hanoi.context():
        request = ServiceRequestFactory(phone="0912345678")
    _merge()
    form = {"tracking_code": request.tracking_code, "phone": "0912345678"}
    assert "Không tìm thấy hồ sơ khớp" in Client(HTTP_HOST=TARGET_HOST).post(LOOKUP_URL, form).content.decode()
    assert f"Hồ sơ {request.tracking_code}" in hanoi.client().post(LOOKUP_URL, form).content.decode()


def test_rich_text_links_and_related_articles_to_pages_copied_later_point_at_their_copies(provinces):
    source, target = provinces
    with tenant_context(source):
        article = NewsPage.objects.get(title=ARTICLE)
        LegalDocumentPageFactory(
            parent=DocumentIndexPage.objects.get(),
            title="Hướng dẫn có liên kết",
            slug="huong-dan",
            body=f'<p>Xem <a linktype="page" id="{article.pk}">bài viết</a>.</p>',
        )
        later = NewsPageFactory(parent=NewsIndexPage.objects.get(), title="Bài viết sau", slug="bai-viet-sau")
        article.related_articles.set([later])
        article.save_revision().publish()
    _merge()
    with tenant_context(target):
        copy = NewsPage.objects.get(title=ARTICLE)
        guide = LegalDocumentPage.objects.get(title="Hướng dẫn có liên kết")
        later = NewsPage.objects.get(title="Bài viết sau")
        assert f'<a linktype="page" id="{copy.pk}">' in guide.body
        assert [page.pk for page in copy.related_articles.all()] == [later.pk]
        assert list(copy.tags.names()) == ["Bảo hiểm xã hội thành phố Huế"]  # the second pass keeps its rows
        guide_path = guide.url
    html = Client(HTTP_HOST=TARGET_HOST).get(guide_path).content.decode()
    assert f'<a href="/tin-tuc/{SHARED_SLUG}-hue/">bài viết</a>' in html


def test_a_merge_copies_no_office_or_request_of_a_third_province(provinces, hanoi):
    _, target = provinces
    with hanoi.context():
        add_office("BHXH cơ sở Sóc Sơn", ["Xã Sóc Sơn"])
        ServiceRequestFactory(full_name="Người dân Hà Nội")
    _merge()
    with tenant_context(target):
        assert not Office.objects.filter(name="BHXH cơ sở Sóc Sơn").exists()
        assert not ServiceRequest.objects.filter(full_name="Người dân Hà Nội").exists()


def _running_record(source, target):
    return ProvinceMergeRecord.objects.create(
        source=source, target=target, source_name=str(source), status=ProvinceMergeRecord.Status.RUNNING
    )


def test_a_job_left_running_by_a_dead_worker_can_be_run_again(provinces, central_admin):
    record = _running_record(*provinces)
    html = central_admin.get(f"/admin/sap-nhap-tinh/{record.pk}/").content.decode()
    assert ">Đang chạy</strong>" in html and "Chạy lại để hoàn tất" in html


def test_a_job_running_now_cannot_be_started_a_second_time(provinces, central_admin):
    record = _running_record(*provinces)
    with run_lock(record):
        html = central_admin.get(f"/admin/sap-nhap-tinh/{record.pk}/").content.decode()
        response = central_admin.post(f"/admin/sap-nhap-tinh/{record.pk}/", follow=True)
    assert "Chạy lại để hoàn tất" not in html
    assert "Việc sáp nhập Bảo hiểm xã hội thành phố Huế → Bảo hiểm xã hội thành phố Đà Nẵng đang chạy" in (
        response.content.decode()
    )


def test_a_link_to_a_page_that_never_moves_becomes_its_text_and_the_report_names_it(provinces):
    source, target = provinces
    with tenant_context(source):
        plain = ContentPageFactory(parent=Site.objects.get(is_default_site=True).root_page, title="Quy chế tiếp dân")
        NewsPageFactory(
            parent=NewsIndexPage.objects.get(),
            title="Bài có liên kết tới trang riêng",
            slug="bai-lien-ket-trang-rieng",
            body=f'<p>Đọc <a linktype="page" id="{plain.pk}">quy chế</a> trước.</p>',
        )
        Question.objects.filter(title="Hưởng chế độ ốm đau thế nào?").update(
            answer=f"<p>Xem {_page_link(plain.pk, 'quy chế tiếp dân')}.</p>"
        )
    result = _merge()
    with tenant_context(target):
        body = NewsPage.objects.get(title="Bài có liên kết tới trang riêng").body
        answer = Question.objects.get(title="Hưởng chế độ ốm đau thế nào?").answer
    assert (body, answer) == ("<p>Đọc quy chế trước.</p>", "<p>Xem quy chế tiếp dân.</p>")
    assert (
        "Cần sửa liên kết: trang «Bài có liên kết tới trang riêng» liên kết tới «Quy chế tiếp dân» "
        "(trang không được chuyển); liên kết đã được thay bằng chữ"
    ) in result.lines
    assert (
        "Cần sửa liên kết: câu hỏi «Hưởng chế độ ốm đau thế nào?» liên kết tới «Quy chế tiếp dân» "
        "(trang không được chuyển); liên kết đã được thay bằng chữ"
    ) in result.lines


CARD = blocks.StructBlock([("title", blocks.CharBlock()), ("link", blocks.PageChooserBlock())])
STREAM = StreamField(
    [
        ("text", blocks.RichTextBlock()),
        ("page", blocks.PageChooserBlock()),
        (
            "cards",
            blocks.ListBlock(blocks.StructBlock([("title", blocks.CharBlock()), ("link", blocks.PageChooserBlock())])),
        ),
    ]
)


def _page_link(pk, text):
    return f'<a linktype="page" id="{pk}">{text}</a>'


def _links(source, target, final):
    record = ProvinceMergeRecord.objects.create(source=source, target=target, source_name=str(source))
    return Links(ProvinceMerge(source=source, target=target, report=print, mode="sections", record=record), final=final)


def test_page_links_inside_a_stream_field_point_at_the_copies_and_links_to_pages_never_moved_are_removed(provinces):
    source, target = provinces
    with tenant_context(target):
        copy = NewsPage.objects.get(title="Tin Đà Nẵng")
    links = _links(source, target, final=True)
    links.merge.remember("page", 9001, copy.pk)
    raw = [
        {
            "type": "text",
            "id": "a",
            "value": '<p><a linktype="page" id="9001">mới</a> <a linktype="page" id="9002">cũ</a></p>',
        },
        {"type": "page", "id": "b", "value": 9001},
        {"type": "cards", "id": "c", "value": [{"type": "item", "id": "d", "value": {"title": "Thẻ", "link": 9002}}]},
    ]
    with tenant_context(target):
        value = links.stream(STREAM, STREAM.to_python(raw))
        prepared = STREAM.stream_block.get_prep_value(value)
    assert [block["value"] for block in prepared] == [
        f'<p><a linktype="page" id="{copy.pk}">mới</a> cũ</p>',
        copy.pk,
        [{"type": "item", "id": "d", "value": {"title": "Thẻ", "link": None}}],
    ]
    assert links.dropped == [9002, 9002]


def test_a_link_inside_a_stream_field_to_a_page_copied_later_is_left_for_the_second_pass(provinces):
    source, target = provinces
    links = _links(source, target, final=False)
    raw = [{"type": "text", "id": "a", "value": '<p><a linktype="page" id="9003">sau</a></p>'}]
    with tenant_context(target):
        links.stream(STREAM, STREAM.to_python(raw))
    assert (links.missing, links.dropped) == ([9003], [])
