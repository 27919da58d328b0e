"""The Vietnamese catalogues under locale/: complete, well-formed, compiled and the ones Django uses."""

import polib
import pytest
from django.conf import settings
from django.utils import translation
from django.views.i18n import JavaScriptCatalog

import catalogues


def test_every_catalogue_is_complete_with_its_placeholders_and_reads_the_same_everywhere():
    problems = [str(problem) for problem in catalogues.catalogue_problems()]

    assert problems == []


@pytest.mark.parametrize(
    ("msgstr", "problem"),
    [
        ("", "untranslated"),
        ("Đã xóa %(title)s", "placeholders"),  # %(count)s lost
        ("Đã xóa <b>%(count)s</b> trang", "placeholders"),  # a tag added
        ("Đã xo\u0301a %(count)s trang", "not NFC"),  # a combining accent
    ],
)
def test_the_check_catches_what_breaks_a_translation(msgstr, problem):
    entry = polib.POEntry(msgid="Deleted %(count)s pages", msgstr=msgstr, flags=["python-format"])

    assert any(found.startswith(problem) for found in catalogues.entry_problems(entry))


def test_a_fuzzy_entry_and_a_second_plural_form_are_refused():
    fuzzy = polib.POEntry(msgid="Page", msgstr="Trang", flags=["fuzzy"])
    plural = polib.POEntry(msgid="%(n)s page", msgid_plural="%(n)s pages", msgstr_plural={0: "%(n)s trang", 1: "x"})

    assert catalogues.entry_problems(fuzzy) == ["fuzzy"]
    assert "2 plural forms, Vietnamese has one" in catalogues.entry_problems(plural)


def test_every_folder_of_locale_is_in_locale_paths():
    folders = {po.parent.parent.parent for po in catalogues.po_files()}

    assert folders and folders <= set(settings.LOCALE_PATHS)


def test_a_newer_po_is_compiled_and_an_up_to_date_one_is_left_alone(tmp_path):
    messages = tmp_path / "pkg" / "vi" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Plural-Forms": "nplurals=1; plural=0;"}
    catalogue.append(polib.POEntry(msgid="Save draft", msgstr="Lưu nháp"))
    catalogue.save(str(messages / "django.po"))

    assert catalogues.compile_catalogues(tmp_path) == [messages / "django.mo"]
    assert catalogues.compile_catalogues(tmp_path) == []
    assert polib.mofile(str(messages / "django.mo")).find("Save draft").msgstr == "Lưu nháp"


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [
        ("Save draft", "Lưu nháp"),  # wagtail.admin, translated by us
        ("Page title", "Tiêu đề trang"),
        ("Request changes", "Yêu cầu chỉnh sửa"),  # wagtail core
        ("Sign in", "Đăng nhập"),
        ("Invalid CAPTCHA", "Mã CAPTCHA không đúng"),  # django-simple-captcha ships no vi catalogue
        ("Account locked: too many login attempts. Please try again later.", None),  # django-axes
    ],
)
def test_our_catalogues_win_over_the_packages_own(english, vietnamese):
    with translation.override("vi"):
        translated = translation.gettext(english)

    assert translated != english
    if vietnamese:
        assert translated == vietnamese


def test_ten_minutes_ago_reads_in_vietnamese():
    with translation.override("vi"):
        text = translation.gettext("%(time_period)s ago") % {
            "time_period": translation.ngettext("%(num)d minute", "%(num)d minutes", 10) % {"num": 10}
        }

    assert text == "10 phút trước"


def test_the_admin_javascript_catalogue_serves_our_translations(rf):
    request = rf.get("/admin/jsi18n/")
    with translation.override("vi"):
        response = JavaScriptCatalog.as_view(packages=["wagtail.admin"])(request)

    script = response.content.decode()
    assert '"Changes have been autosaved.": "C\\u00e1c thay \\u0111\\u1ed5i' in script
