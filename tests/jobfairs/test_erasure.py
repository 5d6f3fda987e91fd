"""The retention erasure also erases what an employer wrote about themselves (issue 19): the
profile (logo file, description, website) and the postings' free text; the anonymous figures
(trades, languages, placements) stay exactly as they were."""

import datetime

import pytest
from django.urls import reverse

from events.models import Registration
from events.registration.privacy_ops import erase_expired
from jobfairs import outcomes, postings
from jobfairs.models import EmployerProfile, Interview, JobPosting, PostingStatus

from .test_employer_profile import image_file, manage_url, profile_form

pytestmark = pytest.mark.django_db


def figures(client, occurrence):
    """The anonymous figures of the fair's statistics page (open positions are the employers'
    own answers: they go with the erasure by design, see jobfairs.services.statistics)."""
    stats = client.get(reverse("jobfairs_admin:statistics", args=[occurrence.pk])).context["stats"]
    by_trade = {trade: {key: value for key, value in row.items()
                        if key not in ("open_positions", "apprenticeships")}
                for trade, row in stats["by_trade"].items()}
    return {"by_trade": by_trade, "by_language": stats["by_language"],
            "outcomes": stats["outcomes"], "registered": stats["registered"],
            "employers": stats["employers"]}


def test_erasure_removes_profile_logo_file_and_posting_texts_and_keeps_the_figures(
        client, occurrence, make_employer, make_jobseeker, staff,
        django_capture_on_commit_callbacks):
    bau = make_employer(company="Bau GmbH", trades=("maurer", "zimmerer"))
    omar = make_jobseeker(name="Omar Haidari", trades=("zimmerer",), languages=("fa",))
    make_jobseeker(name="Lena Koval", trades=("maurer",), languages=("uk",))
    interview = Interview.objects.create(
        occurrence=occurrence, employer=bau, jobseeker=omar, start=occurrence.start,
        end=occurrence.start + datetime.timedelta(minutes=15), table="1")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(manage_url(bau), profile_form(logo=image_file())).status_code == 302
    profile = EmployerProfile.objects.get(employer=bau)
    storage, logo_name = profile.logo.storage, profile.logo.name
    assert storage.exists(logo_name)
    posting = postings.add_posting(
        bau, trade=postings.trade_for_slug("maurer"), level="skilled", german_level="B1",
        start_date=datetime.date(2027, 3, 1), places=2,
        description="Ruf an: Anna Muster, 0341 1234")
    postings.review_posting(posting, approve=True, user=staff)
    outcomes.report(bau, {interview.pk: "contract"},
                    now=occurrence.end + datetime.timedelta(days=1))
    client.force_login(staff)
    before = figures(client, occurrence)
    assert before["outcomes"]["contract"] == 1 and before["by_trade"]["zimmerer"]["contract"] == 1
    assert before["by_language"] == {"fa": 1, "uk": 1}

    with django_capture_on_commit_callbacks(execute=True):
        erased = erase_expired(now=occurrence.end + datetime.timedelta(days=400))
    assert erased == Registration.objects.count()

    assert not EmployerProfile.objects.exists()
    assert not storage.exists(logo_name)  # the logo file itself is gone
    posting.refresh_from_db()
    assert posting.description == ""
    assert (posting.trade.slug, posting.level, posting.german_level, posting.places,
            posting.status) == ("maurer", "skilled", "B1", 2, PostingStatus.APPROVED)
    assert "Anna Muster" not in str(list(JobPosting.objects.values()))
    assert figures(client, occurrence) == before


def test_an_employer_erased_on_request_loses_the_profile_too(
        client, make_employer, django_capture_on_commit_callbacks):
    from events.registration.privacy_ops import erase_registration

    employer = make_employer(company="Muster Bau GmbH")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(manage_url(employer), profile_form(logo=image_file()))
    name = EmployerProfile.objects.get(employer=employer).logo.name
    storage = EmployerProfile.objects.get(employer=employer).logo.storage
    with django_capture_on_commit_callbacks(execute=True):
        erase_registration(employer)
    assert not EmployerProfile.objects.exists() and not storage.exists(name)
