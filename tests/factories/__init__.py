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
