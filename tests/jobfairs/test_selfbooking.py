"""Self-booking after the matching: where the fair allows it, a job-seeker books a slot still
free through their link; the date's row lock means two people never get the same slot (checked
with parallel requests on PostgreSQL), and every rule of the matching still holds."""

import time

import pytest
from django.urls import reverse

from jobfairs import selfbooking, services
from jobfairs.models import Interview, JobFairPage
from jobfairs.preferences import fair_reference
from tests.parallel import run_parallel


def seeker_url(registration):
    return reverse("jobfairs:jobseeker", args=[registration.reference])


def allow_self_booking(fair, on=True):
    JobFairPage.objects.filter(pk=fair.pk).update(self_booking=on)


@pytest.mark.django_db
def test_jobseeker_books_a_free_slot_through_their_link(
        client, fair, occurrence, make_employer, make_jobseeker):
    allow_self_booking(fair)
    employer = make_employer(company="Muster Bau GmbH", interviews=3)
    first = make_jobseeker()
    services.propose_timetable(occurrence)
    late = make_jobseeker(name="Spät Angemeldet")  # registered after the matching
    page = client.get(seeker_url(late)).content.decode()
    assert "Muster Bau GmbH" in page and 'name="slot"' in page
    taken = Interview.objects.get(jobseeker=first)
    slots = fair.slots(occurrence)
    taken_index = [start for start, _end in slots].index(taken.start)
    response = client.post(seeker_url(late), {"action": "book", "slot": taken_index,
                                              "employer": fair_reference(employer)})
    assert response.status_code == 400  # the table is busy then
    assert not Interview.objects.filter(jobseeker=late).exists()
    free_index = (taken_index + 1) % len(slots)
    response = client.post(seeker_url(late), {"action": "book", "slot": free_index,
                                              "employer": fair_reference(employer)})
    assert response.status_code == 302
    booked = Interview.objects.get(jobseeker=late)
    assert booked.start == slots[free_index][0] and booked.employer == employer
    assert booked.proposed is False
    # The same employer twice is not offered, nor a slot at a busy table.
    assert not selfbooking.free_slots(late)
    other = make_jobseeker()
    assert all(item["slot"] not in (taken_index, free_index)
               for item in selfbooking.free_slots(other))
    # Capacity 3: one left.
    client.post(seeker_url(other), {"action": "book", "slot": (free_index + 1) % len(slots),
                                    "employer": fair_reference(employer)})
    assert Interview.objects.filter(employer=employer).count() == 3
    assert selfbooking.free_slots(make_jobseeker()) == []


@pytest.mark.django_db
def test_closed_without_the_option_or_before_the_matching(
        client, fair, occurrence, make_employer, make_jobseeker):
    employer = make_employer(interviews=3)
    seeker = make_jobseeker()
    data = {"action": "book", "slot": 0, "employer": fair_reference(employer)}
    allow_self_booking(fair)
    assert not selfbooking.is_open(seeker)  # no matching yet
    assert client.post(seeker_url(seeker), data).status_code == 400
    services.propose_timetable(occurrence)
    assert selfbooking.is_open(type(seeker).objects.get(pk=seeker.pk))
    allow_self_booking(fair, on=False)
    assert not selfbooking.is_open(type(seeker).objects.get(pk=seeker.pk))
    page = client.get(seeker_url(seeker)).content.decode()
    assert 'name="slot"' not in page
    response = client.post(seeker_url(seeker), data)
    assert response.status_code == 400
    assert Interview.objects.filter(jobseeker=seeker).count() == 1  # only the matching's


@pytest.mark.django_db
def test_bad_slot_input_is_a_message_not_an_error(client, fair, occurrence, make_employer,
                                                  make_jobseeker):
    allow_self_booking(fair)
    employer = make_employer(interviews=3)
    services.propose_timetable(occurrence)
    seeker = make_jobseeker()
    for slot in ("", "abc", "999", "-1"):
        response = client.post(seeker_url(seeker), {"action": "book", "slot": slot,
                                                    "employer": fair_reference(employer)})
        assert response.status_code == 400
    assert not Interview.objects.filter(jobseeker=seeker).exists()


@pytest.mark.django_db
def test_no_slot_without_a_free_interpreter(fair, occurrence, make_employer, make_jobseeker):
    allow_self_booking(fair)
    make_employer(interviews=3)
    services.propose_timetable(occurrence)
    needs_arabic = make_jobseeker(interpreter="ar")  # the fair has no interpreters
    assert selfbooking.free_slots(needs_arabic) == []


# Parallel requests on PostgreSQL ---------------------------------------------------------------

PARALLEL = 12


@pytest.fixture
def slow_slots(monkeypatch):
    """Widen the window between reading the free slots and writing the booking."""
    original = selfbooking.free_slots

    def slow(jobseeker):
        value = original(jobseeker)
        time.sleep(0.05)
        return value

    monkeypatch.setattr(selfbooking, "free_slots", slow)


def race(seekers, employer, slot_for):
    """The seekers book at once (the index-th asks for `slot_for(index)`) → (won pks, codes)."""

    def book(index, seeker):
        selfbooking.book(seeker, employer_reference=fair_reference(employer),
                         slot=slot_for(index))
        return seeker.pk

    outcomes = run_parallel(book, list(enumerate(seekers)), refused=services.JobFairsError)
    return outcomes.results, outcomes.errors


@pytest.fixture
def booking_fair(fair, occurrence, make_employer, make_jobseeker):
    allow_self_booking(fair)
    employer = make_employer(interviews=2)
    make_jobseeker()
    services.propose_timetable(occurrence)  # one interview: one place left at the employer
    seekers = [make_jobseeker() for _ in range(PARALLEL)]
    for seeker in seekers:
        seeker.option.occurrence  # noqa: B018 (load the relations before the threads)
    return employer, seekers



@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("transactional_db")  # the site and groups are put back after a flush
def test_the_same_slot_goes_to_exactly_one_of_parallel_requests(booking_fair, slow_slots):
    employer, seekers = booking_fair
    taken = Interview.objects.get().start
    free = next(i for i, (start, _end) in enumerate(
        JobFairPage.objects.get().slots(employer.occurrence)) if start != taken)
    won, errors = race(seekers, employer, lambda index: free)
    assert len(won) == 1 and sorted(set(errors)) == ["taken"]
    assert Interview.objects.filter(employer=employer).count() == 2
    starts = list(Interview.objects.filter(employer=employer).values_list("start", flat=True))
    assert len(set(starts)) == 2


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("transactional_db")  # the site and groups are put back after a flush
def test_the_last_place_at_an_employer_goes_to_one_of_parallel_requests_for_different_slots(
        booking_fair, slow_slots):
    employer, seekers = booking_fair
    taken = Interview.objects.get().start
    free = [i for i, (start, _end) in enumerate(
        JobFairPage.objects.get().slots(employer.occurrence)) if start != taken]
    won, errors = race(seekers, employer, lambda index: free[index % len(free)])
    assert len(won) == 1 and len(errors) == PARALLEL - 1
    assert Interview.objects.filter(employer=employer).count() == 2  # its capacity


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("transactional_db")  # the site and groups are put back after a flush
def test_control_without_the_lock_the_same_slot_is_given_twice(
        booking_fair, slow_slots, monkeypatch):
    # Proves that the lock, not luck, keeps the tests above green.
    monkeypatch.setattr(selfbooking, "_lock_date", lambda occurrence: None)
    employer, seekers = booking_fair
    taken = Interview.objects.get().start
    free = next(i for i, (start, _end) in enumerate(
        JobFairPage.objects.get().slots(employer.occurrence)) if start != taken)
    won, _errors = race(seekers, employer, lambda index: free)
    assert len(won) > 1
