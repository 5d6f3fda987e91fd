"""Job fairs: trades, the fair pages with their inline rows, and planned interviews."""

from .interviews import Interview, InterviewStatus
from .outcomes import InterviewOutcome, OutcomeResult
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
from .referrals import CounsellingReferral
from .trades import Trade

__all__ = [
    "CounsellingReferral",
    "DemoWorkshop",
    "EmployerProfile",
    "GermanLevel",
    "InfoDesk",
    "Interest",
    "InterpreterAvailability",
    "Interview",
    "InterviewOutcome",
    "InterviewStatus",
    "JobFairIndexPage",
    "JobFairPage",
    "JobPosting",
    "OutcomeResult",
    "PostingLevel",
    "PostingStatus",
    "ProgrammeItem",
    "Shortlist",
    "Trade",
]
