"""Models of the training programme: pages, trainers, in-house requests, feedback."""

from .feedback import FeedbackInvitation, FeedbackReceipt, FeedbackResponse
from .pages import ModuleDocument, TrainingModulePage, TrainingProgrammePage
from .requests import InHouseRequest, InHouseRequestStatus
from .snippets import Trainer

__all__ = [
    "FeedbackInvitation",
    "FeedbackReceipt",
    "FeedbackResponse",
    "InHouseRequest",
    "InHouseRequestStatus",
    "ModuleDocument",
    "Trainer",
    "TrainingModulePage",
    "TrainingProgrammePage",
]
