"""Error pages: one line saying what happened, never a traceback; JSON under /api/."""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render


def _error(request, status: int, message: str):
    if request.path.startswith("/api/"):
        return JsonResponse({"error": {"status": status, "code": {403: "permission_denied", 404: "not_found"}
                                       .get(status, "server_error"), "message": message, "fields": {}}},
                            status=status)
    return render(request, "error.html", {"status": status, "message": message}, status=status)


def not_found(request, exception=None):
    return _error(request, 404, "Not found: no such page, or you may not see it.")


def forbidden(request, exception=None):
    return _error(request, 403, "You may not do this with your role.")


def server_error(request):
    return _error(request, 500, "Something went wrong on our side; the administrator can see the details in the log.")
