"""Interview outcomes (issue 19 item 6): after the fair each employer reports, through their
link, what came of each interview, until a deadline; the anonymous figures per fair and trade
appear in the funders' statistics report and its CSV export, and survive the retention erasure."""

import csv
import datetime
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.users.models import UserProfile

from events.models import Occurrence, Registration
from events.registration.privacy_ops import erase_expired
from jobfairs.emails import manage_url
from jobfairs.models import Interview, InterviewOutcome, InterviewStatus

pytestmark = pytest.mark.django_db
REPORT_URL = "/admin/reports/registration-statistics/"


@pytest.fixture
def held_fair(occurrence, make_employer, make_jobseeker):
    """Two employers, three job-seekers, four interviews; the fair took place yesterday."""
    bau = make_employer(company="Bau GmbH", trades=("maurer", "zimmerer"))
    fliesen = make_employer(company="Fliesen AG", trades=("fliesenleger",))
    omar = make_jobseeker(name="Omar Haidari", trades=("zimmerer",))
    lena = make_jobseeker(name="Lena Koval", trades=("maurer",))
    ali = make_jobseeker(name="Ali Rahimi", trades=("fliesenleger",))
    start = occurrence.start
    interviews = {}
    for n, (key, employer, seeker) in enumerate(
            (("bau_omar", bau, omar), ("bau_lena", bau, lena), ("fliesen_ali", fliesen, ali),
             ("fliesen_lena", fliesen, lena))):
        interviews[key] = Interview.objects.create(
            occurrence=occurrence, employer=employer, jobseeker=seeker,
            start=start + datetime.timedelta(minutes=15 * n),
            end=start + datetime.timedelta(minutes=15 * n + 15), table=str(n))
    move_fair(occurrence, days_ago=1)
    return {"bau": bau, "fliesen": fliesen, **interviews}


def move_fair(occurrence, *, days_ago):
    start = timezone.now() - datetime.timedelta(days=days_ago, hours=8)
    Occurrence.objects.filter(pk=occurrence.pk).update(
        start=start, end=start + datetime.timedelta(hours=6))
    for interview in Interview.objects.filter(occurrence=occurrence):
        Interview.objects.filter(pk=interview.pk).update(
            start=interview.start - (occurrence.start - start),
            end=interview.end - (occurrence.start - start))
    occurrence.refresh_from_db()


def link(employer):
    """The path of the employer's personal link, as their e-mails carry it."""
    return re.sub(r"^https?://[^/]+", "", manage_url(employer))


def report(client, employer, **results):
    data = {"action": "outcomes", **{f"outcome-{interview.pk}": value
                                     for interview, value in results.values()}}
    return client.post(link(employer), data)


def outcomes():
    return {(o.interview.employer.data["company"], o.interview.jobseeker.name): (o.result, o.trade)
            for o in InterviewOutcome.objects.select_related("interview__employer",
                                                            "interview__jobseeker")}


def test_the_employer_reports_and_changes_outcomes_through_their_link(client, held_fair):
    page = client.get(link(held_fair["bau"])).content.decode()
    assert f'name="outcome-{held_fair["bau_omar"].pk}"' in page
    assert f'name="outcome-{held_fair["fliesen_ali"].pk}"' not in page  # another employer's
    assert "Omar" in page and "Haidari" not in page  # first names only

    response = report(client, held_fair["bau"], a=(held_fair["bau_omar"], "contract"),
                      b=(held_fair["bau_lena"], "trial_work"))
    assert response.status_code == 302
    assert outcomes() == {("Bau GmbH", "Omar Haidari"): ("contract", "zimmerer"),
                          ("Bau GmbH", "Lena Koval"): ("trial_work", "maurer")}
    assert Interview.objects.get(pk=held_fair["bau_omar"].pk).status == InterviewStatus.HELD
    page = client.get(response["Location"]).content.decode()
    assert re.search(r'<option value="contract" selected>', page)

    # Editable until the deadline: a changed answer and a withdrawn one.
    report(client, held_fair["bau"], a=(held_fair["bau_omar"], "apprenticeship"),
           b=(held_fair["bau_lena"], ""))
    assert outcomes() == {("Bau GmbH", "Omar Haidari"): ("apprenticeship", "zimmerer")}

    assert report(client, held_fair["bau"], a=(held_fair["bau_omar"], "hired!")).status_code == 400
    assert outcomes() == {("Bau GmbH", "Omar Haidari"): ("apprenticeship", "zimmerer")}


def test_another_employers_interview_is_a_404_like_a_made_up_one(client, held_fair):
    theirs = report(client, held_fair["bau"], a=(held_fair["bau_omar"], "contract"),
                    b=(held_fair["fliesen_ali"], "contract"))
    made_up = client.post(link(held_fair["bau"]), {"action": "outcomes",
                                                   "outcome-999999": "contract"})
    garbage = client.post(link(held_fair["bau"]), {"action": "outcomes", "outcome-x1": "none"})
    assert theirs.status_code == made_up.status_code == garbage.status_code == 404
    assert theirs.content == made_up.content
    assert not InterviewOutcome.objects.exists()  # all or nothing


def test_refused_after_the_deadline_and_not_offered_before_the_fair(
        client, held_fair, occurrence, settings):
    settings.JOBFAIRS_OUTCOME_DAYS = 30
    report(client, held_fair["bau"], a=(held_fair["bau_omar"], "trial_work"))
    move_fair(occurrence, days_ago=31)
    response = report(client, held_fair["bau"], a=(held_fair["bau_omar"], "contract"))
    assert response.status_code == 403
    with translation.override("de"):  # the employer's page is German
        ended, invited = (gettext("The time to report outcomes ended on %(date)s.").split("%")[0],
                          gettext("Invited to trial work"))
    assert ended in response.content.decode()
    assert outcomes() == {("Bau GmbH", "Omar Haidari"): ("trial_work", "zimmerer")}
    page = client.get(link(held_fair["bau"])).content.decode()
    assert 'name="outcome-' not in page and invited in page

    move_fair(occurrence, days_ago=-3)  # the fair is ahead
    assert 'name="outcome-' not in client.get(link(held_fair["bau"])).content.decode()
    assert report(client, held_fair["bau"],
                  a=(held_fair["bau_omar"], "contract")).status_code == 403


@pytest.fixture
def manager(django_user_model):
    user = django_user_model.objects.create_user("manager", "m@example.org", "pw")
    user.groups.add(Group.objects.get(name="Registration managers"))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def all_reported(client, held_fair):
    """The held fair with an outcome for each of its four interviews, one of each result."""
    report(client, held_fair["bau"], a=(held_fair["bau_omar"], "contract"),
           b=(held_fair["bau_lena"], "trial_work"))
    report(client, held_fair["fliesen"], a=(held_fair["fliesen_ali"], "apprenticeship"),
           b=(held_fair["fliesen_lena"], "none"))
    return held_fair


def report_csv(client, **params):
    response = client.get(REPORT_URL, {**params, "export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    header = rows[0]
    return {row[0]: dict(zip(header[1:], row[1:], strict=True)) for row in rows[1:]}


def figures(client, group_by):
    response = client.get(REPORT_URL, {"group_by": group_by})
    assert response.status_code == 200
    return {row["group"]: (row["outcome_trial_work"], row["outcome_apprenticeship"],
                           row["outcome_contract"], row["outcome_none"])
            for row in response.context["object_list"]}


def test_figures_per_fair_and_trade_in_the_report_and_csv_survive_the_erasure(
        client, occurrence, manager, all_reported):
    client.force_login(manager)

    def check():
        by_trade = figures(client, "trades")
        assert by_trade["Carpenter (Zimmerer/Zimmerin)"] == (0, 0, 1, 0)
        assert by_trade["Bricklayer (Maurer/-in)"] == (1, 0, 0, 0)
        assert by_trade["Tiler (Fliesenleger/-in)"] == (0, 1, 0, 1)
        assert by_trade["Total"] == (1, 1, 1, 1)
        by_fair = figures(client, "module")
        assert by_fair[occurrence.page.title] == (1, 1, 1, 1)
        table = report_csv(client, group_by="trades")
        assert table["Carpenter (Zimmerer/Zimmerin)"]["Interviews: employment contract"] == "1"
        assert table["Tiler (Fliesenleger/-in)"]["Interviews: apprenticeship offered"] == "1"
        assert table["Total"]["Interviews: invited to trial work"] == "1"
        fair_table = report_csv(client, group_by="module")
        assert fair_table[occurrence.page.title]["Interviews: no further step"] == "1"

    check()
    assert erase_expired(now=occurrence.end + datetime.timedelta(days=400)) == 5
    assert not Registration.objects.exclude(data={}).exists()
    assert InterviewOutcome.objects.count() == 4
    check()
    # Nothing personal in the outcome rows.
    kept = str(list(InterviewOutcome.objects.values()))
    for personal in ("Omar", "Bau GmbH", "example.org"):
        assert personal not in kept


def fair_statistics(client, occurrence):
    """{trade: (trial work, apprenticeship, contract, none)} of the fair's statistics page."""
    from django.urls import reverse

    url = reverse("jobfairs_admin:statistics", args=[occurrence.pk])
    html = client.get(url).content.decode()
    table = html[html.index('id="placements"'):]
    table = table[:table.index("</table>")]
    rows = {}
    for trade, cells in re.findall(r'<tr data-trade="([^"]*)">(.*?)</tr>', table):
        rows[trade] = tuple(int(n) for n in re.findall(r"<td>(\d+)</td>", cells))
    text = client.get(url, {"export": "csv"}).content.decode("utf-8")
    return rows, list(csv.reader(io.StringIO(text)))


def test_fair_statistics_page_and_its_csv_show_placements_per_trade_after_the_erasure(
        client, occurrence, staff, all_reported):
    client.force_login(staff)
    expected = {"zimmerer": (0, 0, 1, 0), "maurer": (1, 0, 0, 0),
                "fliesenleger": (0, 1, 0, 1), "total": (1, 1, 1, 1)}
    rows, table = fair_statistics(client, occurrence)
    assert rows == expected
    with translation.override("de"):  # the staff user's admin language
        heading = [gettext("Trade"), *(str(label) for label in (
            gettext("Invited to trial work"), gettext("Apprenticeship offered"),
            gettext("Employment contract"), gettext("No further step")))]
    assert heading in table
    after = table[table.index(heading) + 1:]
    assert ["zimmerer", "0", "0", "1", "0"] in after and ["fliesenleger", "0", "1", "0", "1"] in after
    assert erase_expired(now=occurrence.end + datetime.timedelta(days=400)) == 5
    assert fair_statistics(client, occurrence)[0] == expected


def test_funder_xlsx_export_has_the_placement_columns(client, held_fair, manager):
    import openpyxl

    report(client, held_fair["bau"], a=(held_fair["bau_omar"], "contract"))
    client.force_login(manager)
    response = client.get(REPORT_URL, {"group_by": "trades", "export": "xlsx"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = rows[0]
    column = header.index("Interviews: employment contract")
    by_group = {row[0]: row for row in rows[1:]}
    assert by_group["Carpenter (Zimmerer/Zimmerin)"][column] == 1
    assert by_group["Total"][column] == 1
