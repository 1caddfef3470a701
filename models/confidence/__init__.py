"""Learned confidence: the chance that an extracted value is right, from independent signals."""

from models.confidence.model import ConfidenceModel, fitted_families, get_confidence_model, load_model
from models.confidence.signals import Reading

__all__ = ["ConfidenceModel", "Reading", "fitted_families", "get_confidence_model", "load_model"]
