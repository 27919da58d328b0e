from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import PersonalDataAccess, ServiceRequest, ServiceRequestPage
from .viewsets import ACCESS_LOG_POLICY, SERVICE_REQUEST_POLICY, OnlineServicesGroup

# Before the viewsets register (they would otherwise create the default model policy).
register_permission_policy(ServiceRequest, SERVICE_REQUEST_POLICY)
register_permission_policy(PersonalDataAccess, ACCESS_LOG_POLICY)


@hooks.register("register_admin_viewset")
def register_online_services_admin():
    return OnlineServicesGroup()


@hooks.register("filter_form_submissions_for_user")
def hide_service_requests_from_wagtail_forms(user, editable_forms):
    """Requests are read in «Dịch vụ công» (permission-checked, logged), never in Wagtail's form submissions."""
    return editable_forms.not_type(ServiceRequestPage)
