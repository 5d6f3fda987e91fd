"""The events plugin's error type; the other plugins' errors subclass it (one per plugin)."""


class EventsError(Exception):
    """A rule refused the operation; `message` is for the user, `code` for programs and the API."""

    def __init__(self, message, code="invalid"):
        super().__init__(str(message))
        self.message = message
        self.code = code
