"""The site's editorial roles and the registration e-mail texts (events plugin): editors and
reviewers word them, translators translate them, as for the vocabulary snippets (0004)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = {"add": ["Editors", "Reviewers"], "change": ["Editors", "Reviewers", "Translators"],
               "view": ["Editors", "Reviewers", "Translators"], "delete": ["Reviewers"]}


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("events")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for action, names in PERMISSIONS.items():
        permission = Permission.objects.get(content_type__app_label="events",
                                            codename=f"{action}_registrationmailtext")
        for group in Group.objects.filter(name__in=names):
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_districts"),
        ("events", "0014_mail_texts_and_reminders"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
