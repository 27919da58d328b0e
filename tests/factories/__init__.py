from .pages import ContentPageFactory
from .users import UserFactory

__all__ = ["ContentPageFactory", "UserFactory"]
