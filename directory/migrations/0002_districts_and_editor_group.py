"""Saxony's 13 districts (reference data) and the "District editors" group."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

DISTRICTS = [
    # slug, official name, short name, kind
    ("bautzen", "Landkreis Bautzen", "Bautzen", "landkreis"),
    ("erzgebirgskreis", "Erzgebirgskreis", "Erzgebirge", "landkreis"),
    ("goerlitz", "Landkreis Görlitz", "Görlitz", "landkreis"),
    ("landkreis-leipzig", "Landkreis Leipzig", "Landkreis Leipzig", "landkreis"),
    ("meissen", "Landkreis Meißen", "Meißen", "landkreis"),
    ("mittelsachsen", "Landkreis Mittelsachsen", "Mittelsachsen", "landkreis"),
    ("nordsachsen", "Landkreis Nordsachsen", "Nordsachsen", "landkreis"),
    ("saechsische-schweiz-osterzgebirge", "Landkreis Sächsische Schweiz-Osterzgebirge",
     "Sächs. Schweiz-Osterzgebirge", "landkreis"),
    ("vogtlandkreis", "Vogtlandkreis", "Vogtland", "landkreis"),
    ("zwickau", "Landkreis Zwickau", "Zwickau", "landkreis"),
    ("chemnitz", "Chemnitz", "Chemnitz", "city"),
    ("dresden", "Dresden", "Dresden", "city"),
    ("leipzig", "Leipzig", "Leipzig", "city"),
]

GROUP = "District editors"
PERMISSIONS = ["add_responsibilityentry", "change_responsibilityentry",
               "delete_responsibilityentry", "view_responsibilityentry"]


def forwards(apps, schema_editor):
    District = apps.get_model("directory", "District")
    for slug, name, short_name, kind in DISTRICTS:
        District.objects.update_or_create(slug=slug, defaults={
            "name": name, "short_name": short_name, "kind": kind})

    # Permissions are normally created after all migrations; the group needs them now.
    for app_label in ("directory",):
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="directory", codename__in=PERMISSIONS),
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin"),
    )


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
