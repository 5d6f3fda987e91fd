# Registrants hand their place to a colleague (state "substituted", Registration.substitute_for)
# and options may end self-service cancellation some hours before the start.

import django.db.models.deletion
from django.db import migrations, models

STATES = [
    ("pending", "Pending e-mail confirmation"), ("confirmed", "Confirmed"),
    ("waitlisted", "On the waiting list"), ("awaiting_approval", "Awaiting approval"),
    ("approved", "Approved"), ("rejected", "Rejected"), ("cancelled", "Cancelled"),
    ("expired", "Expired (not confirmed in time)"), ("attended", "Attended"),
    ("no_show", "Did not attend"), ("substituted", "Handed over to a substitute"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0009_registration_statistics_backfill"),
    ]

    operations = [
        migrations.AddField(
            model_name="registrationoption",
            name="cancel_hours_before",
            field=models.PositiveIntegerField(
                blank=True, null=True,
                help_text="Empty: registrants can cancel until the date starts. For example 48: "
                          "up to two days before. Afterwards they can still hand their place to a "
                          "colleague.",
                verbose_name="cancellation possible until (hours before the start)"),
        ),
        migrations.AddField(
            model_name="registration",
            name="substitute_for",
            field=models.OneToOneField(
                blank=True, editable=False, null=True,
                on_delete=django.db.models.deletion.SET_NULL, related_name="substitute",
                to="events.registration", verbose_name="substitute for"),
        ),
        migrations.AlterField(
            model_name="registration",
            name="state",
            field=models.CharField(choices=STATES, default="pending", max_length=20,
                                   verbose_name="state"),
        ),
        migrations.AlterField(
            model_name="registrationfact",
            name="state",
            field=models.CharField(choices=STATES, max_length=20, verbose_name="state"),
        ),
    ]
