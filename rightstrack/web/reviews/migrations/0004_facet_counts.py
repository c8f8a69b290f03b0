"""Facet counts the database keeps (a table and its triggers), the sample bucket index, and
the index of the paragraphs with a tag.

See ``reviews/counts.py`` and ``reviews/facets.py``.
"""

from django.db import migrations, models

from ..counts import create_triggers, drop_triggers
from ..sample import bucket_sql


def create_sample_index(apps, schema_editor) -> None:
    # PostgreSQL only: ANDed with the full-text or a facet index, it reads just the sample's
    # rows. SQLite computes the bucket from the row id, which it has before reading the row.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX paragraph_sample ON reviews_paragraph (({bucket_sql('id')}))")


def drop_sample_index(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS paragraph_sample")


class Migration(migrations.Migration):

    dependencies = [
        ('reviews', '0003_facet_indexes'),
    ]

    operations = [
        migrations.CreateModel(
            name='FacetCount',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('facet', models.CharField(help_text='A facet name, or "tag:" and a vocabulary.', max_length=30)),
                ('value', models.TextField()),
                ('count', models.BigIntegerField()),
            ],
        ),
        # The tag facets over every paragraph are kept counts now; a theme filter reads
        # the paragraphs with a tag from this index alone.
        migrations.RemoveIndex(model_name='tag', name='tag_facet_all'),
        migrations.AddIndex(
            model_name='tag',
            index=models.Index(fields=['vocabulary', 'value', 'decision', 'paragraph'], name='tag_filter'),
        ),
        migrations.RunPython(create_triggers, drop_triggers),
        migrations.RunPython(create_sample_index, drop_sample_index),
    ]
