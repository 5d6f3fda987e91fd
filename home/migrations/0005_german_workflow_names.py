"""The review workflow and its tasks carry German names: German is the admin's and the
content's source language, and editors read these names in the page header and the e-mails."""

from django.db import migrations

WORKFLOW_NAMES = {"Two-step review": "Zweistufige Prüfung"}
TASK_NAMES = {
    "Content review": "Inhaltliche Prüfung",
    "Publication approval": "Freigabe zur Veröffentlichung",
}


def rename(apps, workflows, tasks):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    for old, new in workflows.items():
        Workflow.objects.filter(name=old).update(name=new)
    for old, new in tasks.items():
        Task.objects.filter(name=old).update(name=new)


def forwards(apps, schema_editor):
    rename(apps, WORKFLOW_NAMES, TASK_NAMES)


def backwards(apps, schema_editor):
    rename(apps, {new: old for old, new in WORKFLOW_NAMES.items()},
           {new: old for old, new in TASK_NAMES.items()})


class Migration(migrations.Migration):
    dependencies = [("home", "0004_editorial_roles_and_workflow")]

    operations = [migrations.RunPython(forwards, backwards)]
