"""In Chromium: a job-seeker whose qualification is not yet recognised chooses their district,
ticks the referral box and sees the responsible counselling centre; an employer reports the
outcomes of their interviews after the fair; axe-core clean on the form, the status page and
the employer's page."""

import datetime
import re

import pytest

from directory.models import District, Institution, ResponsibilityEntry
from events.models import Occurrence, Registration
from jobfairs.emails import manage_url
from jobfairs.models import Interview, InterviewOutcome

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_jobseeker_sees_the_centre_and_employer_reports_outcomes(
        live_server, occurrence, locales, browser_page, axe_check, make_employer,
        make_jobseeker):
    leipzig, _created = District.objects.get_or_create(
        slug="leipzig", defaults={"name": "Leipzig", "short_name": "Leipzig", "kind": "city"})
    ResponsibilityEntry.objects.create(
        district=leipzig, topic="recognition",
        institution=Institution.objects.create(name="IQ Netzwerk Sachsen"),
        department="IBAS Leipzig", phone="0341 000000-14", email="ibas-leipzig@example.org",
        locale=locales["de"])
    page = browser_page
    page.goto(f"{live_server.url}/en/registration/{occurrence.uid}/jobseeker/")
    axe_check(page)
    page.get_by_label(re.compile(r"^Name")).fill("Mariam Rahimi")
    page.get_by_label("E-mail").fill("mariam@example.org")
    page.get_by_label("Your German level").select_option("B1")
    page.get_by_label("Bricklayer").check()
    page.get_by_label("Recognition of a foreign qualification").select_option("none")
    page.get_by_label("District or city where you live").select_option("leipzig")
    referral = page.get_by_label(re.compile("please pass my name and contact details"))
    assert not referral.is_checked()
    referral.check()
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Register").click()
    page.wait_for_url(re.compile(r"/en/registration/r/"))
    centre = page.locator(".counselling-notice")
    assert centre.get_by_text("IBAS Leipzig").is_visible()
    assert centre.get_by_role("link", name="0341 000000-14").is_visible()
    axe_check(page)
    data = Registration.objects.get(email="mariam@example.org").data
    assert (data["home_district"], data["counselling_referral"]) == ("leipzig", True)

    # After the fair the employer reports what came of the interview.
    employer = make_employer(company="Muster Bau GmbH")
    seeker = make_jobseeker(name="Omar Haidari")
    start = occurrence.start
    interview = Interview.objects.create(occurrence=occurrence, employer=employer,
                                         jobseeker=seeker, start=start,
                                         end=start + datetime.timedelta(minutes=15), table="1")
    shift = start - (datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=1))
    Occurrence.objects.filter(pk=occurrence.pk).update(start=start - shift,
                                                       end=occurrence.end - shift)
    Interview.objects.filter(pk=interview.pk).update(start=interview.start - shift,
                                                     end=interview.end - shift)
    path = re.sub(r"^https?://[^/]+", "", manage_url(employer))
    page.goto(f"{live_server.url}{path}")
    outcomes = page.locator("section.interview-outcomes")
    outcomes.get_by_label(re.compile("Omar")).select_option("apprenticeship")
    axe_check(page)
    outcomes.get_by_role("button").click()
    page.wait_for_load_state()
    assert page.locator("[role=status]").first.is_visible()
    assert InterviewOutcome.objects.get().result == "apprenticeship"
