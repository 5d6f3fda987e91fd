"""Page images: responsive <picture> (WebP + JPEG, srcset, sizes, width/height, alt), cards
with prefetched renditions, the required alt text, and the demo's drawn pictures."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events.models import EventPage
from home.demo.context import stream

Image = get_image_model()
MEDIA_URLS = "tests.events.media_urls"


def make_image(title="Saal", size=(1600, 900)):
    return Image.objects.create(title=title, file=get_test_image_file(size=size))


def pictures(html):
    return re.findall(r"<picture>.*?</picture>", html, re.S)


def attr(tag, name):
    match = re.search(rf'\s{name}="([^"]*)"', tag)
    return match.group(1) if match else None


def srcset_widths(srcset):
    return sorted(int(part.strip().rsplit(" ", 1)[1][:-1]) for part in srcset.split(","))


@pytest.mark.django_db
def test_event_page_shows_its_image_as_responsive_webp_picture_with_alt(client, make_event):
    event = make_event(image=make_image(), image_alt="Ein heller Saal mit Stuhlreihen")
    html = client.get(event.url).content.decode()
    [picture] = pictures(html)
    source = re.search(r"<source[^>]*>", picture).group(0)
    img = re.search(r"<img[^>]*>", picture).group(0)
    assert attr(source, "type") == "image/webp"
    assert srcset_widths(attr(source, "srcset")) == [320, 640, 960, 1280]
    assert ".webp" in attr(source, "srcset") and attr(source, "sizes")
    assert srcset_widths(attr(img, "srcset")) == [320, 640, 960, 1280]
    assert attr(img, "src").endswith(".jpg")  # the fallback for browsers without WebP
    assert (attr(img, "width"), attr(img, "height")) == ("1280", "720")  # no layout shift
    assert attr(img, "alt") == "Ein heller Saal mit Stuhlreihen"
    # The hero is the first thing on the page: loaded at once, not lazily.
    assert attr(img, "loading") == "eager" and attr(img, "fetchpriority") == "high"
    og = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
    assert re.search(r"/media/images/.*fill-1200x630.*\.jpg$", og), og
    assert 'content="Ein heller Saal mit Stuhlreihen"' in html  # og:image:alt


@pytest.mark.django_db
def test_rendition_urls_of_a_page_answer_with_the_image(client, make_event, settings):
    settings.ROOT_URLCONF = MEDIA_URLS
    event = make_event(image=make_image(), image_alt="Ein heller Saal")
    html = client.get(event.url).content.decode()
    [picture] = pictures(html)
    urls = set(re.findall(r"(/media/[^\s\",]+)", picture))
    assert len(urls) == 8  # four widths in WebP and in JPEG
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content)
        if url.endswith(".webp"):
            assert response["Content-Type"] == "image/webp" and body[8:12] == b"WEBP"
        else:
            assert response["Content-Type"] == "image/jpeg" and body[:2] == b"\xff\xd8"


@pytest.mark.django_db
def test_listing_and_home_cards_show_lazy_pictures(client, make_event, event_index, home_page):
    make_event(title="Mit Bild", image=make_image(), image_alt="Zwei Menschen am Tisch")
    make_event(title="Ohne Bild")
    for url in (event_index.url, home_page.url):
        html = client.get(url).content.decode()
        [picture] = pictures(html)  # only the event that has an image
        img = re.search(r"<img[^>]*>", picture).group(0)
        assert attr(img, "alt") == "Zwei Menschen am Tisch"
        assert attr(img, "loading") == "lazy"
        assert srcset_widths(attr(img, "srcset")) == [320, 640, 960]
        assert (attr(img, "width"), attr(img, "height")) == ("960", "540")
        assert 'type="image/webp"' in picture


@pytest.mark.django_db
def test_listing_of_ten_cards_with_images_costs_no_query_per_card(client, make_event, event_index):
    events = [make_event(title=f"Termin {number}") for number in range(10)]

    def count():
        client.get(event_index.url)  # renditions are made on the first render
        cache.clear()  # neither the page cache nor Wagtail's rendition cache answers
        with CaptureQueriesContext(connection) as queries:
            assert client.get(event_index.url).status_code == 200
        return len(queries)

    without_images = count()
    for number, event in enumerate(events):
        EventPage.objects.filter(pk=event.pk).update(image=make_image(f"Bild {number}"),
                                                     image_alt=f"Bild {number}")
    with_images = count()
    html = client.get(event_index.url).content.decode()
    assert len(pictures(html)) == 10
    # The images and their renditions: two queries for all ten cards.
    assert with_images <= without_images + 2, (without_images, with_images)


@pytest.mark.django_db
def test_image_block_uses_its_alt_text_and_decorative_images_get_empty_alt(client, make_event):
    image = make_image("Werkstatt")
    event = make_event(body=stream(
        ("image", {"image": {"image": image.pk, "alt_text": "Zwei Maurer an einer Wand",
                             "decorative": False}, "caption": "In der Werkstatt",
                   "attribution": ""}),
        ("image", {"image": {"image": image.pk, "alt_text": "", "decorative": True},
                   "caption": "", "attribution": ""}),
    ))
    html = client.get(event.url).content.decode()
    meaningful, decorative = pictures(html)
    assert attr(re.search(r"<img[^>]*>", meaningful).group(0), "alt") == "Zwei Maurer an einer Wand"
    assert attr(re.search(r"<img[^>]*>", decorative).group(0), "alt") == ""
    assert 'type="image/webp"' in meaningful
    assert "<figcaption>In der Werkstatt" in html


def soon(days, hour=10):
    start = timezone.localtime() + datetime.timedelta(days=days)
    return start.replace(hour=hour, minute=0, second=0, microsecond=0)


@pytest.mark.django_db
def test_editor_cannot_publish_a_page_image_without_alt_text(client, admin_user, event_index):
    client.force_login(admin_user)
    image = make_image()
    start = soon(10)
    fmt = "%Y-%m-%d %H:%M"
    row = {"start": start.strftime(fmt), "end": (start + datetime.timedelta(hours=2)).strftime(fmt),
           "status": "scheduled", "repeat_interval": "1", "repeat_frequency": "",
           "status_note": "", "online_url": "", "venue": "", "repeat_until": "",
           "repeat_exceptions": ""}
    post = nested_form_data({
        "title": "Workshop mit Bild", "slug": "workshop-mit-bild",
        "summary": "Ein Workshop.", "body": streamfield([]), "registration_questions": streamfield([]),
        "occurrences": inline_formset([row]),
        "image": image.pk, "image_alt": "  ",
        "action-publish": "publish",
    })
    response = client.post(f"/admin/pages/add/events/eventpage/{event_index.pk}/", post)
    assert response.status_code == 200
    assert "image_alt" in response.context["form"].errors
    assert not EventPage.objects.filter(slug="workshop-mit-bild").exists()

    post.update({"image": "", "image_alt": ""})
    response = client.post(f"/admin/pages/add/events/eventpage/{event_index.pk}/", post)
    assert response.status_code == 302
    page = EventPage.objects.get(slug="workshop-mit-bild")

    # Editing: choosing an image without describing it is refused, the live page unchanged.
    occurrence = page.occurrences.get()
    post.update(nested_form_data({"occurrences": inline_formset([dict(row, id=occurrence.pk)],
                                                                initial=1)}))
    post.update({"image": image.pk, "image_alt": ""})
    response = client.post(f"/admin/pages/{page.pk}/edit/", post)
    assert response.status_code == 200
    errors = response.context["form"].errors["image_alt"]
    assert errors and "remove the image" in errors[0] or "entfernen" in errors[0]
    page.refresh_from_db()
    assert page.image is None

    post["image_alt"] = "Stuhlkreis in einem hellen Raum"
    response = client.post(f"/admin/pages/{page.pk}/edit/", post)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live and page.image == image and page.image_alt == "Stuhlkreis in einem hellen Raum"


@pytest.mark.django_db
def test_trainer_photo_needs_an_alt_text_in_the_admin(client, admin_user, locales):
    from trainings.models import Trainer

    client.force_login(admin_user)
    image = make_image("Portrait")
    url = "/admin/snippets/trainings/trainer/add/"
    data = {"name": "Anna Schmidt", "bio": "", "photo": image.pk, "photo_alt": "",
            "locale": "de"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "photo_alt" in response.context["form"].errors
    assert not Trainer.objects.filter(name="Anna Schmidt").exists()
    response = client.post(url, dict(data, photo_alt="Porträt von Anna Schmidt"))
    assert response.status_code == 302
    assert Trainer.objects.get(name="Anna Schmidt").photo_alt == "Porträt von Anna Schmidt"


@pytest.mark.django_db
def test_demo_pages_get_drawn_pictures_with_alt_texts_and_reruns_add_nothing(client):
    call_command("load_demo_content", verbosity=0)
    images = Image.objects.filter(collection__name="Demo")
    assert images.count() >= 8
    assert all(image.description for image in images)
    assert {image.file.name.rsplit(".", 1)[1] for image in images} == {"jpg"}
    assert (images.first().width, images.first().height) == (1600, 900)
    events = EventPage.objects.filter(locale__language_code__in=["de", "en"])
    assert events.exists() and all(page.image_id and page.image_alt for page in events)
    english = events.filter(locale__language_code="en").first()
    german = english.get_translation(english.source_page().locale).specific
    assert english.image_id == german.image_id and english.image_alt != german.image_alt

    from jobfairs.models import JobFairPage
    from trainings.models import Trainer, TrainingModulePage
    for model in (TrainingModulePage, JobFairPage):
        pages = model.objects.all()
        assert pages.exists() and all(page.image_id and page.image_alt for page in pages)
    assert all(trainer.photo_id and trainer.photo_alt for trainer in Trainer.objects.all())

    counts = (Image.objects.count(), Revision.objects.count())
    call_command("load_demo_content", verbosity=0)
    assert (Image.objects.count(), Revision.objects.count()) == counts

    html = client.get("/de/veranstaltungen/").content.decode()
    assert len(pictures(html)) >= 3
    html = client.get("/en/").content.decode()
    assert pictures(html)  # the home page's illustration and the next events' cards


@pytest.mark.django_db
def test_svg_page_image_is_shown_as_svg_not_a_server_error(client, make_event):
    from django.core.files.base import ContentFile

    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" width="160" height="90" '
           b'viewBox="0 0 160 90"><rect width="160" height="90" fill="#0b2a63"/></svg>')
    image = Image(title="Logo", width=160, height=90)
    image.file.save("logo.svg", ContentFile(svg), save=False)
    image.width, image.height = 160, 90
    image.save()
    event = make_event(image=image, image_alt="Logo des Netzwerks")
    response = client.get(event.url)
    assert response.status_code == 200  # format-webp would raise for an SVG: preserve-svg
    [picture] = pictures(response.content.decode())
    assert ".svg" in picture and 'alt="Logo des Netzwerks"' in picture
