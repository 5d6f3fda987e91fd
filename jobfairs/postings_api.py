"""`GET /api/v2/job-postings/?fair=<page id>`: the approved job postings of a job fair.

Reads `jobfairs.postings.public_postings(page)`: postings an editor approved, of exhibitors who
agreed to be named. Each posting is named by its UUID; company, never contact data.
"""

from rest_framework import serializers

from events.registration.serializers import StrictCharField, TextValidator, VocabularyField

from .api import FairListAPIView, fair_list_schema
from .models import GermanLevel, PostingLevel


class PostingTradeSerializer(serializers.Serializer):
    slug = serializers.CharField(source="trade.slug", help_text="Trade code, as in `trades`.")
    name = serializers.CharField(source="trade_label", help_text="In the requested language.")
    german_name = serializers.CharField(source="trade.german_name")


class JobPostingSerializer(serializers.Serializer):
    id = serializers.UUIDField(source="uid", help_text="Stable public id of the posting.")
    company = serializers.CharField()
    occupation = PostingTradeSerializer(source="*")
    level = serializers.ChoiceField(choices=PostingLevel.choices)
    german_level = serializers.ChoiceField(
        choices=GermanLevel.choices, help_text="CEFR level required, or `none`.")
    start_date = serializers.DateField()
    places = serializers.IntegerField(min_value=1)
    description = serializers.CharField()


def _trade_codes():
    from .forms import trade_choices

    return trade_choices()


class PostingInputSerializer(serializers.Serializer):
    """One job posting sent with an employer's registration (`postings`); it is reviewed by the
    fair's team before it shows, like one added later through the employer's link."""

    # The current trade codes are the document's enum, as for the body's `trades`.
    trade = VocabularyField(_trade_codes, help_text="Trade code (see `trades`).")
    level = serializers.ChoiceField(choices=PostingLevel.choices)
    german_level = serializers.ChoiceField(
        choices=GermanLevel.choices, required=False, default="none",
        help_text="CEFR level required, or `none`.")
    start_date = serializers.DateField(help_text="YYYY-MM-DD.")
    places = serializers.IntegerField(min_value=1, max_value=99)
    # As the form checks it (and the OpenAPI document says, as for the body's other required
    # texts): not blank nor only spaces, no control or invisible characters.
    description = StrictCharField(
        max_length=600, trim_whitespace=False,
        validators=[TextValidator(multiline=True, required=True)],
        help_text="At most 600 characters; not only spaces.")


class JobPostingListAPIView(FairListAPIView):
    """Approved job postings of a job fair, by start date."""

    serializer_class = JobPostingSerializer

    def items(self, page):
        return page.public_postings()

    @fair_list_schema("job_postings_listing", JobPostingSerializer)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
