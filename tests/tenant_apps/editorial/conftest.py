import pytest
from django.contrib.auth.models import Group

from tenant_apps.editorial.models import BoardMember, BoardRole
from tenant_apps.editorial.services import save_member
from tests.factories import UserFactory


@pytest.fixture
def board(hanoi):
    """One account per board role in Hà Nội, created through the board's own service."""
    accounts = {}
    with hanoi.context():
        for role in BoardRole:
            user = UserFactory(username=role.value)
            save_member(
                BoardMember(
                    full_name=f"Thành viên {role.label}",
                    position="Chuyên viên",
                    role=role,
                    email=f"{role.value}@hanoi.vss.gov.vn",
                    user=user,
                )
            )
            accounts[role] = user
        assert Group.objects.get(name="Trưởng ban").user_set.get() == accounts[BoardRole.HEAD]
    return accounts
