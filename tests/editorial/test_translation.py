"""Translation with wagtail-localize: PO round trip, publication, sync after a source edit."""

import pytest
from django.utils.translation import override
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from home.models import ProgrammePage

pytestmark = pytest.mark.django_db


def translate_everything(translation, prefix):
    po = translation.export_po()
    for entry in po:
        entry.msgstr = f"{prefix}{entry.msgid}"
    warnings = translation.import_po(po)
    assert not warnings
    return po


def test_page_translated_through_po_file_is_published_and_synced(demo_content, make_user,
                                                               django_capture_on_commit_callbacks):
    translator = make_user("tarek", "Translators")
    english = Locale.objects.get(language_code="en")  # the demo's hand-made copy goes
    page = ProgrammePage.objects.get(slug="qualifizierung", locale__language_code="de")
    page.get_translation(english).delete()
    TranslationCreator(translator, [english]).create_translations(page)
    translation = Translation.objects.get(source__object_id=page.translation_key,
                                          target_locale=english)
    total, done = translation.get_progress()
    assert total > 0 and done == 0

    po = translate_everything(translation, "EN ")
    msgids = {entry.msgid for entry in po}
    assert page.title in msgids and page.summary in msgids
    # StreamField text is exported segment by segment.
    assert any("Anerkennungsverfahren" in msgid for msgid in msgids)
    # wagtail-localize publishes the new revision once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=translator, publish=True)

    translated = page.get_translation(english)
    assert translated.live and translated.title == f"EN {page.title}"
    assert translated.specific.number == page.number  # not translatable: synchronised

    # The source changes: the translation is flagged until the new text is translated.
    page.summary = "Ein ganz neuer Satz zur Qualifizierung."
    page.save_revision().publish()
    TranslationSource.update_or_create_from_instance(page)
    translation.refresh_from_db()
    total, done = translation.get_progress()
    assert done < total
    with override("en"):
        assert str(translation.get_status_display()) == "Waiting for translations"

    translate_everything(translation, "EN ")
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=translator, publish=True)
    translated.refresh_from_db()
    assert translated.specific.summary == "EN Ein ganz neuer Satz zur Qualifizierung."


def test_vocabulary_snippets_are_translatable(demo_content, make_user):
    from events.models import Category

    category = Category.objects.filter(locale__language_code="de").first()
    russian = Locale.objects.get(language_code="ru")
    TranslationCreator(make_user("tarek", "Translators"), [russian]).create_translations(category)
    translation = Translation.objects.get(source__object_id=category.translation_key,
                                          target_locale=russian)
    translate_everything(translation, "RU ")
    translation.save_target(publish=True)
    translated = Category.objects.get(translation_key=category.translation_key, locale=russian)
    assert translated.name == f"RU {category.name}"
    # The slug is a stable code for filters and the API: synchronised, never translated.
    assert translated.slug == category.slug


def test_image_alt_text_and_caption_in_streamfield_are_translated(demo_content, make_user,
                                                                   django_capture_on_commit_callbacks):
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    from home.demo.context import stream

    buffer = BytesIO()
    PILImage.new("RGB", (40, 30), "navy").save(buffer, "PNG")
    image = Image.objects.create(title="Werkstatt", file=ImageFile(buffer, name="werkstatt.png"))
    page = ProgrammePage.objects.get(slug="qualifizierung", locale__language_code="de")
    page.body = stream(("image", {
        "image": {"image": image.pk, "alt_text": "Zwei Maurer an einer Wand", "decorative": False},
        "caption": "Lehrkabinett in Borsdorf", "attribution": "",
    }))
    page.save_revision().publish()

    persian = Locale.objects.get(language_code="fa")
    TranslationCreator(make_user("tarek", "Translators"), [persian]).create_translations(page)
    translation = Translation.objects.get(source__object_id=page.translation_key, target_locale=persian)
    msgids = {entry.msgid for entry in translate_everything(translation, "FA ")}
    assert {"Zwei Maurer an einer Wand", "Lehrkabinett in Borsdorf"} <= msgids
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    value = page.get_translation(persian).specific.body[0].value
    assert value["image"].contextual_alt_text == "FA Zwei Maurer an einer Wand"
    assert value["caption"] == "FA Lehrkabinett in Borsdorf"
