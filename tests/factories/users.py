import factory
from django.contrib.auth import get_user_model


class UserFactory(factory.django.DjangoModelFactory):
    """A user of whichever schema is current when the factory runs."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"bientapvien{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.vn")
    first_name = "Nguyễn"
    last_name = "Văn An"
    password = factory.PostGenerationMethodCall("set_password", "mat-khau-thu-nghiem-2026")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.set(extracted)
        if create:
            self.save()
