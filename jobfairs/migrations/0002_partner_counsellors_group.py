"""The group of partner organisations' counsellors, who register their clients for job fairs;
the registration managers (events) may check guests in."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Partner counsellors"


def forwards(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    app_config = apps.get_app_config("jobfairs")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    counsellors, _ = Group.objects.get_or_create(name=GROUP)
    counsellors.permissions.add(
        *Permission.objects.filter(content_type__app_label="jobfairs", codename="register_clients"),
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    managers = Group.objects.filter(name="Registration managers").first()
    if managers:
        managers.permissions.add(*Permission.objects.filter(
            content_type__app_label="jobfairs",
            codename__in=["check_in", "view_interview", "add_interview", "change_interview",
                          "delete_interview"]))


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("jobfairs", "0001_initial"),
        ("events", "0003_registration_managers_group"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
