"""Template helpers shared by the apps."""

from django import template

register = template.Library()


@register.simple_tag
def query_with(query, **changes):
    """The current query string with some parameters replaced (pagination links keep the filters)."""
    query = query.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()
