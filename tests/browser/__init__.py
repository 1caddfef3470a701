"""Browser tests: real headless Chromium driving the review UI."""
