"""The training job end to end on a tiny fixture: tiny model, a few seconds, a metric floor, MLflow registry."""

from __future__ import annotations

import json

import pytest
import torch

from tests.test_layout import write_fixture
from training.layout import TrainConfig, main, split_by_family

torch.set_num_threads(1)


def test_family_split_never_shares_a_layout_family(tmp_path):
    from training.layout import collect

    docs = collect(write_fixture(tmp_path / "data", 24, families=6))
    train, calibration, test = split_by_family(docs, test_share=0.34, calibration_share=0.2, seed=1)
    assert len(train) + len(calibration) + len(test) == 24
    assert {d.family for d in test}.isdisjoint({d.family for d in train + calibration})
    assert test and calibration


@pytest.mark.slow
def test_train_main_learns_the_fixture_and_registers_the_champion(tmp_path, monkeypatch):
    monkeypatch.delenv("MLFLOW_TRACKING_URI", raising=False)
    data = write_fixture(tmp_path / "data", 40, families=5)
    config = TrainConfig(epochs=12, batch_size=8, lr=3e-3, fresh_lr=3e-3, max_length=256, threads=1, seed=3)
    result = main(
        data=data,
        out=tmp_path / "model",
        config=config,
        tiny=True,
        data_dir=tmp_path / "var",
        progress=False,
        heuristic=False,
        test_share=0.2,
    )
    # the tagger learned the fixture's tags on pages it never saw (held-out layout family)
    assert result.history[-1]["val_word_accuracy"] > 0.9
    assert result.history[-1]["train_loss"] < result.history[0]["train_loss"]
    born = result.metrics["born_digital"]["model"]
    assert born["header_exact"] >= 0.5, born
    manifest = json.loads((tmp_path / "model" / "manifest.json").read_text())
    assert manifest["strategy"] in ("sequence", "geometry")
    assert (tmp_path / "model" / "figures" / "reliability_diagram.png").stat().st_size > 1000
    # registered as champion, and the registry hands back a loadable folder
    from models.layout.artifact import load_bundle
    from models.registry import load_champion

    assert result.version == "1"
    folder = load_champion("ledgerlens-layout", data_dir=tmp_path / "var")
    assert folder is not None and load_bundle(folder).version == manifest["version"]

    # calibrated and scored again on the same split (after a decoding change): a new champion, same model
    from training.layout import recalibrate

    again = recalibrate(tmp_path / "model", data, tmp_path / "again", seed=3, test_share=0.2, data_dir=tmp_path / "var")
    assert again.version == "2"
    assert again.metrics["born_digital"]["model"]["documents"] == born["documents"]
    redone = json.loads((tmp_path / "again" / "manifest.json").read_text())
    assert redone["weights"]["sha256"] == manifest["weights"]["sha256"]
    assert redone["meta"]["trained_families"] == manifest["meta"]["trained_families"]


def test_a_label_knows_its_document_and_the_served_reading_finds_the_same_words(tmp_path):
    from training.evaluate_layout import served_document
    from training.factory.po import make_po
    from training.layout import read_label

    doc = make_po(5, n_lines=3)
    (tmp_path / doc.label["file"]).write_bytes(doc.pdf_bytes)
    (tmp_path / "po.json").write_text(json.dumps(doc.label))
    labelled = read_label(tmp_path / "po.json")
    assert labelled.file == tmp_path / doc.label["file"]
    served = served_document(labelled)
    assert sorted(w.text for w in served.pages[0].words) == sorted(w.text for w in labelled.document().pages[0].words)
    (tmp_path / doc.label["file"]).unlink()
    assert read_label(tmp_path / "po.json").file is None  # a label without its document reads its own words


def test_a_funsd_tagger_can_start_from_a_trained_artifacts_encoder(tmp_path):
    import torch

    from models.layout.artifact import LayoutBundle, save_bundle
    from models.layout.labels import EXTRACTION_LABELS, FUNSD_LABELS
    from models.layout.modeling import build_model, load_tokenizer
    from training.layout import with_encoder_of

    tokenizer = load_tokenizer()
    torch.manual_seed(0)
    shape = {"hidden_size": 32, "num_hidden_layers": 1, "num_attention_heads": 2, "intermediate_size": 64}
    trained = build_model(EXTRACTION_LABELS, pretrained=False, tiny=True, **shape)
    save_bundle(LayoutBundle(trained, tokenizer, EXTRACTION_LABELS), tmp_path / "artifact")
    model = with_encoder_of(tmp_path / "artifact", FUNSD_LABELS, tokenizer)
    assert model.config.num_labels == len(FUNSD_LABELS) and model.config.hidden_size == 32
    x_trained = trained.layoutlm.embeddings.x_position_embeddings.weight
    x_model = model.layoutlm.embeddings.x_position_embeddings.weight
    assert torch.allclose(x_model, x_trained.half().float())  # the artifact keeps fp16


def test_bio_decoding_reads_spans_the_way_seqeval_does_and_scores_exact_spans():
    from training.evaluate_layout import entity_f1, entity_spans

    tags = ["B-question", "I-question", "O", "I-answer", "I-answer", "B-answer", "B-header", "I-question", "O"]
    # a lone I- opens a span, a B- or a change of type closes the open one
    assert entity_spans(tags) == {
        (0, 2, "question"),
        (3, 5, "answer"),
        (5, 6, "answer"),
        (6, 7, "header"),
        (7, 8, "question"),
    }
    truth = ["B-question", "I-question", "O", "B-answer", "I-answer", "I-answer", "B-header", "O", "O"]
    # right: the question and the header; the answer is cut in two and a stray question is added
    assert entity_f1([tags], [truth]) == {"precision": 0.4, "recall": 0.6667, "f1": 0.5}


def test_the_2d_embeddings_train_at_their_own_rate_and_the_word_embeddings_stay_frozen():
    import torch

    from models.layout.labels import FUNSD_LABELS
    from models.layout.modeling import build_model
    from training.layout import TrainConfig, param_groups

    torch.manual_seed(0)
    model = build_model(
        FUNSD_LABELS,
        pretrained=False,
        tiny=True,
        hidden_size=32,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=64,
    )
    model.get_input_embeddings().weight.requires_grad_(False)
    names = {id(w): n for n, w in model.named_parameters()}
    groups = param_groups(model, TrainConfig(lr=1e-4, fresh_lr=1e-3, layout_lr=2e-4))
    by_lr = {g["lr"]: {names[id(w)] for w in g["params"]} for g in groups}
    assert by_lr[2e-4] == {f"layoutlm.embeddings.{a}_position_embeddings.weight" for a in "xyhw"}
    assert by_lr[1e-3] == {"classifier.weight", "classifier.bias"}
    assert "layoutlm.embeddings.position_embeddings.weight" in by_lr[1e-4]
    assert "layoutlm.embeddings.word_embeddings.weight" not in set().union(*by_lr.values())
    # without its own rate the 2-D embeddings learn at the classifier's, as before
    default = {g["lr"]: len(g["params"]) for g in param_groups(model, TrainConfig(lr=1e-4, fresh_lr=1e-3))}
    assert default[1e-3] == 6
