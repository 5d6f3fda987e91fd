"""Check what a screen reader relies on in rendered forms: references that resolve, groups
of choices named by a fieldset legend."""

from collections import defaultdict
from html.parser import HTMLParser

from tests.html_links import VOID_ELEMENTS


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = set()
        self.described = []  # (tag, name or id, [referenced ids])
        self.stack = []  # open elements: [tag, attrs, has_legend]
        self.choices = defaultdict(list)  # input name -> [inside a fieldset with legend?]
        self.helps_and_errors = []  # ids of help texts and error lists

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if attrs.get("aria-describedby"):
            self.described.append((tag, attrs.get("name") or attrs.get("id"), attrs["aria-describedby"].split()))
        classes = (attrs.get("class") or "").split()
        if attrs.get("id") and {"helptext", "errorlist"} & set(classes):
            self.helps_and_errors.append(attrs["id"])
        if tag == "legend":
            for element in reversed(self.stack):
                if element[0] == "fieldset":
                    element[2] = True
                    break
        if tag == "input" and attrs.get("type") in ("radio", "checkbox"):
            in_group = any(element[0] == "fieldset" and element[2] for element in self.stack)
            self.choices[attrs.get("name")].append(in_group)
        if tag not in VOID_ELEMENTS:
            self.stack.append([tag, attrs, False])

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break


def form_problems(html):
    """Everything in `html` a screen-reader user would miss, as readable strings."""
    parser = _FormParser()
    parser.feed(html)
    problems = []
    referenced = set()
    for tag, name, ids in parser.described:
        referenced.update(ids)
        problems += [f"<{tag} {name}> aria-describedby points to missing #{ref}"
                     for ref in ids if ref not in parser.ids]
    problems += [f"#{ref} (help or error) is referenced by no field"
                 for ref in parser.helps_and_errors if ref not in referenced]
    problems += [f"choices {name!r} are not grouped in a fieldset with a legend"
                 for name, grouped in parser.choices.items() if len(grouped) > 1 and not all(grouped)]
    return problems
