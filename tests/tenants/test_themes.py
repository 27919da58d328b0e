"""A province's theme overrides templates by path; everything else comes from themes/default."""

import shutil

import pytest

from tenants.models import Province

pytestmark = pytest.mark.django_db


def test_a_theme_overrides_only_the_files_it_has_and_only_for_its_province(hanoi, hcm, settings, tmp_path):
    shutil.copytree(settings.THEMES_DIR / "default", tmp_path / "default")
    footer = tmp_path / "tet" / "templates" / "components" / "footer.html"
    footer.parent.mkdir(parents=True)
    footer.write_text('<footer role="contentinfo">Chúc mừng năm mới – {{ province.office_name }}</footer>')
    settings.THEMES_DIR = tmp_path
    Province.objects.filter(pk=hanoi.province.pk).update(theme="tet")

    hanoi_html = hanoi.client().get("/").content.decode()
    hcm_html = hcm.client().get("/").content.decode()

    assert "Chúc mừng năm mới – Bảo hiểm xã hội thành phố Hà Nội" in hanoi_html
    assert 'class="site-header"' in hanoi_html  # the header still comes from the default theme
    assert "Chúc mừng năm mới" not in hcm_html
    assert "Trang thông tin điện tử thuộc hệ thống Bảo hiểm xã hội Việt Nam" in hcm_html
