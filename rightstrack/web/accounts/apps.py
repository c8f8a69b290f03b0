from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "rightstrack.web.accounts"
    label = "accounts"
    verbose_name = "Users and roles"
