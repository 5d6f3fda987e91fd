"""The directory's filter form (a GET form that works without JavaScript)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CentrePage, CounsellingLanguage, District, Service, TargetGroup


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
        self.fields["district"].choices = [("", _("All districts"))] + [
            (d.slug, d.name) for d in District.objects.order_by("kind", "name")]
        cities = CentrePage.objects.live().exclude(city="")
        if locale is not None:
            cities = cities.filter(locale=locale)
        self.fields["city"].choices = [("", _("All cities"))] + [
            (city, city) for city in cities.order_by("city").values_list("city", flat=True).distinct()]
        self.fields["service"].choices = _choices(Service.objects.labels(language_code), _("All services"))
        self.fields["language"].choices = _choices(
            CounsellingLanguage.objects.labels(language_code), _("All languages"))
        self.fields["target_group"].choices = _choices(
            TargetGroup.objects.labels(language_code), _("All target groups"))

    def filters(self):
        """Keyword arguments for `filter_centres`, empty when the input is invalid."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {"district": data["district"], "city": data["city"], "service": data["service"],
                "language": data["language"], "target_group": data["target_group"],
                "search": data["q"].strip()}
