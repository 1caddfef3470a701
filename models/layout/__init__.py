"""The layout tagger: LayoutLM over MiniLM, windows, grouping into fields and lines, calibrated confidence."""
