"""Preferences before the matching: job-seekers (or their counsellors) mark postings or
employers; employers see anonymous job-seeker profiles of their fair date and shortlist them.

Job-seekers appear to employers only under an opaque per-fair reference (an HMAC of the date
and the registration's secret reference): no name, e-mail, phone or sequential id.
"""

from django.db import transaction
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from events.models import Registration

from . import matching
from .forms import GERMAN_LEVELS, LANGUAGE_CHOICES, trade_choices
from .models import Interest, JobPosting, PostingStatus, Shortlist
from .services import EMPLOYER, JOBSEEKER, MATCHED_STATES, JobFairsError

REFERENCE_SALT = "jobfairs.fair-reference"


def fair_reference(registration):
    """Opaque, stable per fair date, unguessable: what employers and job-seekers see of the
    other side before the fair."""
    digest = salted_hmac(REFERENCE_SALT, f"{registration.occurrence_id}:{registration.reference}")
    return digest.hexdigest()[:10].upper()


def matched_registrations(occurrence, kind):
    """Registrations of a date that take part in the matching, oldest first."""
    return (Registration.objects.filter(occurrence=occurrence, option__kind=kind,
                                        state__in=MATCHED_STATES[kind], erased_at__isnull=True)
            .select_related("option").order_by("created_at", "pk"))


def _require_active(registration, kind):
    if registration.option.kind != kind or registration.erased_at \
            or registration.state not in MATCHED_STATES[kind]:
        raise JobFairsError(_("Your registration is not (or no longer) confirmed, so you cannot "
                              "mark preferences."), code="state")


# Job-seekers' interests ---------------------------------------------------------------------

def employer_choices(jobseeker):
    """The fair's employers a job-seeker can mark: [{reference, company, postings, marked}]."""
    occurrence = jobseeker.option.occurrence
    employers = list(matched_registrations(occurrence, EMPLOYER))
    postings = list(JobPosting.objects.filter(employer__in=employers,
                                              status=PostingStatus.APPROVED)
                    .select_related("trade").order_by("start_date", "pk"))
    from .postings import localise_trades

    localise_trades(postings)
    marked = set(Interest.objects.filter(jobseeker=jobseeker).values_list("employer_id",
                                                                          "posting_id"))
    rows = []
    for employer in employers:
        own = [p for p in postings if p.employer_id == employer.pk]
        for posting in own:
            posting.marked = (employer.pk, posting.pk) in marked
        rows.append({"reference": fair_reference(employer),
                     "company": (employer.data or {}).get("company", ""),
                     "postings": own, "marked": (employer.pk, None) in marked})
    return rows


def set_interests(jobseeker, *, employer_references=(), posting_uids=(), user=None):
    """Replace what a job-seeker marked with these employers and postings (one transaction)."""
    _require_active(jobseeker, JOBSEEKER)
    occurrence = jobseeker.option.occurrence
    employers = {fair_reference(e): e for e in matched_registrations(occurrence, EMPLOYER)}
    wanted = set()
    for reference in employer_references:
        employer = employers.get(str(reference).strip().upper())
        if employer is None:
            raise JobFairsError(_("This employer does not take part in this fair (any more)."),
                                code="missing")
        wanted.add((employer.pk, None))
    uids = [str(uid) for uid in posting_uids]
    found = {str(p.uid): p for p in JobPosting.objects.filter(
        uid__in=uids, status=PostingStatus.APPROVED,
        employer__in=[e.pk for e in employers.values()])}
    for uid in uids:
        if uid not in found:
            raise JobFairsError(_("This job posting is not offered at this fair (any more)."),
                                code="missing")
        wanted.add((found[uid].employer_id, found[uid].pk))
    with transaction.atomic():
        current = {(i.employer_id, i.posting_id): i
                   for i in Interest.objects.select_for_update().filter(jobseeker=jobseeker)}
        for key, interest in current.items():
            if key not in wanted:
                interest.delete()
        Interest.objects.bulk_create([
            Interest(jobseeker=jobseeker, employer_id=employer_id, posting_id=posting_id,
                     created_by=user)
            for employer_id, posting_id in wanted - set(current)])
        log(jobseeker, "jobfairs.interests.changed", user=user,
            data={"marked": len(wanted)})
    return len(wanted)


# Employers' view ----------------------------------------------------------------------------

def anonymous_profiles(employer):
    """The fair date's job-seekers as an employer sees them: no name, contact or id."""
    occurrence = employer.option.occurrence
    seekers = list(matched_registrations(occurrence, JOBSEEKER))
    trades = dict(trade_choices())
    languages = dict(LANGUAGE_CHOICES)
    levels = dict(GERMAN_LEVELS)
    interested = set(Interest.objects.filter(employer=employer).values_list("jobseeker_id",
                                                                            flat=True))
    shortlisted = set(Shortlist.objects.filter(employer=employer).values_list("jobseeker_id",
                                                                             flat=True))
    profiles = []
    for seeker in seekers:
        data = seeker.data or {}
        profiles.append({
            "reference": fair_reference(seeker),
            "trades": [trades.get(slug, slug) for slug in data.get("trades") or []],
            "experience": data.get("experience", ""),
            "languages": [languages.get(code, code) for code in data.get("languages") or []],
            "german_level": levels.get(data.get("german_level"), ""),
            "interested": seeker.pk in interested,
            "shortlisted": seeker.pk in shortlisted,
        })
    # Who is interested in this employer first; then a stable order that reveals no sequence.
    profiles.sort(key=lambda p: (not p["interested"], p["reference"]))
    return profiles


def set_shortlist(employer, references):
    """Replace the employer's shortlist with these job-seekers (opaque references)."""
    _require_active(employer, EMPLOYER)
    occurrence = employer.option.occurrence
    seekers = {fair_reference(s): s for s in matched_registrations(occurrence, JOBSEEKER)}
    wanted = set()
    for reference in references:
        seeker = seekers.get(str(reference).strip().upper())
        if seeker is None:
            raise JobFairsError(_("This participant does not take part in this fair (any "
                                  "more)."), code="missing")
        wanted.add(seeker.pk)
    with transaction.atomic():
        Shortlist.objects.filter(employer=employer).exclude(jobseeker_id__in=wanted).delete()
        existing = set(Shortlist.objects.filter(employer=employer)
                       .values_list("jobseeker_id", flat=True))
        Shortlist.objects.bulk_create([Shortlist(employer=employer, jobseeker_id=pk)
                                       for pk in wanted - existing])
        log(employer, "jobfairs.shortlist.changed", data={"shortlisted": len(wanted)})
    return len(wanted)


# For the matching ---------------------------------------------------------------------------

def preferences_for(occurrence):
    """{(job-seeker id, employer id): MUTUAL or ONE_SIDED} of a fair date: two queries."""
    wanted = set(Interest.objects.filter(jobseeker__occurrence=occurrence)
                 .values_list("jobseeker_id", "employer_id"))
    chosen = set(Shortlist.objects.filter(employer__occurrence=occurrence)
                 .values_list("jobseeker_id", "employer_id"))
    return {pair: matching.MUTUAL if pair in wanted and pair in chosen else matching.ONE_SIDED
            for pair in wanted | chosen}
