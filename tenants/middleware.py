"""Requests to a suspended province answer 503 with a clear page instead of its site."""

from django.template.response import TemplateResponse


class SuspendedProvinceMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        province = getattr(request, "tenant", None)
        if province is not None and province.is_suspended:
            response = TemplateResponse(request, "tenants/suspended.html", {"province": province}, status=503)
            response["Retry-After"] = "3600"
            return response.render()
        return self.get_response(request)
