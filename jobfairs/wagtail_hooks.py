"""Admin wiring of job fairs: the trades snippet, interviews, the fair-day views, log actions."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from . import admin_views, preference_admin, table_signs
from .viewsets import InterviewViewSet, JobPostingViewSet, TradeViewSet

register_snippet(TradeViewSet)

admin_urls = [
    path("", admin_views.index, name="index"),
    path("clients/", admin_views.clients, name="clients"),
    path("<int:occurrence_id>/timetable/", admin_views.timetable, name="timetable"),
    path("<int:occurrence_id>/check-in/", admin_views.check_in, name="check_in"),
    path("<int:occurrence_id>/statistics/", admin_views.statistics, name="statistics"),
    path("interests/<int:registration_id>/", preference_admin.interests, name="interests"),
    path("<int:occurrence_id>/table-signs/", table_signs.table_signs_view, name="table_signs"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("jobfairs/", include((admin_urls, "jobfairs_admin")))]


@hooks.register("register_admin_viewset")
def register_interview_viewset():
    return InterviewViewSet("jobfair_interviews")


@hooks.register("register_admin_viewset")
def register_posting_viewset():
    return JobPostingViewSet("jobfair_postings")


class JobFairMenuItem(MenuItem):
    def is_shown(self, request):
        return any(request.user.has_perm(perm) for perm in (
            admin_views.MANAGE, admin_views.CHECK_IN, admin_views.COUNSEL))


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return JobFairMenuItem(_("Job fairs"), reverse("jobfairs_admin:index"), icon_name="group",
                           order=252)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    label = _("Interview timetable proposed")
    actions.register_action("jobfairs.timetable.proposed", label, label)
    for action, label in (
            ("jobfairs.posting.submitted", _("Job posting submitted by the employer")),
            ("jobfairs.posting.withdrawn", _("Job posting removed by the employer")),
            ("jobfairs.posting.approved", _("Job posting approved")),
            ("jobfairs.posting.rejected", _("Job posting rejected")),
            ("jobfairs.profile.changed", _("Employer profile changed by the employer")),
            ("jobfairs.interests.changed", _("Interests of a job-seeker changed")),
            ("jobfairs.shortlist.changed", _("Shortlist changed by the employer")),
            ("jobfairs.interview.self_booked", _("Interview booked by the job-seeker"))):
        actions.register_action(action, label, label)
