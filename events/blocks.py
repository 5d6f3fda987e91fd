"""Content blocks shared by every page body of the suite (one definition, many StreamFields)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        help_text=_("Keep the outline: a level 3 heading follows a level 2 heading."),
    )

    class Meta:
        icon = "title"
        template = "events/blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    # Wagtail's ImageBlock carries the alt text (and a "decorative" flag) with the image.
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    attribution = blocks.CharBlock(label=_("Credit"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "events/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribute_name = blocks.CharBlock(label=_("Who said it"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "events/blocks/quote.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=300)
    label = blocks.CharBlock(label=_("Button label"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External link"), required=False)

    class Meta:
        icon = "link"
        template = "events/blocks/call_to_action.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            from django.core.exceptions import ValidationError
            from wagtail.blocks.struct_block import StructBlockValidationError

            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter a link."))}
            )
        return value


class DocumentListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("Document")), label=_("Documents"))

    class Meta:
        icon = "doc-full"
        template = "events/blocks/document_list.html"


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    answer = blocks.RichTextBlock(label=_("Answer"), features=["bold", "italic", "link", "ol", "ul"])


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Questions and answers"))

    class Meta:
        icon = "list-ul"
        template = "events/blocks/accordion.html"


class ContentStreamBlock(blocks.StreamBlock):
    """The body of every page: sites may subclass it to add their own blocks."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        icon="pilcrow",
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"],
        template="events/blocks/paragraph.html",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document_list = DocumentListBlock()
    accordion = AccordionBlock()


# Registration questions ------------------------------------------------------------------------

class QuestionType(models.TextChoices):
    TEXT = "text", _("Text (one line)")
    LONG_TEXT = "long_text", _("Long text")
    NUMBER = "number", _("Number")
    DATE = "date", _("Date")
    YES_NO = "yes_no", _("Yes or no")
    SINGLE_CHOICE = "single_choice", _("Single choice")
    MULTIPLE_CHOICE = "multiple_choice", _("Multiple choice")


CHOICE_TYPES = (QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE)


def registration_kind_choices():
    # Read when the editor opens the form: plugins register their kinds in ready().
    from .registration.kinds import kind_choices

    return kind_choices()


class RegistrationQuestionBlock(blocks.StructBlock):
    """One question of the registration form. The answers are stored under the block's id, so
    the German page and its translations (same ids) fill the same column."""

    label = blocks.CharBlock(label=_("Question"), max_length=200)
    help_text = blocks.CharBlock(label=_("Help text"), required=False, max_length=300,
                                 help_text=_("Shown under the question, e.g. what to enter."))
    field_type = blocks.ChoiceBlock(label=_("Type of answer"), choices=QuestionType.choices,
                                    default=QuestionType.TEXT)
    required = blocks.BooleanBlock(label=_("Required"), required=False)
    choices = blocks.ListBlock(
        blocks.CharBlock(label=_("Choice"), max_length=200), label=_("Choices"), default=[],
        help_text=_("Only for single and multiple choice: at least two."))
    kinds = blocks.MultipleChoiceBlock(
        label=_("Asked of"), required=False, choices=registration_kind_choices,
        help_text=_("Leave empty to ask everyone who registers, or choose the kinds of "
                    "registration that see the question."))

    class Meta:
        icon = "help"
        label = _("Question")

    def clean(self, value):
        value = super().clean(value)
        choices = [choice for choice in value.get("choices") or [] if (choice or "").strip()]
        if value.get("field_type") in CHOICE_TYPES and len(choices) < 2:
            from django.core.exceptions import ValidationError
            from wagtail.blocks.struct_block import StructBlockValidationError

            raise StructBlockValidationError(block_errors={"choices": ValidationError(
                _("Give at least two choices for a choice question."))})
        return value


class RegistrationQuestionsBlock(blocks.StreamBlock):
    question = RegistrationQuestionBlock()

