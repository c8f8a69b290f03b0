from django.apps import AppConfig


class AgenciesConfig(AppConfig):
    name = "rightstrack.web.agencies"
    label = "agencies"
    verbose_name = "Agencies"
