"""Editorial roles with the least permissions each needs, and the two-step review workflow.

Editors: create and edit pages, no publishing. Reviewers: approve content in the workflow,
publish, lock. Translators: translate (wagtail-localize) and edit drafts, never publish.
Moderators (Wagtail's publishers) give the final publication approval. The registration
managers, district editors and partner counsellors groups come from their plugins.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

WORKFLOW_NAME = "Two-step review"
PAGE_PERMISSIONS = {
    "Editors": ["add_page", "change_page"],
    "Reviewers": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    "Translators": ["add_page", "change_page"],
    "Moderators": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
# Model permissions: media for editors and reviewers, translation for all three.
MODEL_PERMISSIONS = {
    "Editors": [("wagtailimages", "add_image"), ("wagtailimages", "change_image"),
                ("wagtailimages", "choose_image"), ("wagtaildocs", "add_document"),
                ("wagtaildocs", "change_document"), ("wagtaildocs", "choose_document"),
                ("wagtail_localize", "submit_translation")],
    "Reviewers": [("wagtailimages", "add_image"), ("wagtailimages", "change_image"),
                  ("wagtailimages", "choose_image"), ("wagtaildocs", "add_document"),
                  ("wagtaildocs", "change_document"), ("wagtaildocs", "choose_document"),
                  ("wagtail_localize", "submit_translation")],
    "Translators": [("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document"),
                    ("wagtail_localize", "submit_translation")],
}
# Translatable vocabularies: editors and reviewers maintain them, translators translate them.
SNIPPET_MODELS = [("events", "category"), ("events", "audience"), ("events", "eventlanguage"),
                  ("events", "organisation"), ("events", "venue")]


def forwards(apps, schema_editor):
    for app_label in ("wagtailcore", "wagtailimages", "wagtaildocs", "events"):
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    root = Page.objects.filter(depth=1).first()
    admin_access = Permission.objects.filter(content_type__app_label="wagtailadmin",
                                             codename="access_admin")
    groups = {}
    for name, codenames in PAGE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(*admin_access)
        if root is None:
            continue
        for codename in codenames:
            permission = Permission.objects.get(content_type__app_label="wagtailcore",
                                                codename=codename)
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)
        # Least privilege: editors and translators never publish.
        if "publish_page" not in codenames:
            GroupPagePermission.objects.filter(
                group=group, permission__codename__in=["publish_page", "bulk_delete_page"]).delete()
    for name, pairs in MODEL_PERMISSIONS.items():
        for app_label, codename in pairs:
            groups[name].permissions.add(*Permission.objects.filter(
                content_type__app_label=app_label, codename=codename))
    for app_label, model in SNIPPET_MODELS:
        for action, names in (("add", ["Editors", "Reviewers"]), ("change", ["Editors", "Reviewers", "Translators"]),
                              ("view", ["Editors", "Reviewers", "Translators"]), ("delete", ["Reviewers"])):
            permission = Permission.objects.filter(content_type__app_label=app_label,
                                                   codename=f"{action}_{model}").first()
            if permission:
                for name in names:
                    groups[name].permissions.add(permission)

    if root is None:
        return
    task_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore",
                                                            model="groupapprovaltask")
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    for order, (task_name, group_name) in enumerate([("Content review", "Reviewers"),
                                                     ("Publication approval", "Moderators")]):
        task, _created = GroupApprovalTask.objects.get_or_create(
            name=task_name, defaults={"content_type": task_type, "active": True})
        task.groups.set([groups[group_name]])
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": order})
    # Every section of every language lies under the root: translations are reviewed too.
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_plain_language_summary"),
        ("events", "0003_registration_managers_group"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
