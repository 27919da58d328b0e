"""A suspended province's domains answer 503 with a clear page; the others are unaffected."""

import pytest

from tenants.models import Province

pytestmark = pytest.mark.django_db


def test_a_suspended_province_answers_503_with_an_explanation(hanoi, hcm):
    Province.objects.filter(pk=hanoi.province.pk).update(status=Province.Status.SUSPENDED)

    for path in ("/", "/admin/", "/khong-ton-tai/"):
        response = hanoi.client().get(path)
        assert response.status_code == 503
        assert response["Retry-After"]
        assert "tạm ngừng hoạt động" in response.content.decode()
    assert hcm.client().get("/").status_code == 200
