from .content import LegalDocumentPageFactory, NewsCategoryFactory, NewsPageFactory, WagtailDocumentFactory
from .pages import ContentPageFactory
from .users import UserFactory

__all__ = [
    "ContentPageFactory",
    "LegalDocumentPageFactory",
    "NewsCategoryFactory",
    "NewsPageFactory",
    "UserFactory",
    "WagtailDocumentFactory",
]

from .newsroom import NationalDocumentPageFactory, NationalNewsPageFactory

__all__ += ["NationalDocumentPageFactory", "NationalNewsPageFactory"]

from .online_services import ServiceRequestFactory, ServiceRequestPageFactory  # noqa: E402

__all__ += ["ServiceRequestFactory", "ServiceRequestPageFactory"]
