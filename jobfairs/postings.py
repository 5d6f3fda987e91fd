"""Job postings and employer profiles: the employer's signed link, adding and withdrawing
postings, the editors' review, the profile with its scaled logo, and what a fair page shows.

Views, the API, the admin and the demo loader all call these functions.
"""

import datetime
import io

from django.core import signing
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Locale

from events.models import Registration

from .exhibitors import SHOWN_STATES
from .models import EmployerProfile, JobPosting, PostingStatus, Trade
from .services import JobFairsError

MANAGE_SALT = "jobfairs.employer.manage"
# States in which an employer may still change what they offer.
EDITABLE_STATES = ("awaiting_approval", "approved", "waitlisted", "attended")
LOGO_BOX = (400, 200)
LOGO_MAX_BYTES = 2 * 1024 * 1024


# The employer's link ------------------------------------------------------------------------

def manage_token(registration):
    """Signed like the events' cancel link (no expiry): revoked by the registration's state."""
    return signing.Signer(salt=MANAGE_SALT).sign(registration.reference)


def employer_for_token(token):
    """The employer registration behind a manage link, or None (bad signature, erased, other kind)."""
    try:
        reference = signing.Signer(salt=MANAGE_SALT).unsign(token)
    except signing.BadSignature:
        return None
    return (Registration.objects.select_related("option__occurrence__page")
            .filter(reference=reference, erased_at__isnull=True, option__kind="employer").first())


def can_edit(registration):
    return registration.state in EDITABLE_STATES


def _require_editable(registration):
    if not can_edit(registration):
        raise JobFairsError(
            _("Your registration is no longer active, so postings and profile cannot be changed."),
            code="state")


# Postings -----------------------------------------------------------------------------------

def add_posting(registration, *, trade, level, german_level, start_date, places, description):
    """A new posting of this employer, awaiting an editor's review."""
    _require_editable(registration)
    with transaction.atomic():
        return _create_posting(registration, trade=trade, level=level,
                               german_level=german_level, start_date=start_date, places=places,
                               description=description)


def _create_posting(registration, **values):
    posting = JobPosting.objects.create(employer=registration, **values)
    log(posting, "jobfairs.posting.submitted")
    return posting


SIGNUP_KEY = "postings"


def create_signup_postings(registration):
    """The postings an employer added in the sign-up form (kept in `data["postings"]` by the
    form, checked there) become postings awaiting review, like those added later through the
    link; the free text then leaves the registration's data. Runs in the registration's own
    transaction (post_save on creation): both are stored or neither."""
    rows = (registration.data or {}).get(SIGNUP_KEY)
    if not isinstance(rows, list):
        return []
    created = []
    for row in rows:
        trade = trade_for_slug(row.get("trade"))
        if trade is None:  # removed by an editor between the form and the save
            continue
        created.append(_create_posting(
            registration, trade=trade, level=row["level"], german_level=row["german_level"],
            start_date=datetime.date.fromisoformat(row["start_date"]), places=row["places"],
            description=row["description"]))
    registration.data = {key: value for key, value in registration.data.items()
                         if key != SIGNUP_KEY}
    Registration.objects.filter(pk=registration.pk).update(data=registration.data)
    return created


def withdraw_posting(registration, posting):
    """The employer removes one of their postings (any state)."""
    if posting.employer_id != registration.pk:
        raise JobFairsError(_("This posting belongs to another employer."), code="other")
    with transaction.atomic():
        log(posting, "jobfairs.posting.withdrawn")
        posting.delete()


def review_posting(posting, *, approve, user=None, now=None):
    """An editor approves or rejects a posting; only then (approved) does it show."""
    status = PostingStatus.APPROVED if approve else PostingStatus.REJECTED
    with transaction.atomic():
        current = JobPosting.objects.select_for_update().get(pk=posting.pk)
        if current.status == status:
            raise JobFairsError(
                _("This posting is already approved.") if approve
                else _("This posting is already rejected."), code="state")
        current.status = status
        current.reviewed_at = now or timezone.now()
        current.reviewed_by = user
        current.save(update_fields=["status", "reviewed_at", "reviewed_by"])
        log(current, "jobfairs.posting.approved" if approve else "jobfairs.posting.rejected",
            user=user)
    return current


def trade_for_slug(slug):
    """The default-language row of a trade (postings point to one row; names are looked up
    in the visitor's language when shown)."""
    default = Locale.get_default()
    rows = list(Trade.objects.filter(slug=slug))
    for row in rows:
        if row.locale_id == default.pk:
            return row
    return rows[0] if rows else None


def localise_trades(postings, language_code=None):
    """Set `trade_label` (and `trade_german_name`) on each posting in the visitor's language:
    one query for all of them."""
    code = (language_code or get_language() or "de").split("-")[0]
    keys = {posting.trade.translation_key for posting in postings}
    names = dict(Trade.objects.filter(translation_key__in=keys, locale__language_code=code)
                 .values_list("translation_key", "name"))
    for posting in postings:
        posting.trade_label = names.get(posting.trade.translation_key, posting.trade.name)
        posting.trade_german_name = posting.trade.german_name
    return postings


def public_postings(page):
    """Approved postings of the fair's listed exhibitors, in start order: two queries."""
    source = page.source_page()
    postings = list(JobPosting.objects.filter(
        status=PostingStatus.APPROVED, employer__occurrence__page_id=source.pk,
        employer__state__in=SHOWN_STATES, employer__erased_at__isnull=True,
        employer__data__public_listing=True,
    ).select_related("trade", "employer").order_by("start_date", "pk"))
    return localise_trades(postings)


def postings_prefetch():
    """For a queryset of employer registrations: their approved postings with the trade."""
    return Prefetch("job_postings", to_attr="approved_postings",
                    queryset=JobPosting.objects.filter(status=PostingStatus.APPROVED)
                    .select_related("trade").order_by("start_date", "pk"))


# Profile ------------------------------------------------------------------------------------

def scaled_logo(upload):
    """The uploaded image scaled down to fit LOGO_BOX, as PNG bytes (metadata dropped).

    Raises JobFairsError for anything Pillow cannot read as PNG, JPEG or WebP."""
    from PIL import Image, UnidentifiedImageError

    if upload.size > LOGO_MAX_BYTES:
        raise JobFairsError(_("The logo is too large: at most 2 MB."), code="logo_size")
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            if image.format not in ("PNG", "JPEG", "WEBP"):
                raise JobFairsError(_("Upload the logo as PNG, JPEG or WebP."), code="logo_type")
            # Refuse decompression bombs before decoding: a small file can claim huge sizes.
            if image.width * image.height > 40_000_000:
                raise JobFairsError(_("The logo has too many pixels."), code="logo_size")
            image.load()
            image = image.convert("RGBA")
            image.thumbnail(LOGO_BOX)
            output = io.BytesIO()
            image.save(output, format="PNG", optimize=True)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as error:
        raise JobFairsError(_("This file is not an image we can read. Upload a PNG, JPEG or "
                              "WebP file."), code="logo_type") from error
    return output.getvalue()


def save_profile(registration, *, description_de, description_en, website, logo=None,
                 remove_logo=False):
    """Create or update the employer's profile; `logo` is an uploaded file (scaled here)."""
    _require_editable(registration)
    logo_bytes = scaled_logo(logo) if logo else None
    with transaction.atomic():
        profile, _created = EmployerProfile.objects.get_or_create(employer=registration)
        profile.description_de = description_de
        profile.description_en = description_en
        profile.website = website
        old = profile.logo.name if profile.logo and (logo_bytes or remove_logo) else ""
        if logo_bytes:
            profile.logo.save("logo.png", ContentFile(logo_bytes), save=False)
        elif remove_logo:
            profile.logo = ""
        profile.save()
        log(profile, "jobfairs.profile.changed")
        if old:
            storage = profile.logo.storage
            transaction.on_commit(lambda: storage.delete(old))
    return profile


# Erasure ------------------------------------------------------------------------------------

def erase_employer_content(registration):
    """When an employer's personal data is erased (retention period, or on request): their
    profile goes (logo file, description, website) and their postings lose the free text. What
    the postings say anonymously (occupation, level, German level, places, start) stays for
    the figures, as do the outcomes and the statistics facts."""
    files = []
    for profile in EmployerProfile.objects.filter(employer_id=registration.pk):
        if profile.logo:
            files.append((profile.logo.storage, profile.logo.name))
        profile.delete()
    JobPosting.objects.filter(employer_id=registration.pk).exclude(description="").update(
        description="")
    # The file goes once the erasure has committed (a rollback keeps the row and its file).
    for storage, name in files:
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
