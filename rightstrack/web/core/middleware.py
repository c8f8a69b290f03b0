"""Puts the signed-in user into the change context of each request."""

from __future__ import annotations

from .context import ChangeContext, _current


class ChangeContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        context = ChangeContext(user=request.user if request.user.is_authenticated else None)
        request.id = context.request_id
        token = _current.set(context)
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)
