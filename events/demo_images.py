"""Pictures for the demo content, drawn with Pillow when the demo is loaded (nothing downloaded).

Each picture is an abstract illustration in the network's colours (navy and gold of the
wordmark, with a second colour per motif): a gradient and a few shapes that hint at the kind
of event (a network of nodes, tables of a workshop, rising steps of a training …). Drawing
is deterministic (seeded by the key), and `demo_image()` finds an existing picture by its
title in the "Demo" collection, so a second run creates no image and changes no page.

The plugins' loaders and the site's loader use it; the alt texts (German and English) are
stored on the pages (`image_alt`), the German one also as the image's description.
"""

import io
import math
import random

from django.core.files.images import ImageFile
from wagtail.images import get_image_model
from wagtail.models import Collection

WIDTH, HEIGHT = 1600, 900
COLLECTION_NAME = "Demo"
NAVY = (11, 42, 99)
GOLD = (245, 180, 0)
WHITE = (255, 255, 255)

# key: (title, second colour, motif, German alt text, English alt text)
PICTURES = {
    "network": (
        "Demo: Netzwerk", (0, 110, 150), "network",
        "Illustration: Kreise, durch Linien zu einem Netz verbunden, auf dunkelblauem Grund",
        "Illustration: circles linked by lines into a network on a dark blue background",
    ),
    "workshop": (
        "Demo: Workshop", (0, 122, 94), "workshop",
        "Illustration: Tische von oben mit Sitzplätzen in Gruppen, in Blau und Gelb",
        "Illustration: tables seen from above with seats in groups, in blue and yellow",
    ),
    "information": (
        "Demo: Informationstag", (96, 60, 160), "information",
        "Illustration: zwei Sprechblasen und ein Info-Zeichen auf blauem Grund",
        "Illustration: two speech bubbles and an information sign on a blue background",
    ),
    "training": (
        "Demo: Schulung", (0, 96, 170), "training",
        "Illustration: aufsteigende Stufen mit einem gelben Stern auf der obersten",
        "Illustration: rising steps with a yellow star on the highest one",
    ),
    "jobfair": (
        "Demo: Jobmesse", (170, 60, 40), "jobfair",
        "Illustration: Messestände in Reihen, davor Kreise für Besucherinnen und Besucher",
        "Illustration: rows of fair stands with circles for visitors in front of them",
    ),
    "recognition": (
        "Demo: Anerkennung", (0, 110, 150), "recognition",
        "Illustration: ein Dokument mit Siegel und Häkchen auf blauem Grund",
        "Illustration: a document with a seal and a tick on a blue background",
    ),
    "qualification": (
        "Demo: Qualifizierung", (0, 122, 94), "training",
        "Illustration: aufsteigende Stufen in Grün und Blau, oben ein gelber Stern",
        "Illustration: rising steps in green and blue with a yellow star at the top",
    ),
    "intercultural": (
        "Demo: Interkulturelle Kompetenz", (96, 60, 160), "network",
        "Illustration: verschiedenfarbige Kreise, miteinander verbunden",
        "Illustration: circles of different colours linked to each other",
    ),
    "person": (
        "Demo: Person", (0, 96, 170), "person",
        "Platzhalterbild: Umriss einer Person in Gelb auf blauem Grund",
        "Placeholder picture: outline of a person in yellow on a blue background",
    ),
    "welcome": (
        "Demo: Willkommen", (0, 96, 170), "welcome",
        "Illustration: eine Wolke aus weißen Punkten, darin drei gelb markierte Orte",
        "Illustration: a cloud of white dots with three places marked in yellow",
    ),
}


def alt_texts(key):
    """(German, English) alt text of a demo picture."""
    _title, _colour, _motif, alt_de, alt_en = PICTURES[key]
    return alt_de, alt_en


def draw(key):
    """The JPEG bytes of picture `key`: the same bytes on every run."""
    from PIL import Image as PILImage
    from PIL import ImageDraw

    _title, colour, motif, _de, _en = PICTURES[key]
    rng = random.Random(key)  # noqa: S311 - a drawing, not a secret
    # A glow of the motif's colour from the upper start corner into navy.
    glow = PILImage.radial_gradient("L").resize((2 * WIDTH, 2 * HEIGHT))
    left, top = WIDTH * 7 // 10, HEIGHT * 7 // 10  # the glow's centre at 30 % / 30 %
    mask = glow.crop((left, top, left + WIDTH, top + HEIGHT))
    mask = mask.point(lambda value: 255 - min(255, value * 3 // 2))
    picture = PILImage.composite(PILImage.new("RGB", (WIDTH, HEIGHT), colour),
                                 PILImage.new("RGB", (WIDTH, HEIGHT), NAVY), mask)
    overlay = PILImage.new("RGBA", (WIDTH, HEIGHT), (0, 0, 0, 0))
    pen = ImageDraw.Draw(overlay)
    MOTIFS[motif](pen, rng)
    picture = PILImage.alpha_composite(picture.convert("RGBA"), overlay).convert("RGB")
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=85, optimize=True)
    return buffer.getvalue()


def _network(pen, rng):
    nodes = [(rng.randint(120, WIDTH - 120), rng.randint(120, HEIGHT - 120)) for _ in range(14)]
    for index, (x, y) in enumerate(nodes):
        for other in nodes[index + 1:]:
            if math.dist((x, y), other) < 520:
                pen.line([(x, y), other], fill=(*WHITE, 110), width=6)
    for index, (x, y) in enumerate(nodes):
        radius = rng.randint(28, 70)
        fill = (*GOLD, 255) if index % 4 == 0 else (*WHITE, 215)
        pen.ellipse([x - radius, y - radius, x + radius, y + radius], fill=fill)


def _workshop(pen, rng):
    for column in range(3):
        for row in range(2):
            x, y = 260 + column * 480, 250 + row * 400
            pen.rounded_rectangle([x - 150, y - 80, x + 150, y + 80], radius=28,
                                  fill=(*WHITE, 225))
            for seat in range(rng.choice([4, 5, 6])):
                angle = 2 * math.pi * seat / 6 + rng.random() / 3
                sx, sy = x + math.cos(angle) * 210, y + math.sin(angle) * 140
                pen.ellipse([sx - 34, sy - 34, sx + 34, sy + 34],
                            fill=(*GOLD, 255) if seat == 0 else (*WHITE, 160))


def _information(pen, rng):
    pen.rounded_rectangle([180, 170, 900, 560], radius=60, fill=(*WHITE, 220))
    pen.polygon([(300, 550), (420, 550), (280, 700)], fill=(*WHITE, 220))
    pen.rounded_rectangle([760, 380, 1420, 720], radius=60, fill=(*GOLD, 235))
    pen.polygon([(1250, 710), (1350, 710), (1380, 840)], fill=(*GOLD, 235))
    for line in range(3):
        width = rng.randint(300, 520)
        pen.rounded_rectangle([260, 250 + line * 90, 260 + width, 290 + line * 90], radius=20,
                              fill=(*NAVY, 200))
    pen.ellipse([1040, 430, 1140, 530], fill=(*NAVY, 255))
    pen.rounded_rectangle([1065, 550, 1115, 690], radius=20, fill=(*NAVY, 255))


def _training(pen, rng):
    for step in range(5):
        height = 140 + step * 130
        x = 200 + step * 250
        pen.rounded_rectangle([x, HEIGHT - 100 - height, x + 210, HEIGHT - 100], radius=18,
                              fill=(*WHITE, 150 + step * 20))
    cx, cy, outer, inner = 1305, 150, 80, 34
    points = []
    for corner in range(10):
        radius = outer if corner % 2 == 0 else inner
        angle = -math.pi / 2 + corner * math.pi / 5
        points.append((cx + math.cos(angle) * radius, cy + math.sin(angle) * radius))
    pen.polygon(points, fill=(*GOLD, 255))
    for _ in range(12):
        x, y, radius = rng.randint(60, WIDTH - 60), rng.randint(40, 320), rng.randint(6, 14)
        pen.ellipse([x - radius, y - radius, x + radius, y + radius], fill=(*WHITE, 120))


def _jobfair(pen, rng):
    for column in range(4):
        x = 130 + column * 360
        pen.rectangle([x, 150, x + 300, 420], fill=(*WHITE, 215))
        pen.rectangle([x, 120, x + 300, 190], fill=(*GOLD, 255) if column % 2 else (*WHITE, 255))
    for _ in range(16):
        x, y = rng.randint(120, WIDTH - 120), rng.randint(530, HEIGHT - 90)
        pen.ellipse([x - 36, y - 36, x + 36, y + 36], fill=(*WHITE, 190))


def _recognition(pen, rng):
    pen.rounded_rectangle([420, 110, 1050, 800], radius=30, fill=(*WHITE, 235))
    for line in range(6):
        width = rng.randint(280, 480)
        pen.rounded_rectangle([500, 200 + line * 80, 500 + width, 232 + line * 80], radius=16,
                              fill=(*NAVY, 120))
    pen.ellipse([930, 560, 1210, 840], fill=(*GOLD, 255))
    pen.line([(1000, 700), (1055, 760), (1150, 630)], fill=(*NAVY, 255), width=26, joint="curve")


def _welcome(pen, rng):
    # A cloud of dots (people, places) with three places in gold.
    for _ in range(420):
        angle = rng.random() * 2 * math.pi
        distance = math.sqrt(rng.random())
        x = 800 + math.cos(angle) * distance * 620 * (1 + 0.15 * math.sin(3 * angle))
        y = 450 + math.sin(angle) * distance * 300
        pen.ellipse([x - 9, y - 9, x + 9, y + 9], fill=(*WHITE, 170))
    for x, y in ((560, 420), (930, 360), (1150, 500)):
        pen.ellipse([x - 40, y - 40, x + 40, y + 40], fill=(*GOLD, 255))


def _person(pen, rng):
    cx = WIDTH // 2
    pen.ellipse([cx - 150, 170, cx + 150, 470], fill=(*GOLD, 255))
    pen.pieslice([cx - 330, 520, cx + 330, 1180], 180, 360, fill=(*GOLD, 255))
    for _ in range(10):
        x, y, radius = rng.randint(60, WIDTH - 60), rng.randint(40, HEIGHT - 40), rng.randint(6, 14)
        if abs(x - cx) > 380:
            pen.ellipse([x - radius, y - radius, x + radius, y + radius], fill=(*WHITE, 120))


MOTIFS = {
    "network": _network, "workshop": _workshop, "information": _information,
    "training": _training, "jobfair": _jobfair, "recognition": _recognition,
    "welcome": _welcome, "person": _person,
}


def demo_collection():
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=COLLECTION_NAME).first()
    return collection or root.add_child(name=COLLECTION_NAME)


def demo_image(ctx, key):
    """The image `key` of the demo collection, drawn and saved on the first run only."""
    title, _colour, _motif, alt_de, _en = PICTURES[key]
    image_model = get_image_model()
    collection = demo_collection()
    image = image_model.objects.filter(collection=collection, title=title).first()
    if image is None:
        image = image_model(title=title, description=alt_de, collection=collection)
        image.file = ImageFile(io.BytesIO(draw(key)), name=f"demo-{key}.jpg")
        image.save()
        ctx.created += 1
        if ctx.stdout is not None:
            ctx.stdout.write(f"  created: image {title}")
    elif image.description != alt_de:
        image.description = alt_de
        image.save(update_fields=["description"])
        ctx.updated += 1
    else:
        ctx.unchanged += 1
    return image


def page_image(ctx, key):
    """Fields of a German page and of its English translation for the picture `key`."""
    image = demo_image(ctx, key)
    alt_de, alt_en = alt_texts(key)
    return {"image": image, "image_alt": alt_de}, {"image": image, "image_alt": alt_en}
