"""Fixed vocabularies of the training programme, with stable codes for filters and the API."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Topic(models.TextChoices):
    KNOWLEDGE_TRANSFER = "knowledge_transfer", _("Knowledge transfer")
    INTERCULTURAL_COMPETENCE = "intercultural_competence", _(
        "Intercultural competence in action and communication")
    LANGUAGE_AWARENESS = "language_awareness", _("Language awareness")
    INTEGRATED_LEARNING = "integrated_learning", _("Integrated subject and language learning")


class Format(models.TextChoices):
    COURSE = "course", _("Training course")
    PRACTICE = "practice", _("Practice training")
    INFORMATION = "information", _("Information event")


class DeliveryMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class OrganisationType(models.TextChoices):
    """The programme's audiences; the codes equal the slugs of the events' Audience snippets."""

    EMPLOYMENT_ADMINISTRATION = "employment_administration", _("Employment administration")
    SME = "sme", _("Small or medium-sized enterprise")
    COUNSELLING_SERVICES = "counselling_services", _("Municipal or other counselling service")
    EDUCATION_PROVIDERS = "education_providers", _("Education provider")
    TEACHERS = "teachers", _("Subject teaching")
    CHAMBERS_AND_COMPANIES = "chambers_and_companies", _("Chamber or company")
    MUNICIPAL_ADMINISTRATION = "municipal_administration", _("Municipal administration")
    VOLUNTEERS = "volunteers", _("Volunteering")
