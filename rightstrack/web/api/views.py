"""The base of every API view set: rows from ``.restrict(user, action)``."""

from __future__ import annotations

from rest_framework import viewsets
from rest_framework.exceptions import PermissionDenied

from ..core.context import attribute_to
from ..core.permissions import restrict
from .permissions import ACTION_OF_METHOD


class RestrictedViewSet(viewsets.GenericViewSet):
    """Lists and reads what the user may see; writes only what it may change.

    A row the user may see but not change answers 403, one it may not see 404.
    """

    queryset = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        attribute_to(request.user)  # token users are known only now, after the middleware ran

    def get_queryset(self):
        return restrict(self.queryset.all(), self.request.user, "view")

    def get_object(self):
        obj = super().get_object()
        action = ACTION_OF_METHOD.get(self.request.method, "view")
        if action != "view" and not restrict(type(obj).objects.filter(pk=obj.pk), self.request.user,
                                             action).exists():
            raise PermissionDenied("Your role may not change this record.")
        return obj
