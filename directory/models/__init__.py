"""The directory's models: reference data, vocabularies, centres with their hours, the matrix."""

from .hours import CentreHoursException, CentreOpeningHours, OperatingHours, Weekday
from .matrix import DistrictEditorAssignment, ResponsibilityEntry, Topic
from .pages import CentreContact, CentrePage, DirectoryIndexPage
from .taxonomy import (
    CounsellingLanguage,
    District,
    DistrictKind,
    Institution,
    Service,
    TargetGroup,
)

__all__ = [
    "CentreContact",
    "CentreHoursException",
    "CentreOpeningHours",
    "CentrePage",
    "CounsellingLanguage",
    "DirectoryIndexPage",
    "District",
    "DistrictEditorAssignment",
    "DistrictKind",
    "Institution",
    "OperatingHours",
    "ResponsibilityEntry",
    "Service",
    "TargetGroup",
    "Topic",
    "Weekday",
]
