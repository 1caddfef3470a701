"""`ledgerlens extract` and `ledgerlens precheck --reference`: the service's extraction, from the command line."""

import json
from decimal import Decimal
from pathlib import Path

from typer.testing import CliRunner

from ledgerlens.cli import app

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
runner = CliRunner()


def test_extract_prints_the_extraction_json_within_the_upload_limits(settings, monkeypatch):
    from core import settings as settings_module

    monkeypatch.setenv("LEDGERLENS_EXTRACTOR", "heuristic")
    settings_module.get_settings.cache_clear()
    truth = json.loads((SAMPLES / "demo-po-1.json").read_text())["truth"]["fields"]
    result = runner.invoke(app, ["extract", str(SAMPLES / "demo-po-1.pdf"), "--json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["fields"]["po_number"]["value"] == truth["po_number"]
    assert Decimal(body["fields"]["total"]["value"]) == Decimal(truth["total"])
    # over the page limit: a clear refusal, not a traceback
    monkeypatch.setenv("LEDGERLENS_UPLOADS__MAX_PAGES", "0")
    settings_module.get_settings.cache_clear()
    refused = runner.invoke(app, ["extract", str(SAMPLES / "demo-po-1.pdf")])
    assert refused.exit_code != 0 and "page" in refused.output.lower()
    settings_module.get_settings.cache_clear()


def test_precheck_against_a_reference_file(settings, monkeypatch, tmp_path):
    from core import settings as settings_module

    monkeypatch.setenv("LEDGERLENS_EXTRACTOR", "heuristic")
    settings_module.get_settings.cache_clear()
    clean = json.loads((SAMPLES / "demo-po-1.invoices.json").read_text())[0]
    invoice = tmp_path / "invoice.json"
    invoice.write_text(json.dumps(clean["invoice"]))
    result = runner.invoke(app, ["precheck", str(invoice), "--reference", str(SAMPLES / "demo-po-1.pdf"), "--json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert sorted(f["code"] for f in body["findings"]) == sorted(clean["expected_codes"])
    settings_module.get_settings.cache_clear()
