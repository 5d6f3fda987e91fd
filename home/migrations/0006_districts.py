"""Saxony's districts, the site's data for the directory plugin (home/data/districts.json)."""

from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "districts.json"


def forwards(apps, schema_editor):
    from directory.districts import load_districts, read_rows

    load_districts(apps.get_model("directory", "District"), read_rows(DATA))


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_german_workflow_names"),
        ("directory", "0003_districts_are_site_data"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
