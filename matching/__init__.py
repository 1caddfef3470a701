"""Pre-send check: a draft invoice against its reference PO or contract (``precheck``)."""

from extraction.terms import PaymentTerms, parse_terms
from matching.align import LineAligner
from matching.precheck import precheck

__all__ = ["LineAligner", "PaymentTerms", "parse_terms", "precheck"]
