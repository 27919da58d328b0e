"""Operations of the editorial board: members and their roles, invitations, royalties."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tenants.schemas import current_province
from tenants.urls import absolute_url

from .models import BoardMember, BoardRole, RoyaltyContribution
from .roles import BOARD_ROLES


def sync_member_groups(member: BoardMember) -> None:
    """A member's account belongs to exactly the group of their board role (none when inactive)."""
    if member.user is None:
        return
    board_groups = Group.objects.filter(name__in=[role.name for role in BOARD_ROLES])
    member.user.groups.remove(*board_groups)
    if member.is_active:
        member.user.groups.add(Group.objects.get(name=BoardRole(member.role).label))


@transaction.atomic
def save_member(member: BoardMember) -> BoardMember:
    """Save a member and bring their account's permissions in line with their role."""
    member.save()
    sync_member_groups(member)
    return member


def invitation_link(user) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return absolute_url(None, f"/loi-moi/{uid}/{token}/")


@transaction.atomic
def invite_member(member: BoardMember) -> BoardMember:
    """Create the member's account (no usable password) and e-mail them a link to set one."""
    User = get_user_model()
    if member.user is None:
        username = member.email.split("@")[0]
        if User.objects.filter(username=username).exists():
            username = member.email
        user = User(username=username, email=member.email, first_name=member.full_name, is_active=True)
        user.set_unusable_password()
        user.save()
        member.user = user
    member.invited_at = timezone.now()
    save_member(member)
    link = invitation_link(member.user)
    office = current_province().office_name
    transaction.on_commit(
        lambda: send_mail(
            subject=f"Lời mời tham gia Ban Biên tập trang thông tin điện tử {office}",
            message=(
                f"Kính gửi {member.full_name},\n\nBạn được mời tham gia Ban Biên tập với vai trò "
                f"{member.get_role_display()}. Vui lòng đặt mật khẩu tại:\n{link}\n\n"
                f"Tên đăng nhập: {member.user.username}\nLiên kết chỉ dùng được một lần."
            ),
            from_email=None,
            recipient_list=[member.email],
        )
    )
    return member


def accept_invitation(member: BoardMember) -> None:
    member.joined_at = timezone.now()
    member.save(update_fields=["joined_at"])


@transaction.atomic
def approve_royalties(contributions, approver: str) -> int:
    """Approve proposed royalties (head of board); return how many changed."""
    return RoyaltyContribution.objects.filter(
        pk__in=[c.pk for c in contributions], status=RoyaltyContribution.Status.PROPOSED
    ).update(status=RoyaltyContribution.Status.APPROVED, approved_by=approver)
