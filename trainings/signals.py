"""Keeping data in sync (not the main flow): places for new sessions when a module is
published, and the certificate once a participant is marked attended."""

from django.db import transaction

from . import services


def create_session_places(sender, instance, **kwargs):
    """`page_published` of a module: every new session gets its participant places."""
    services.ensure_participant_options(instance)


def send_certificate_when_attended(sender, registration, action, **kwargs):
    """`registration_changed` (sent after commit): mail the certificate to new attendees."""
    if action != "attended":
        return
    registration = type(registration).objects.select_related("option", "occurrence").get(
        pk=registration.pk)
    if services.is_training_registration(registration):
        transaction.on_commit(lambda: services.queue_certificate(registration))
