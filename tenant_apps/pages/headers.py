"""Permissions-Policy on every answer: the sites use no camera, microphone, location, sensors,
payment or USB, so no page (nor anything it embeds) may ask the citizen for them."""

from django.conf import settings


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
