"""The directory's filter form (a GET form that works without JavaScript)."""

import functools

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CentrePage, District


def _choices(labels, empty):
    return [("", empty)] + list(labels.items())


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200,
                        widget=forms.TextInput(attrs={"type": "search"}))
    district = forms.ChoiceField(label=_("Who serves my district or city?"), required=False)
    city = forms.ChoiceField(label=_("City"), required=False)
    service = forms.ChoiceField(label=_("Service"), required=False)
    language = forms.ChoiceField(label=_("Language of counselling"), required=False)
    target_group = forms.ChoiceField(label=_("Target group"), required=False)

    def __init__(self, *args, locale=None, language_code=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.locale, self.language_code = locale, language_code
        self.lazy = None  # the view's reader of labels and districts, shared with the page
        # Read when first needed: not at all when the page's cached filters are shown.
        self.fields["district"].choices = lambda: [("", _("All districts"))] + [
            (d.slug, d.name) for d in self._districts()]
        self.fields["city"].choices = self._cities
        for name, relation, empty in (("service", "services", _("All services")),
                                      ("language", "languages", _("All languages")),
                                      ("target_group", "target_groups", _("All target groups"))):
            self.fields[name].choices = functools.partial(self._taxonomy, relation, empty)

    def _districts(self):
        if self.lazy is not None:
            return self.lazy.districts()
        return District.objects.order_by("kind", "name")

    def _cities(self):
        cities = CentrePage.objects.live().exclude(city="")
        if self.locale is not None:
            cities = cities.filter(locale=self.locale)
        return [("", _("All cities"))] + [
            (city, city) for city in cities.order_by("city").values_list("city", flat=True).distinct()]

    def _taxonomy(self, relation, empty):
        if self.lazy is not None:
            labels = self.lazy.labels()[relation]
        else:
            from .queries import taxonomy_labels

            labels = taxonomy_labels(self.language_code)[relation]
        return _choices(labels, empty)

    def filters(self):
        """Keyword arguments for `filter_centres`, empty when the input is invalid."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {"district": data["district"], "city": data["city"], "service": data["service"],
                "language": data["language"], "target_group": data["target_group"],
                "search": data["q"].strip()}
