"""The registration engine shared by every event type: kinds, services, forms, views, API, admin."""
