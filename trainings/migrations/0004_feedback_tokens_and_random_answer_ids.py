"""Feedback links carry an opaque token of the invitation (not the registration's reference),
and answers get random (UUID) keys so they no longer line up with the receipts.

Old links (a signed reference) stop working; the invitations sent before get a token no mail
ever carried. The answers are copied over in random order under new keys: the model keeps its
name and content type, so the "Training editors" keep their permission to read them.
"""

import random
import secrets
import uuid

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models

import trainings.models.feedback

RATING = [django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)]
ANSWER_FIELDS = ["occurrence_id", "module_id", "overall", "content", "trainer", "organisation",
                 "comment", "submitted_on"]


def answer_fields(foreign_key_name):
    return [
        ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True,
                                serialize=False)),
        ("overall", models.PositiveSmallIntegerField(validators=RATING, verbose_name="overall")),
        ("content", models.PositiveSmallIntegerField(validators=RATING,
                                                     verbose_name="usefulness of the content")),
        ("trainer", models.PositiveSmallIntegerField(validators=RATING, verbose_name="trainer")),
        ("organisation", models.PositiveSmallIntegerField(validators=RATING,
                                                          verbose_name="organisation")),
        ("comment", models.TextField(blank=True, max_length=3000, verbose_name="comment")),
        ("submitted_on", models.DateField(verbose_name="submitted on")),
        ("occurrence", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE,
                                         related_name=foreign_key_name, to="events.occurrence",
                                         verbose_name="session")),
        ("module", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL,
                                     related_name=foreign_key_name,
                                     to="trainings.trainingmodulepage", verbose_name="module")),
    ]


def give_invitations_tokens(apps, schema_editor):
    FeedbackInvitation = apps.get_model("trainings", "FeedbackInvitation")
    for invitation in FeedbackInvitation.objects.filter(token__isnull=True):
        invitation.token = secrets.token_urlsafe(32)
        invitation.save(update_fields=["token"])


def copy(source_name, target_name):
    def run(apps, schema_editor):
        source = apps.get_model("trainings", source_name)
        target = apps.get_model("trainings", target_name)
        rows = list(source.objects.values(*ANSWER_FIELDS))
        random.SystemRandom().shuffle(rows)  # no trace of the old order
        # New keys from the target's own default (random forwards, sequential backwards).
        target.objects.bulk_create([target(**row) for row in rows])

    return run


class Migration(migrations.Migration):

    dependencies = [
        ("trainings", "0003_plain_language_summary"),
    ]

    operations = [
        migrations.AddField(
            model_name="feedbackinvitation",
            name="token",
            field=models.CharField(editable=False, max_length=64, null=True),
        ),
        migrations.RunPython(give_invitations_tokens, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="feedbackinvitation",
            name="token",
            field=models.CharField(default=trainings.models.feedback.new_feedback_token,
                                   editable=False, max_length=64, unique=True),
        ),
        # The answers move through a temporary table to a table with random keys.
        migrations.CreateModel(name="FeedbackResponseCopy", fields=answer_fields("+")),
        migrations.RunPython(copy("FeedbackResponse", "FeedbackResponseCopy"),
                             copy("FeedbackResponseCopy", "FeedbackResponse")),
        migrations.DeleteModel(name="FeedbackResponse"),
        migrations.CreateModel(
            name="FeedbackResponse",
            fields=answer_fields("feedback_responses"),
            options={"verbose_name": "feedback response",
                     "verbose_name_plural": "feedback responses"},
        ),
        migrations.RunPython(copy("FeedbackResponseCopy", "FeedbackResponse"),
                             copy("FeedbackResponse", "FeedbackResponseCopy")),
        migrations.DeleteModel(name="FeedbackResponseCopy"),
    ]
