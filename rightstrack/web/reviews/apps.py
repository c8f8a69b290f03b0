from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ReviewsConfig(AppConfig):
    """Imported documents of the treaty bodies and the UPR, their paragraphs, links and tags.

    Named "reviews" because ``rightstrack.documents`` is the parsing library.
    """

    name = "rightstrack.web.reviews"
    label = "reviews"
    verbose_name = "Reviews and documents"

    def ready(self) -> None:
        post_migrate.connect(_recount, sender=self)


def _recount(sender, using="default", plan=None, **kwargs) -> None:
    """After ``migrate`` and ``flush`` (tests): ``flush`` empties tables in an order the
    facet count triggers cannot follow, so the counts are taken again."""
    from django.db import connections

    from . import counts

    if counts.TABLE in connections[using].introspection.table_names():  # not after migrating to zero
        counts.rebuild(using)
