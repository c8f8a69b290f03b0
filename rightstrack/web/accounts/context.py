"""Template context: the user's role, so pages show only the buttons it may use."""

from ..core.permissions import is_coordinator, role_of


def role(request):
    user = getattr(request, "user", None)
    return {"role": role_of(user), "is_coordinator": is_coordinator(user)}
