from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    """Imported documents of the treaty bodies and the UPR, their paragraphs, links and tags.

    Named "reviews" because ``rightstrack.documents`` is the parsing library.
    """

    name = "rightstrack.web.reviews"
    label = "reviews"
    verbose_name = "Reviews and documents"
