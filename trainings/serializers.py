"""Computed API fields of the training module page (trainers, sessions with live places),
read for every module of a listing at once."""

from rest_framework import serializers

from events.api import listing_value, upcoming_dates_of


def session(occurrence, page):
    from events.registration.summary import registration_summary

    venue = occurrence.venue or page.venue
    return {
        "id": occurrence.pk, "uid": str(occurrence.uid),
        "start": occurrence.start.isoformat(), "end": occurrence.end.isoformat(),
        "status": occurrence.status,
        "venue": {"name": venue.name, "city": venue.city} if venue else None,
        "online": bool(occurrence.online_url),
        "registration": [item.as_api() for item in registration_summary(occurrence)],
    }


def sessions_of(pages):
    """{page pk: upcoming sessions} of module pages, in constant queries."""
    pages_by_pk = {page.pk: page for page in pages}
    return {pk: [session(occurrence, pages_by_pk[pk]) for occurrence in dates]
            for pk, dates in upcoming_dates_of(pages).items()}


class SessionsField(serializers.Field):
    """Upcoming sessions with live remaining places (the registration engine's cached counts)."""

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, page):
        return listing_value(self, page, sessions_of)


class TrainersField(serializers.Field):
    listing_prefetch = ["trainers"]  # cms.headless reads them once for a listing

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, page):
        return [{"id": trainer.pk, "name": trainer.name, "bio": trainer.bio}
                for trainer in page.trainers.all()]
