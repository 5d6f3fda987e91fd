"""The two registration kinds of a job fair, registered with the events engine in ready()."""

from django.utils.translation import gettext_lazy as _

from events.registration.kinds import RegistrationKind, StatisticsDimension

from .forms import (
    GERMAN_LEVELS,
    LANGUAGE_CHOICES,
    RECOGNITION_CHOICES,
    EmployerForm,
    JobSeekerForm,
    trade_choices,
)
from .notices import jobseeker_notice

# What the funders' statistics keep after the personal data is erased (choices only).
TRADES = StatisticsDimension("trades", _("Trade"), trade_choices)
LANGUAGES = StatisticsDimension("languages", _("Language spoken"), lambda: LANGUAGE_CHOICES)

EMPLOYER = RegistrationKind(name="employer", label=_("Employer"), form_class=EmployerForm,
                            default_waitlist=True, default_requires_approval=True,
                            statistics_dimensions=(TRADES, LANGUAGES))
# Counsellors may register clients who have only a phone number.
JOBSEEKER = RegistrationKind(
    name="jobseeker", label=_("Job-seeker"), form_class=JobSeekerForm, email_required=False,
    statistics_dimensions=(
        TRADES, LANGUAGES,
        StatisticsDimension("german_level", _("German level"), lambda: GERMAN_LEVELS),
        StatisticsDimension("interpreter_language", _("Interpreter needed for"),
                            lambda: LANGUAGE_CHOICES),
        StatisticsDimension("recognition", _("Recognition of a foreign qualification"),
                            lambda: RECOGNITION_CHOICES),
    ),
    # The recognition counselling centre of the job-seeker's district (referrals.py) and the
    # link to the job-seeker's own fair page (notices.py).
    notice=jobseeker_notice)
