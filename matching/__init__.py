"""Pre-send check: a draft invoice against its reference PO or contract (``precheck``)."""

from matching.align import LineAligner
from matching.precheck import precheck
from matching.terms import PaymentTerms, parse_terms

__all__ = ["LineAligner", "PaymentTerms", "parse_terms", "precheck"]
