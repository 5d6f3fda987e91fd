"""Keep each fair date's registration places (employer, job-seeker) in sync with the page.

Publishing a job-fair page creates the two RegistrationOption rows of every date that lacks
them and applies changed capacities (a raised capacity moves people up from the waiting
list). The page fields are the source of truth; other option settings (opening times, hold
time) stay as editors set them under "Registration places". Connected in JobfairsConfig.ready().
"""


def sync_options(sender, instance, **kwargs):
    from .services import sync_registration_options

    sync_registration_options(instance)

