"""Receiving a contact message: store it, then tell the board by e-mail."""

from django.core.mail import send_mail
from django.db import connection, transaction

from .models import ContactMessage, ContactPage


def receive_contact_message(data: dict, page: ContactPage) -> ContactMessage:
    message = ContactMessage.objects.create(
        page=page, **{key: data[key] for key in ("name", "email", "phone", "subject", "message")}
    )
    recipient = getattr(connection.tenant, "email", "")
    if recipient:
        transaction.on_commit(
            lambda: send_mail(
                subject=f"[Liên hệ] {message.subject}",
                message=f"Người gửi: {message.name} <{message.email}> {message.phone}\n\n{message.message}",
                from_email=None,
                recipient_list=[recipient],
                fail_silently=True,
            )
        )
    return message
