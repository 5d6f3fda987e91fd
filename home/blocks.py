"""Site-wide StreamField blocks: the shared content blocks of the events core."""

from events.blocks import ContentStreamBlock


class BaseStreamBlock(ContentStreamBlock):
    """Body of every page of this site (heading, text, image, quote, call to action,
    document list, accordion)."""
