"""The listing's filter form: GET parameters in, `EventFilters` out."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Audience, Category, EventLanguage, Venue
from .queries import EventFilters


def _choices(model, locale):
    rows = model.objects.filter(locale=locale).values_list("slug", "name")
    return [("", _("All"))] + list(rows)


class EventFilterForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), required=False)
    audience = forms.ChoiceField(label=_("Audience"), required=False)
    city = forms.ChoiceField(label=_("City"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    date_from = forms.DateField(label=_("From"), required=False,
                                widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("Until"), required=False,
                              widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = _choices(Category, locale)
        self.fields["audience"].choices = _choices(Audience, locale)
        self.fields["language"].choices = _choices(EventLanguage, locale)
        cities = sorted(set(Venue.objects.filter(locale=locale).values_list("city", flat=True)))
        self.fields["city"].choices = [("", _("All"))] + [(city, city) for city in cities]

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_to"] < data["date_from"]:
            self.add_error("date_to", _("The end of the range must not be before its start."))
        return data

    def filters(self):
        """The valid filters; invalid fields are ignored (the form shows their errors)."""
        data = self.cleaned_data if self.is_bound else {}
        return EventFilters(
            category=data.get("category") or "", audience=data.get("audience") or "",
            city=data.get("city") or "", language=data.get("language") or "",
            date_from=data.get("date_from"), date_to=data.get("date_to"),
        )
