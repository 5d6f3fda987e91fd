"""The headless API beside Wagtail's: page filters, conditional GET, preview, schema, docs."""
