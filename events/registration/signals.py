"""Extension point: plugins react to registration state changes (e.g. send a certificate).

`registration_changed` is sent after the transaction that changed the state has committed,
with `registration` (the saved row) and `action` (the audit-log name, e.g. "attended").
"""

from django.dispatch import Signal

registration_changed = Signal()

# Sent after the cached count of an option was recomputed because registrations changed, with
# `option_id`: a site that caches pages showing "places left" purges them (cms/pagecache.py).
counts_changed = Signal()
