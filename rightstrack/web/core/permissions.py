"""Who may see and change what: applied in querysets, the one place (as NetBox does).

Roles (``accounts.choices.Role``):
- administrator, coordinator: see and change all tracked data;
- agency focal point: sees all, changes only paragraphs (and their actions, evidence,
  indicators, comments) whose lead or supporting agency is its own;
- viewer: sees all, changes nothing;
- the public (not signed in): sees what the coordinator published, changes nothing.
"""

from __future__ import annotations

from django.db.models import Q

from ..accounts.choices import Role

ACTIONS = ("view", "add", "change", "delete")


def role_of(user) -> str | None:
    """The user's role; None for the public (anonymous or deactivated)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser:
        return Role.ADMIN
    profile = getattr(user, "profile", None)
    return profile.role if profile else Role.VIEWER


def agency_of(user):
    profile = getattr(user, "profile", None)
    return profile.agency_id if profile else None


def assigned_q(scope: str, agency_id) -> Q:
    """Paragraphs (at ``scope``) whose lead or one supporting agency is ``agency_id``."""
    from ..reviews.models import Paragraph

    supported = Paragraph.supporting_agencies.through.objects.filter(agency_id=agency_id).values("paragraph_id")
    own = "pk" if scope == "" else scope.rstrip("_")
    return Q(**{f"{scope}lead_agency_id": agency_id}) | Q(**{f"{own}__in": supported})


def restrict(queryset, user, action: str):
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    model = queryset.model
    role = role_of(user)
    if role in (Role.ADMIN, Role.COORDINATOR):
        return queryset
    if action == "view":
        if role is not None:
            return queryset
        public = model.public_q()
        return queryset.none() if public is None else queryset.filter(public)
    if role == Role.FOCAL_POINT and getattr(model, "focal_points_edit", False) and agency_of(user):
        return queryset.filter(assigned_q(model.paragraph_scope, agency_of(user)))
    return queryset.none()


def can(user, action: str, obj) -> bool:
    """May ``user`` do ``action`` on ``obj``? The same rule, for one object."""
    return restrict(type(obj).objects.filter(pk=obj.pk), user, action).exists()


def can_add(user, model, paragraph=None) -> bool:
    """May ``user`` add a ``model`` row (to ``paragraph`` when it belongs to one)?"""
    role = role_of(user)
    if role in (Role.ADMIN, Role.COORDINATOR):
        return True
    if role == Role.FOCAL_POINT and getattr(model, "focal_points_edit", False) and paragraph is not None:
        return can(user, "change", paragraph)
    return False


# Tracking fields of a paragraph each role may change (rows come from ``restrict``).
COORDINATOR_FIELDS = ("status", "status_note", "lead_agency", "supporting_agencies", "published")
FOCAL_POINT_FIELDS = ("status", "status_note")


def editable_fields(user) -> tuple[str, ...]:
    role = role_of(user)
    if role in (Role.ADMIN, Role.COORDINATOR):
        return COORDINATOR_FIELDS
    if role == Role.FOCAL_POINT:
        return FOCAL_POINT_FIELDS
    return ()


def is_coordinator(user) -> bool:
    return role_of(user) in (Role.ADMIN, Role.COORDINATOR)
