"""The "Training editors" group: in-house requests, trainers and feedback results; they are
also who is notified of new requests (TRAININGS_NOTIFY_GROUP) unless TRAININGS_NOTIFY_EMAILS
is set. Page editors get the trainer snippet so they can choose and add trainers."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Training editors"
GROUP_PERMISSIONS = ["view_inhouserequest", "change_inhouserequest", "add_trainer",
                     "change_trainer", "delete_trainer", "view_trainer", "view_feedbackresponse"]
EDITOR_PERMISSIONS = ["add_trainer", "change_trainer", "view_trainer"]


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("trainings")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(codenames):
        return Permission.objects.filter(content_type__app_label="trainings", codename__in=codenames)

    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *permissions(GROUP_PERMISSIONS),
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    for name in ("Editors", "Moderators"):
        editors = Group.objects.filter(name=name).first()
        if editors:
            editors.permissions.add(*permissions(EDITOR_PERMISSIONS))


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("trainings", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
