"""Full-text index of paragraphs: FTS5 on SQLite, a tsvector column with GIN on PostgreSQL."""

from django.db import migrations

from ..search import create_index, drop_index


class Migration(migrations.Migration):
    dependencies = [("reviews", "0001_initial")]
    operations = [migrations.RunPython(create_index, drop_index)]
