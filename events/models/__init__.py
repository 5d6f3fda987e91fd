"""The events core: vocabularies, event pages, dates (occurrences)."""

from .mail_texts import MailMessage, RegistrationMailText
from .occurrences import Occurrence, OccurrenceStatus
from .pages import AbstractEventPage, EventIndexPage, EventPage
from .registrations import (
    GroupWhenFull,
    Registration,
    RegistrationGroup,
    RegistrationOption,
    RegistrationState,
)
from .reminders import SentReminder
from .snippets import Audience, Category, EventLanguage, Organisation, Venue
from .statistics import RegistrationFact, RegistrationFactValue

__all__ = [
    "AbstractEventPage",
    "Audience",
    "Category",
    "EventIndexPage",
    "EventLanguage",
    "EventPage",
    "GroupWhenFull",
    "MailMessage",
    "Occurrence",
    "OccurrenceStatus",
    "Organisation",
    "Registration",
    "RegistrationFact",
    "RegistrationFactValue",
    "RegistrationGroup",
    "RegistrationMailText",
    "RegistrationOption",
    "RegistrationState",
    "SentReminder",
    "Venue",
]
