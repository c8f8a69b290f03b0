from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from .models import LoginAttempt, Profile


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False


class RoleUserAdmin(UserAdmin):
    inlines = [ProfileInline]


admin.site.unregister(get_user_model())
admin.site.register(get_user_model(), RoleUserAdmin)
admin.site.register(LoginAttempt, list_display=("time", "username", "address"))
