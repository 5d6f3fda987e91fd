"""The directory's one error type (directory imports no other plugin, so it has its own)."""


class DirectoryError(Exception):
    """A rule refused the operation; `message` is for the user, `code` for programs."""

    def __init__(self, message, code="invalid"):
        super().__init__(str(message))
        self.message = message
        self.code = code
