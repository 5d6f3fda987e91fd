"""What a person's timetable shows of the other side of an interview: the company for a
job-seeker, the candidate's opaque fair reference for an employer (never a name)."""

from django import template

register = template.Library()


@register.simple_tag
def interview_partner(registration, interview):
    from ..timetables import other_side

    return other_side(registration, interview)
