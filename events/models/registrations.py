"""Registrations for dates: the capacity row per date and kind, and the registrations held on it."""

import datetime
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from events.registration.reminders import validate_reminder_offsets


def new_reference():
    # 24 random bytes = 192 bits; the only public handle on a registration.
    return secrets.token_urlsafe(24)


class RegistrationState(models.TextChoices):
    PENDING = "pending", _("Pending e-mail confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    AWAITING_APPROVAL = "awaiting_approval", _("Awaiting approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Expired (not confirmed in time)")
    ATTENDED = "attended", _("Attended")
    NO_SHOW = "no_show", _("Did not attend")
    # The registrant handed the place to a colleague (who has a registration of their own).
    SUBSTITUTED = "substituted", _("Handed over to a substitute")


# States that hold one of the option's places.
HOLDING_STATES = (
    RegistrationState.PENDING, RegistrationState.CONFIRMED, RegistrationState.AWAITING_APPROVAL,
    RegistrationState.APPROVED, RegistrationState.ATTENDED, RegistrationState.NO_SHOW,
)
# Places that are settled (address confirmed, approved where asked): only these receive the
# online join link.
SECURED_STATES = (
    RegistrationState.CONFIRMED, RegistrationState.APPROVED, RegistrationState.ATTENDED,
    RegistrationState.NO_SHOW,
)
# States in which a person is still registered (one per date and e-mail address).
ACTIVE_STATES = HOLDING_STATES + (RegistrationState.WAITLISTED,)


class AttendancePart(models.TextChoices):
    """Which places of a date an option counts: a hybrid date has one option per part."""

    WHOLE = "", _("The whole date")
    ON_SITE = "onsite", _("On site")
    ONLINE = "online", _("Online")


# The counters of RegistrationOption that only the database's triggers write.
COUNTERS = ("places_held", "places_waiting")


class RegistrationOption(models.Model):
    """One kind of registration offered for one date: the capacity row that registrations lock."""

    occurrence = models.ForeignKey(
        "events.Occurrence", on_delete=models.CASCADE, related_name="registration_options",
        verbose_name=_("date"), help_text=_("The date people register for."),
    )
    kind = models.CharField(
        _("kind of registration"), max_length=40,
        help_text=_("Who registers, e.g. participant, employer or job-seeker."),
    )
    part = models.CharField(
        _("places for"), max_length=10, choices=AttendancePart.choices, blank=True, default="",
        help_text=_("Hybrid dates: one option for the places on site and one for those online, "
                    "each with its own capacity and waiting list."))
    capacity = models.PositiveIntegerField(
        _("places"), default=20,
        help_text=_("Lowering it removes nobody: new registrations then go to the waiting list."),
    )
    opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True,
                                    help_text=_("Empty: open now (Europe/Berlin time)."))
    closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True,
                                     help_text=_("Empty: closes when the date starts (Europe/Berlin time)."))
    waitlist_enabled = models.BooleanField(_("keep a waiting list"), default=True,
                                           help_text=_("When full, further people join a waiting list."))
    requires_approval = models.BooleanField(_("editors approve each registration"), default=False,
                                            help_text=_("Registrations wait for approval by an editor."))
    hold_hours = models.PositiveSmallIntegerField(
        _("hold time (hours)"), default=24,
        help_text=_("How long a place is held while the e-mail address is unconfirmed."),
    )
    cancel_hours_before = models.PositiveIntegerField(
        _("cancellation possible until (hours before the start)"), null=True, blank=True,
        help_text=_("Empty: registrants can cancel until the date starts. For example 48: "
                    "up to two days before. Afterwards they can still hand their place to a "
                    "colleague."),
    )
    reminder_offsets = models.CharField(
        _("reminders before the start"), max_length=100, blank=True,
        validators=[validate_reminder_offsets],
        help_text=_("When reminders go out, e.g. “7d, 1d, 2h” (days d, hours h, minutes m "
                    "before the start); “0” sends none. Empty: the site's default."),
    )
    # What registrants were last told about the date (start, end, status, place), so that a
    # publish which changes it notifies them once.
    announced = models.CharField(max_length=200, blank=True, editable=False)
    # How many registrations hold a place / wait, kept in step by database triggers in the
    # same transaction as every change of a registration (events/registration/counts.py), so
    # the holder of the row lock reads them instead of counting.
    places_held = models.PositiveIntegerField(
        _("held places"), default=0, editable=False,
        help_text=_("Registrations that hold one of the places (kept up to date automatically)."))
    places_waiting = models.PositiveIntegerField(
        _("on the waiting list"), default=0, editable=False,
        help_text=_("Registrations on the waiting list (kept up to date automatically)."))

    panels = [
        FieldPanel("occurrence"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("part"), FieldPanel("capacity")]),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        MultiFieldPanel([
            FieldPanel("waitlist_enabled"), FieldPanel("requires_approval"), FieldPanel("hold_hours"),
            FieldPanel("cancel_hours_before"), FieldPanel("reminder_offsets"),
        ], heading=_("Rules")),
    ]

    class Meta:
        verbose_name = _("registration option")
        verbose_name_plural = _("registration options")
        constraints = [
            models.UniqueConstraint(fields=["occurrence", "kind", "part"],
                                    name="events_regoption_unique_kind_part"),
        ]

    def __str__(self):
        if self.part:
            return f"{self.occurrence} – {self.kind_label} ({self.get_part_display()})"
        return f"{self.occurrence} – {self.kind_label}"

    def save(self, *args, **kwargs):
        if not self.announced and self.occurrence_id:
            from events.registration.changes import fingerprint

            # What registrants are told from now on; a later change of the date notifies them.
            self.announced = fingerprint(self.occurrence)
        if not self._state.adding and not args and kwargs.get("update_fields") is None \
                and not kwargs.get("force_insert"):
            # An editor's form read the counters a while ago: saving must not write them back
            # over the registrations made since (the triggers alone change them).
            kwargs["update_fields"] = [field.name for field in self._meta.concrete_fields
                                       if not field.primary_key and field.name not in COUNTERS]
        super().save(*args, **kwargs)

    @property
    def receives_join_link(self):
        """People on the on-site part of a hybrid date do not get the online link."""
        return self.part != AttendancePart.ON_SITE

    @property
    def kind_label(self):
        from events.registration.kinds import get_kind

        kind = get_kind(self.kind)
        return kind.label if kind else self.kind

    def effective_closes_at(self):
        return self.closes_at or self.occurrence.start

    def cancel_deadline(self):
        """When registrants can no longer cancel themselves, or None (until the start)."""
        if self.cancel_hours_before is None:
            return None
        return self.occurrence.start - datetime.timedelta(hours=self.cancel_hours_before)

    def held_count(self):
        return self.registrations.filter(state__in=HOLDING_STATES).count()

    def waitlist_count(self):
        return self.registrations.filter(state=RegistrationState.WAITLISTED).count()


class Registration(models.Model):
    # Registrations reference nothing an editor searches usages of; indexing them would cost
    # five queries per registration.
    wagtail_reference_index_ignore = True

    option = models.ForeignKey(RegistrationOption, on_delete=models.CASCADE,
                               related_name="registrations", verbose_name=_("registration option"))
    # Copied from the option so that the database itself refuses a second active registration of
    # an address for a date, even under concurrent requests of different kinds.
    occurrence = models.ForeignKey("events.Occurrence", on_delete=models.CASCADE,
                                   related_name="registrations", editable=False)
    reference = models.CharField(max_length=64, unique=True, default=new_reference, editable=False)
    state = models.CharField(_("state"), max_length=20, choices=RegistrationState.choices,
                             default=RegistrationState.PENDING)
    name = models.CharField(_("name"), max_length=200)
    # Empty only for registrations that staff entered for a kind without `email_required`.
    email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    email_normalised = models.CharField(max_length=254, editable=False, db_index=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    language = models.CharField(_("language of communication"), max_length=10,
                                choices=settings.LANGUAGES, default="de")
    data = models.JSONField(_("further details"), default=dict, blank=True)
    consent_version = models.CharField(_("consent text version"), max_length=40, blank=True)
    consented_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    hold_expires_at = models.DateTimeField(_("place held until"), null=True, blank=True)
    message = models.TextField(_("message to the registrant"), blank=True,
                               help_text=_("Reason given on cancellation or rejection."))
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+", editable=False)
    erased_at = models.DateTimeField(_("personal data erased at"), null=True, blank=True,
                                     editable=False)
    # The registration whose place this one took over (events/registration/substitution.py).
    substitute_for = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="substitute",
        verbose_name=_("substitute for"), editable=False)
    # Registered together with others by one contact (events/registration/services.py
    # register_group); each participant still has a registration, places and links of their own.
    group = models.ForeignKey(
        "events.RegistrationGroup", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="registrations", verbose_name=_("group"), editable=False,
        help_text=_("The group registration this person was registered with."))

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "id"]
        permissions = [("export_registration", "Can export registrations")]
        constraints = [
            models.UniqueConstraint(
                fields=["occurrence", "email_normalised"],
                condition=Q(state__in=[s.value for s in ACTIVE_STATES], erased_at__isnull=True)
                & ~Q(email_normalised=""),
                name="events_registration_one_active_per_address",
            ),
        ]
        indexes = [models.Index(fields=["option", "state", "created_at"])]

    def __str__(self):
        # No personal data: this label is copied into the audit log.
        return f"{_('Registration')} {self.reference[:8]}"

    @property
    def kind(self):
        return self.option.kind

    @property
    def holds_place(self):
        return self.state in HOLDING_STATES

    @property
    def has_secured_place(self):
        return self.state in SECURED_STATES

    @property
    def is_active(self):
        return self.state in ACTIVE_STATES


class GroupWhenFull(models.TextChoices):
    """What a group registration does when there are fewer free places than participants."""

    ALL_OR_NOTHING = "all_or_nothing", _("Register nobody unless everyone gets a place")
    WAITLIST_REST = "waitlist_rest", _("Put the rest on the waiting list")


class RegistrationGroup(models.Model):
    """Several participants of one organisation registered by one contact for one date."""

    wagtail_reference_index_ignore = True

    reference = models.UUIDField(_("group reference"), default=uuid.uuid4, unique=True,
                                 editable=False)
    option = models.ForeignKey(RegistrationOption, on_delete=models.CASCADE,
                               related_name="groups", verbose_name=_("registration option"))
    contact_name = models.CharField(_("contact name"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"), max_length=254)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    language = models.CharField(_("language of communication"), max_length=10,
                                choices=settings.LANGUAGES, default="de")
    when_full = models.CharField(
        _("when places run out"), max_length=20, choices=GroupWhenFull.choices,
        default=GroupWhenFull.ALL_OR_NOTHING,
        help_text=_("The contact's choice when there are fewer places than participants."))
    created_at = models.DateTimeField(_("registered at"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("group registration")
        verbose_name_plural = _("group registrations")
        ordering = ["created_at", "id"]

    def __str__(self):
        # No personal data (audit log, admin filters): the public reference only.
        return f"{_('Group')} {str(self.reference)[:8]}"
