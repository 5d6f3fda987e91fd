"""Keep each fair date's registration places (employer, job-seeker) in sync with the page.

Publishing a job-fair page creates the two RegistrationOption rows of every date that lacks
them and applies changed capacities (a raised capacity moves people up from the waiting
list). The page fields are the source of truth; other option settings (opening times, hold
time) stay as editors set them under "Registration places". Connected in JobfairsConfig.ready().
"""


def sync_options(sender, instance, **kwargs):
    from .services import sync_registration_options

    sync_registration_options(instance)



def send_employer_link(sender, instance, created, raw=False, **kwargs):
    """A new employer registration gets the link to their job postings and company profile.

    The events engine has no hook after a registration is created (its signal reports state
    changes), so this listens to the row's creation; the e-mail goes out after commit."""
    if not created or raw or not instance.email or (instance.data or {}).get("example"):
        return
    if instance.option.kind != "employer":
        return
    from django.db import transaction

    from .tasks import send_jobfair_email

    transaction.on_commit(lambda: send_jobfair_email.enqueue(instance.pk, "manage"))


def create_signup_postings(sender, instance, created, raw=False, **kwargs):
    """Postings added in the employer's sign-up form are created with the registration (the
    engine stores the kind's answers in `data`; this turns them into reviewable postings)."""
    if not created or raw or instance.option.kind != "employer":
        return
    from .postings import create_signup_postings

    create_signup_postings(instance)


def erase_employer_content(sender, instance, created, raw=False, **kwargs):
    """The erasure (events' privacy operations) saves the emptied registration: the employer's
    profile and the postings' free text go with it."""
    if raw or created or not instance.erased_at:
        return
    from .postings import erase_employer_content

    erase_employer_content(instance)
