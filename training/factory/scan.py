"""Scanned variants: rasterised at 150-300 dpi, skewed, blurred, noised, unevenly lit, JPEG-compressed; written as
PNG, JPEG, TIFF or image-only PDF. Labels are projected through the skew, and also onto the words Tesseract reads."""

from __future__ import annotations

import copy
import io
import math
import random
from dataclasses import dataclass
from typing import Any

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter
from rapidfuzz import fuzz

from extraction.loading import read_scan
from training.factory.common import GeneratedDoc

FORMATS = {"png": ".png", "jpeg": ".jpg", "tiff": ".tiff", "pdf": ".pdf"}


@dataclass
class ScanResult:
    file_bytes: bytes
    label: dict[str, Any]
    images: list[Image.Image]


def degrade(img: Image.Image, rng: random.Random, params: dict[str, Any]) -> Image.Image:
    """Skew, blur, uneven light, noise, JPEG artefacts: what a scanner and a tired office do to a page."""
    np_rng = np.random.default_rng(rng.randrange(2**32))
    img = img.rotate(params["angle"], resample=Image.Resampling.BILINEAR, fillcolor=params["paper"])
    if params["blur"] > 0:
        img = img.filter(ImageFilter.GaussianBlur(params["blur"]))
    arr = np.asarray(img, dtype=np.float32)
    h, w = arr.shape[:2]
    # uneven lighting: a soft gradient from one corner plus a darker band near an edge
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    gx, gy = params["light_dir"]
    light = 1.0 - params["light"] * ((xx / w) * gx + (yy / h) * gy) / max(1e-6, abs(gx) + abs(gy))
    if arr.ndim == 3:
        light = light[..., None]
    arr = arr * light * params.get("tint", 1.0)  # a grey page (recycled paper, a scanner's grey background)
    arr += np_rng.normal(0.0, params["noise"], arr.shape).astype(np.float32)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    if params["jpeg_quality"]:
        buf = io.BytesIO()
        out.save(buf, format="JPEG", quality=params["jpeg_quality"])
        with Image.open(io.BytesIO(buf.getvalue())) as decoded:
            out = Image.fromarray(np.asarray(decoded))  # a plain image: no JPEG info leaks into TIFF/PDF writers
    return out


def project_box(box: list[int], angle_deg: float, w: float, h: float) -> list[int]:
    """Where a 0..1000 box lands after PIL's rotate(angle) about the image centre (counter-clockwise)."""
    a = math.radians(angle_deg)
    cx, cy = w / 2, h / 2
    xs, ys = [], []
    for px, py in ((box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])):
        x, y = px / 1000 * w - cx, py / 1000 * h - cy
        # image y grows downwards, so a counter-clockwise turn on screen is (x cos + y sin, -x sin + y cos)
        xs.append(x * math.cos(a) + y * math.sin(a) + cx)
        ys.append(-x * math.sin(a) + y * math.cos(a) + cy)
    return [
        max(0, min(1000, round(min(xs) / w * 1000))),
        max(0, min(1000, round(min(ys) / h * 1000))),
        max(0, min(1000, round(max(xs) / w * 1000))),
        max(0, min(1000, round(max(ys) / h * 1000))),
    ]


def ocr_words(img: Image.Image) -> list[dict[str, Any]]:
    """The scan's words as the service reads them (``extraction.loading.read_scan``: levelled, its OCR
    settings, reading order), so that the layout model trains on what it will be served. Their boxes are
    in the levelled page's frame, that is the unrotated page's."""

    words = read_scan(img).words  # its OCR engine sets OMP_THREAD_LIMIT
    return [{"text": w.text, "box": list(w.box_1000()), "conf": round(w.confidence, 3)} for w in words]


def _overlap(a: list[int], b: list[int]) -> float:
    ix = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    area = max(1, (a[2] - a[0]) * (a[3] - a[1]))
    return ix * iy / area


def project_tags(ocr: list[dict[str, Any]], truth_words: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give each OCR word the tag of the true word it covers most (text must look alike), fixing B/I order."""
    out = []
    prev_truth: int | None = None
    prev_entity: str | None = None
    for word in ocr:
        best, best_score = None, 0.0
        for k, tw in enumerate(truth_words):
            ov = _overlap(word["box"], tw["box"])
            if ov <= 0.2:
                continue
            score = ov + fuzz.ratio(word["text"], tw["text"]) / 100
            if score > best_score:
                best, best_score = k, score
        tag, row = "O", None
        if best is not None and best_score > 0.8:
            tw = truth_words[best]
            tag, row = tw["tag"], tw["row"]
            entity = tag[2:] if tag != "O" else None
            if entity and tag.startswith("B-") and best == prev_truth:
                tag = "I-" + entity  # two OCR pieces of one true word
            elif entity and tag.startswith("I-") and prev_entity != entity:
                tag = "B-" + entity  # OCR lost the beginning of the value
            prev_truth = best
        else:
            prev_truth = None
        prev_entity = tag[2:] if tag != "O" else None
        out.append({"text": word["text"], "box": word["box"], "tag": tag, "row": row, "conf": word["conf"]})
    return out


def make_scan(
    doc: GeneratedDoc, seed: int, fmt: str | None = None, with_ocr: bool = True, grey: bool = False
) -> ScanResult:
    """A scan of ``doc``; ``grey`` prints it on a grey background with a slight skew (the held-out scans)."""
    rng = random.Random(seed * 13 + 5)
    n_pages = len(doc.label["pages"])
    if fmt is None:
        fmt = rng.choice(["png", "jpeg", "tiff", "pdf"] if n_pages == 1 else ["tiff", "pdf", "pdf"])
    dpi = rng.choice([150, 200, 200, 240, 300])
    pdf = pdfium.PdfDocument(doc.pdf_bytes)
    images: list[Image.Image] = []
    label = copy.deepcopy(doc.label)
    params_all = []
    gray = rng.random() < 0.8
    for i in range(n_pages):
        params: dict[str, Any] = {
            "angle": round(rng.uniform(-3.0, 3.0), 2),
            "blur": rng.choice([0.0, 0.0, 0.5, 0.8, 1.1]),
            "noise": rng.choice([2.0, 4.0, 7.0, 10.0]),
            "light": rng.uniform(0.0, 0.25),
            "light_dir": (rng.uniform(-1, 1), rng.uniform(-1, 1)),
            "jpeg_quality": rng.choice([0, 40, 60, 75, 90]) if fmt != "jpeg" else rng.choice([45, 60, 75, 85]),
            "paper": rng.randrange(225, 256) if gray else tuple(rng.randrange(225, 256) for _ in range(3)),
        }
        if grey:
            params["tint"] = round(rng.uniform(0.72, 0.86), 3)
            params["angle"] = round(rng.uniform(-1.5, 1.5), 2)
        page = pdf[i]
        bitmap = page.render(scale=dpi / 72, grayscale=gray)
        img = bitmap.to_pil()
        img = img.convert("L") if gray else img.convert("RGB")
        img = degrade(img, rng, params)
        images.append(img)
        w, h = img.size
        page_label = label["pages"][i]
        for word in page_label["words"]:
            word["box"] = project_box(word["box"], params["angle"], w, h)
        page_label["image_width"], page_label["image_height"] = w, h
        params_all.append({k: v for k, v in params.items() if k not in {"light_dir", "paper"}})
        page.close()
    pdf.close()
    if with_ocr:
        # the OCR reads the levelled page, so its words meet the truth where it was printed, before the skew
        label["ocr_pages"] = [
            {
                "page": i + 1,
                "width": label["pages"][i]["width"],
                "height": label["pages"][i]["height"],
                "words": project_tags(ocr_words(img.copy()), doc.label["pages"][i]["words"]),
            }
            for i, img in enumerate(images)
        ]
    buf = io.BytesIO()
    if fmt == "png":
        images[0].save(buf, format="PNG", dpi=(dpi, dpi))
    elif fmt == "jpeg":
        images[0].save(buf, format="JPEG", quality=params_all[0]["jpeg_quality"] or 75, dpi=(dpi, dpi))
    elif fmt == "tiff":
        images[0].save(
            buf, format="TIFF", save_all=True, append_images=images[1:], compression="tiff_deflate", dpi=(dpi, dpi)
        )
    else:
        rgb = [im.convert("RGB") if im.mode not in {"L", "RGB"} else im for im in images]
        rgb[0].save(
            buf, format="PDF", save_all=True, append_images=rgb[1:], resolution=dpi, creationDate=None, modDate=None
        )
    label["scanned"] = True
    label["file"] = f"{doc.doc_id}{FORMATS[fmt]}"
    label["scan"] = {"format": fmt, "dpi": dpi, "pages": params_all}
    return ScanResult(buf.getvalue(), label, images)
