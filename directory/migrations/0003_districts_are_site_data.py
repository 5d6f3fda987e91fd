"""The district list is the site's data (`manage.py load_districts`), not the plugin's.

0002 seeded Saxony's districts into every installation. On a fresh installation (exactly those
districts, none used yet) they are removed again; an installation that already uses them keeps
them untouched.
"""

from django.db import migrations

SEEDED = ["bautzen", "erzgebirgskreis", "goerlitz", "landkreis-leipzig", "meissen",
          "mittelsachsen", "nordsachsen", "saechsische-schweiz-osterzgebirge", "vogtlandkreis",
          "zwickau", "chemnitz", "dresden", "leipzig"]


def forwards(apps, schema_editor):
    from directory.districts import seeded_districts_unused

    District = apps.get_model("directory", "District")
    if seeded_districts_unused(District, SEEDED):
        District._base_manager.filter(slug__in=SEEDED).delete()


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_districts_and_editor_group")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
