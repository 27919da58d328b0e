from django.apps import AppConfig


class SynonymsConfig(AppConfig):
    name = "shared_apps.synonyms"
    label = "central_synonyms"
    verbose_name = "Từ đồng nghĩa toàn ngành"
