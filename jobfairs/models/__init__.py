"""Job fairs: trades, the fair pages with their inline rows, and planned interviews."""

from .interviews import Interview, InterviewStatus
from .pages import (
    DemoWorkshop,
    InfoDesk,
    InterpreterAvailability,
    JobFairIndexPage,
    JobFairPage,
    ProgrammeItem,
)
from .trades import Trade

__all__ = [
    "DemoWorkshop",
    "InfoDesk",
    "InterpreterAvailability",
    "Interview",
    "InterviewStatus",
    "JobFairIndexPage",
    "JobFairPage",
    "ProgrammeItem",
    "Trade",
]
