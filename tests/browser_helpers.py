"""Steps that several Chromium tests take the same way."""


def fill_employer_sign_up(form, *, company=None, public_listing=False):
    """Fill in the job fair's employer sign-up form (the `form.registration-form` locator) as
    Anna Muster of Leipzig, bricklayers, with consent; the company name only when `company` is
    given, the public listing only when `public_listing` is true. Nothing is sent."""
    fields = [("input[name=name]", "Anna Muster"), ("input[name=email]", "anna@muster.example"),
              *([("input[name=company]", company)] if company is not None else []),
              ("input[name=phone]", "0341 1234"),
              ("textarea[name=address]", "Musterweg 1, 04109 Leipzig")]
    for selector, value in fields:
        form.locator(selector).fill(value)
    boxes = ["input[name=trades][value=maurer]",
             *(["input[name=public_listing]"] if public_listing else []), "input[name=consent]"]
    for selector in boxes:
        form.locator(selector).check()
