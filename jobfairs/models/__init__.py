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
from .postings import EmployerProfile, GermanLevel, JobPosting, PostingLevel, PostingStatus
from .preferences import Interest, Shortlist
from .trades import Trade

__all__ = [
    "DemoWorkshop",
    "EmployerProfile",
    "GermanLevel",
    "InfoDesk",
    "Interest",
    "InterpreterAvailability",
    "Interview",
    "InterviewStatus",
    "JobFairIndexPage",
    "JobFairPage",
    "JobPosting",
    "PostingLevel",
    "PostingStatus",
    "ProgrammeItem",
    "Shortlist",
    "Trade",
]
