"""The two registration kinds of a job fair, registered with the events engine in ready()."""

from django.utils.translation import gettext_lazy as _

from events.registration.kinds import RegistrationKind

from .forms import EmployerForm, JobSeekerForm

EMPLOYER = RegistrationKind(name="employer", label=_("Employer"), form_class=EmployerForm,
                            default_waitlist=True, default_requires_approval=True)
# Counsellors may register clients who have only a phone number.
JOBSEEKER = RegistrationKind(name="jobseeker", label=_("Job-seeker"), form_class=JobSeekerForm,
                             email_required=False)
