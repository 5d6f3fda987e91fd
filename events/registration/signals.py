"""Extension point: plugins react to registration state changes (e.g. send a certificate).

`registration_changed` is sent after the transaction that changed the state has committed,
with `registration` (the saved row) and `action` (the audit-log name, e.g. "attended").
"""

from django.dispatch import Signal

registration_changed = Signal()
