"""One JSON error shape for the whole API (pinned by api/tests/test_errors.py):

    {"error": {"status": 400, "code": "invalid", "message": "…", "fields": {"status": ["…"]}}}
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_handler

from ...documents import DocumentError
from ..core.errors import EditConflict
from ..reviews.importer import ImportRefused


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_code = "conflict"


def _flatten(detail, prefix="") -> dict[str, list[str]]:
    if isinstance(detail, dict):
        out: dict[str, list[str]] = {}
        for key, value in detail.items():
            out.update(_flatten(value, f"{prefix}{key}" if not prefix else f"{prefix}.{key}"))
        return out
    if isinstance(detail, list):
        if all(not isinstance(v, dict | list) for v in detail):
            return {prefix or "non_field_errors": [str(v) for v in detail]}
        out = {}
        for index, value in enumerate(detail):
            out.update(_flatten(value, f"{prefix}.{index}" if prefix else str(index)))
        return out
    return {prefix or "non_field_errors": [str(detail)]}


def error(status_code: int, code: str, message: str, fields: dict | None = None) -> Response:
    return Response({"error": {"status": status_code, "code": code, "message": message, "fields": fields or {}}},
                    status=status_code)


def exception_handler(exc, context):
    if isinstance(exc, EditConflict):
        exc = Conflict(str(exc))
    elif isinstance(exc, DocumentError | ImportRefused):
        return error(400, "unreadable_document", str(exc), {"file": [str(exc)]})
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound("Not found, or you may not see it.")
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    response = drf_handler(exc, context)
    if response is None:
        return None  # a real bug: Django's 500 handler answers (JSON under /api/)
    detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
    if isinstance(exc, exceptions.ValidationError):
        fields = _flatten(detail)
        message = "; ".join(f"{k}: {' '.join(v)}" if k != "non_field_errors" else " ".join(v)
                            for k, v in fields.items())
        code = "invalid"
    else:
        fields = {}
        message = str(detail)
        code = getattr(detail, "code", None) or getattr(exc, "default_code", "error")
    body = error(response.status_code, str(code), message, fields)
    for header in ("WWW-Authenticate", "Retry-After"):
        if header in response:
            body[header] = response[header]
    return body
