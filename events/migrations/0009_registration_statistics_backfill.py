"""Who sees the funders' statistics, and facts for the registrations made before them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MANAGERS = "Registration managers"
# Figures only: the report, never a registrant's data.
FUNDER_GROUP = "Statistics viewers"
PERMISSION = "view_registrationfact"


def permissions(apps, schema_editor):
    app_config = apps.get_app_config("events")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.filter(content_type__app_label="events", codename=PERMISSION)
    managers = Group.objects.filter(name=MANAGERS).first()
    if managers:
        managers.permissions.add(*view)
    viewers, _ = Group.objects.get_or_create(name=FUNDER_GROUP)
    viewers.permissions.add(*view, *Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"))


def backfill(apps, schema_editor):
    # Registrations from before the statistics get their facts once, erased ones included (their
    # state, date, kind and language are still there). This runs the current code, which matches
    # the schema at the release that brings this migration; a fresh database has nothing to do.
    if not apps.get_model("events", "Registration").objects.exists():
        return
    from events.registration.statistics import record_missing

    record_missing(include_erased=True)


def no_backwards(apps, schema_editor):
    pass


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0008_registration_statistics"),
        ("events", "0003_registration_managers_group"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [
        migrations.RunPython(permissions, no_backwards),
        migrations.RunPython(backfill, no_backwards),
    ]
