"""The group that sees registrants' personal data; editors and moderators get the places (counts)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Registration managers"
MANAGER_PERMISSIONS = ["view_registration", "change_registration", "export_registration",
                       "add_registrationoption", "change_registrationoption",
                       "view_registrationoption"]
EDITOR_PERMISSIONS = ["add_registrationoption", "change_registrationoption",
                      "view_registrationoption"]


def forwards(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    app_config = apps.get_app_config("events")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(codenames):
        return Permission.objects.filter(content_type__app_label="events", codename__in=codenames)

    managers, _ = Group.objects.get_or_create(name=GROUP)
    managers.permissions.add(
        *permissions(MANAGER_PERMISSIONS),
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    for name in ("Editors", "Moderators"):
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.add(*permissions(EDITOR_PERMISSIONS))


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_registrations"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
