"""Draw the favicon PNGs and the OpenGraph image from the wordmark (Pillow, no download).

The SVG favicon (static/img/favicon.svg) is the source; these PNGs are committed for
browsers and link previews that take no SVG. Run: python scripts/make_icons.py
"""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

OUT = Path(__file__).resolve().parent.parent / "static" / "img"
NAVY, WHITE, GOLD = "#0b2a63", "#ffffff", "#f5b400"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def mark(size):
    """The 48-unit mark of favicon.svg, drawn at `size` pixels (4x supersampled)."""
    scale = size * 4 / 48
    image = Image.new("RGBA", (size * 4, size * 4), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    s = lambda v: round(v * scale)  # noqa: E731
    draw.rounded_rectangle((0, 0, s(48) - 1, s(48) - 1), radius=s(10), fill=NAVY)
    draw.rectangle((s(11), s(13), s(17), s(35)), fill=WHITE)
    draw.ellipse((s(31 - 9.5 - 2.75), s(24 - 9.5 - 2.75), s(31 + 9.5 + 2.75), s(24 + 9.5 + 2.75)), fill=WHITE)
    draw.ellipse((s(31 - 9.5 + 2.75), s(24 - 9.5 + 2.75), s(31 + 9.5 - 2.75), s(24 + 9.5 - 2.75)), fill=NAVY)
    draw.line((s(34), s(28), s(41), s(36)), fill=GOLD, width=s(5.5))
    return image.resize((size, size), Image.LANCZOS)


def og_image():
    image = Image.new("RGB", (1200, 630), NAVY)
    image.paste(mark(240), (110, 195), mark(240))
    draw = ImageDraw.Draw(image)
    draw.text((400, 235), "IQ Netzwerk Sachsen", font=ImageFont.truetype(FONT, 64), fill=WHITE)
    draw.text((400, 330), "Integration durch Qualifizierung", font=ImageFont.truetype(FONT, 38), fill=GOLD)
    return image


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    mark(32).save(OUT / "favicon-32.png", optimize=True)
    mark(180).save(OUT / "apple-touch-icon.png", optimize=True)
    og_image().save(OUT / "og-image.png", optimize=True)


if __name__ == "__main__":
    main()
