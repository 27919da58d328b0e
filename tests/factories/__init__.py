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

from .newsroom import NationalDocumentPageFactory, NationalNewsPageFactory, ProvinceGroupFactory

__all__ += ["NationalDocumentPageFactory", "NationalNewsPageFactory", "ProvinceGroupFactory"]

from .online_services import ServiceRequestFactory, ServiceRequestPageFactory  # noqa: E402

__all__ += ["ServiceRequestFactory", "ServiceRequestPageFactory"]

from .citizen_content import (  # noqa: E402
    BestBetFactory,
    ProcedurePageFactory,
    QuestionFactory,
    SynonymGroupFactory,
    add_office,
)

__all__ += ["BestBetFactory", "ProcedurePageFactory", "QuestionFactory", "SynonymGroupFactory", "add_office"]
