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


@register.simple_tag
def word_diff(before, after, context: int = 8):
    """Words removed (<del>) and added (<ins>) between two texts, with a little context; escaped."""
    import difflib

    from django.utils.html import escape
    from django.utils.safestring import mark_safe

    old, new = str(before or "").split(), str(after or "").split()
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            words = old[i1:i2]
            if len(words) > 2 * context:
                words = words[:context] + ["…"] + words[-context:] if parts else ["…"] + words[-context:]
            parts.append(escape(" ".join(words)))
        else:
            if i2 > i1:
                parts.append(f"<del>{escape(' '.join(old[i1:i2]))}</del>")
            if j2 > j1:
                parts.append(f"<ins>{escape(' '.join(new[j1:j2]))}</ins>")
    return mark_safe(" ".join(parts))


@register.filter
def label(key: str) -> str:
    """A data key as words: "session_start" -> "Session start"."""
    return str(key).replace("_", " ").capitalize()


@register.filter
def about(n: int) -> int:
    """An estimated count as people say it: two significant digits (34000, 1200, 48)."""
    n = int(n)
    if n >= 100:
        step = 10 ** (len(str(n)) - 2)
        n = round(n / step) * step
    return n
