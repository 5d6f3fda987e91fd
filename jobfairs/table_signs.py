"""Table signs for a fair date (PDF): one landscape A4 page per employer with its company name
and table, to stand on the table. Drawn with the shared PDF document of events' badges."""

from collections import Counter

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.defaults import permission_denied

from events.models import Registration
from events.models.registrations import HOLDING_STATES
from events.registration.badges import Document, local_date, organisation_of, pdf_filename

from .admin_views import fair_occurrences
from .models import Interview
from .services import EMPLOYER

MANAGE = "events.change_registration"


def employers(occurrence):
    return list(Registration.objects.filter(
        occurrence=occurrence, option__kind=EMPLOYER, state__in=HOLDING_STATES,
        erased_at__isnull=True).order_by("name", "pk"))


def tables(occurrence):
    """{employer registration id: its table}, the one most of its interviews are planned at."""
    counts = {}
    for employer_id, table in Interview.objects.filter(occurrence=occurrence).values_list(
            "employer_id", "table"):
        counts.setdefault(employer_id, Counter())[table] += 1
    return {pk: counter.most_common(1)[0][0] for pk, counter in counts.items()}


def render_table_signs(occurrence):
    page = occurrence.page
    subtitle = f"{page.title} · {local_date(occurrence.start)}"
    pdf = Document(format="A4", orientation="L", title=_("Table signs") + f" – {subtitle}")
    rows = employers(occurrence)
    table_of = tables(occurrence)
    if not rows:
        pdf.add_page()
    for employer in rows:
        pdf.add_page()
        width = pdf.w - 40
        pdf.set_xy(20, 20)
        pdf.fitted_cell(width, 10, subtitle, size=16, align="C")
        pdf.set_xy(20, 70)
        pdf.fitted_cell(width, 30, organisation_of(employer) or employer.name, size=60,
                        style="B", min_size=16, align="C")
        if organisation_of(employer):
            pdf.set_xy(20, 105)
            pdf.fitted_cell(width, 12, employer.name, size=22, align="C")
        table = table_of.get(employer.pk)
        if table:
            pdf.set_xy(20, 140)
            pdf.fitted_cell(width, 20, _("Table %(table)s") % {"table": table}, size=40,
                            style="B", align="C")
    return pdf.output_bytes()


@require_GET
def table_signs_view(request, occurrence_id):
    if not request.user.has_perm(MANAGE):
        return permission_denied(request, PermissionDenied())
    occurrence = get_object_or_404(fair_occurrences(), pk=occurrence_id)
    response = HttpResponse(render_table_signs(occurrence), content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="{pdf_filename("table-signs", occurrence)}"')
    return response
