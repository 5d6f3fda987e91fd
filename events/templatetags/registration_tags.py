"""`{% registration_summary occurrence as summary %}`: places and state per kind, from cached counts."""

from django import template

from events.registration.summary import registration_summary as build_summary

register = template.Library()


@register.simple_tag
def registration_summary(occurrence):
    return build_summary(occurrence)
