"""The programme page (listing with filters, in-house request form) and the module page."""

from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from events.models import AbstractEventPage
from events.models.mixins import PlainLanguageMixin

from .. import conf
from ..blocks import FeedbackQuestionsBlock
from ..choices import DeliveryMode, Format, Topic
from ..serializers import SessionsField, TrainersField
from ..surveys import SurveyQuestionSerializer

TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class TrainingProgrammePage(RoutablePageMixin, PlainLanguageMixin, Page):
    """The overall programme: introduction, modules with filters, next sessions, request form."""

    intro = RichTextField(_("introduction"), blank=True, features=TEXT_FEATURES,
                          help_text=_("What the programme offers and for whom."))
    request_intro = models.TextField(
        _("in-house training text"), blank=True, max_length=1000,
        help_text=_("Shown above the form with which an organisation asks for a training for "
                    "its own team."))
    funding_notice = models.TextField(
        _("funding notice"), max_length=600, blank=True, default=conf.default_funding_notice,
        help_text=_("Printed on attendance certificates and shown on module pages."))

    content_panels = Page.content_panels + [
        FieldPanel("intro"), FieldPanel("plain_language_summary"), FieldPanel("request_intro"),
        FieldPanel("funding_notice"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("plain_language_summary"), APIField("request_intro"),
                  APIField("funding_notice")]
    # Any parent (the site puts it under its action-area page); one programme per parent.
    subpage_types = ["trainings.TrainingModulePage"]
    max_count_per_parent = 1
    template = "trainings/training_programme_page.html"

    class Meta:
        verbose_name = _("training programme")

    def get_context(self, request, *args, **kwargs):
        from ..forms import ModuleFilterForm
        from ..queries import programme_listing

        context = super().get_context(request, *args, **kwargs)
        form = ModuleFilterForm(request.GET or None, locale=self.locale)
        if form.is_bound and not form.is_valid():
            form.cleaned_data = {k: v for k, v in form.cleaned_data.items()
                                 if k not in form.errors}
        filters = form.filters() if form.is_bound else {}
        modules, sessions = programme_listing(
            self, filters, limit=int(conf.get("TRAININGS_NEXT_SESSIONS")))
        context.update({
            "filter_form": form,
            "filtered": any(filters.values()),
            "modules": modules,
            "next_sessions": sessions,
        })
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        return super().index_route(request, *args, **kwargs)

    @path("anfrage/", name="inhouse_request")
    def inhouse_request(self, request):
        from ..views import inhouse_request

        return inhouse_request(request, self)

    @path("anfrage/<str:reference>/", name="inhouse_request_sent")
    def inhouse_request_sent(self, request, reference):
        from ..models import InHouseRequest

        inhouse = InHouseRequest.objects.filter(reference=reference, programme=self).first()
        if inhouse is None:
            return redirect(self.url)
        return TemplateResponse(request, "trainings/inhouse_request_sent.html",
                                {"page": self, "inhouse": inhouse})


class TrainingModulePage(PlainLanguageMixin, AbstractEventPage):
    """One module of the programme; its dates (events core occurrences) are the sessions."""

    event_type = "training"

    topic = models.CharField(_("topic"), max_length=40, choices=Topic.choices,
                             help_text=_("Which strand of the programme the module belongs to."))
    format = models.CharField(_("format"), max_length=20, choices=Format.choices,
                              default=Format.COURSE,
                              help_text=_("Training course, practice training or information event."))
    delivery_mode = models.CharField(_("delivery"), max_length=20, choices=DeliveryMode.choices,
                                     default=DeliveryMode.IN_PERSON,
                                     help_text=_("In person, online or hybrid."))
    learning_goals = RichTextField(_("learning goals"), blank=True, features=TEXT_FEATURES,
                                   help_text=_("What participants can do afterwards."))
    contents = RichTextField(_("contents"), blank=True, features=TEXT_FEATURES,
                             help_text=_("Topics covered in the module."))
    methods = RichTextField(_("methods"), blank=True, features=TEXT_FEATURES,
                            help_text=_("How the module works, e.g. input, case studies, role play."))
    duration = models.CharField(_("duration"), max_length=100, blank=True,
                                help_text=_("E.g. “1 day (6 hours)”; printed on the certificate."))
    prerequisites = models.TextField(_("prerequisites"), blank=True, max_length=1000,
                                     help_text=_("What participants need to bring or know."))
    trainers = ParentalManyToManyField("trainings.Trainer", blank=True, related_name="+",
                                       verbose_name=_("trainers"),
                                       help_text=_("Who leads the module."))
    max_group_size = models.PositiveSmallIntegerField(
        _("maximum group size"), default=16,
        help_text=_("Default number of places of each new session; change a session's places "
                    "under “Registration places”."))
    cost = models.CharField(_("cost"), max_length=200, blank=True,
                            help_text=_("Leave empty when the module is free of charge."))
    certificate_issued = models.BooleanField(
        _("attendance certificate"), default=True,
        help_text=_("Attendees receive a certificate of attendance (PDF) by e-mail."))
    feedback_questions = StreamField(
        FeedbackQuestionsBlock(), verbose_name=_("feedback questions"), blank=True,
        help_text=_("The anonymous feedback survey that attendees receive after a session: "
                    "questions, ratings and self-assessments (before the training and now); "
                    "translated with the page. Without questions the four standard ratings and "
                    "a comment are asked."))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("plain_language_summary"),
        FieldRowPanel([FieldPanel("topic"), FieldPanel("format"), FieldPanel("delivery_mode")],
                      heading=_("Classification")),
        FieldPanel("audiences"),
        InlinePanel("occurrences", label=_("Sessions"), min_num=1,
                    help_text=_("Each session gets “maximum group size” places when the page is "
                                "published; change them under “Registration places”.")),
        MultiFieldPanel([FieldPanel("learning_goals"), FieldPanel("contents"),
                         FieldPanel("methods")], heading=_("Content")),
        FieldPanel("body"),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("duration"), FieldPanel("max_group_size")]),
            FieldPanel("prerequisites"),
            FieldRowPanel([FieldPanel("cost"), FieldPanel("certificate_issued")]),
        ], heading=_("Practical details")),
        FieldPanel("trainers"),
        MultiFieldPanel([FieldPanel("category"), FieldPanel("languages"),
                         FieldPanel("organisers")], heading=_("More classification")),
        FieldPanel("venue"),
        InlinePanel("documents", label=_("Related documents")),
        MultiFieldPanel([
            FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone"),
        ], heading=_("Contact")),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("registration_questions"),
    ]
    feedback_panels = [FieldPanel("feedback_questions")]
    # Wagtail's tabs plus one for the feedback survey (kept after the panel lists above).
    edit_handler = TabbedInterface([
        ObjectList(content_panels, heading=_("Content")),
        ObjectList(feedback_panels, heading=_("Feedback survey")),
        ObjectList(Page.promote_panels, heading=_("Promote")),
        ObjectList(Page.settings_panels, heading=_("Settings")),
    ])
    search_fields = AbstractEventPage.search_fields + [
        index.SearchField("learning_goals"), index.SearchField("contents"),
        index.SearchField("methods"), index.SearchField("prerequisites"),
        index.SearchField("plain_language_summary"),
        index.FilterField("topic"), index.FilterField("format"),
    ]
    api_fields = AbstractEventPage.api_fields + [
        APIField("plain_language_summary"), APIField("topic"), APIField("format"), APIField("delivery_mode"),
        APIField("learning_goals"), APIField("contents"), APIField("methods"),
        APIField("duration"), APIField("prerequisites"), APIField("max_group_size"),
        APIField("cost"), APIField("certificate_issued"), APIField("documents"),
        APIField("trainer_list", serializer=TrainersField()),
        APIField("sessions", serializer=SessionsField()),
        # The survey's questions (ids, types, choices), never its answers.
        APIField("feedback_survey", serializer=SurveyQuestionSerializer(
            many=True, read_only=True, source="feedback_question_list")),
    ]
    parent_page_types = ["trainings.TrainingProgrammePage"]
    subpage_types = []
    template = "trainings/training_module_page.html"

    class Meta:
        verbose_name = _("training module")
        verbose_name_plural = _("training modules")

    @property
    def feedback_question_list(self):
        """The feedback survey's questions in the page's language ([]: the standard ratings)."""
        from ..surveys import survey_questions

        return survey_questions(self)

    @property
    def is_free(self):
        return not self.cost.strip()

    def programme(self):
        return TrainingProgrammePage.objects.filter(
            path=self.path[:-self.steplen]).first() if self.depth > 1 else None

    def sessions_for_api(self):
        from ..serializers import sessions_of

        return sessions_of([self])[self.pk]


class ModuleDocument(Orderable):
    page = ParentalKey(TrainingModulePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE,
                                 related_name="+", verbose_name=_("document"),
                                 help_text=_("Handout, programme or slides (PDF preferred)."))
    title = models.CharField(_("link text"), max_length=200, blank=True,
                             help_text=_("Leave empty to use the document's title."))

    panels = [FieldPanel("document"), FieldPanel("title")]
    api_fields = [APIField("document"), APIField("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("related document")
        verbose_name_plural = _("related documents")

    @property
    def label(self):
        return self.title or self.document.title
