"""Phone photos of the factory's pages: the page rendered, laid on a darker textured background (a desk, a hand)
seen at an angle (a random homography: keystone, a turn of up to about twenty degrees), lit unevenly (a light
gradient and a soft shadow), slightly out of focus, noised and JPEG-compressed. Labels are carried over; word
boxes are projected through the homography onto the photo.

Study sets only: photograph born-digital documents of a folder the bench reads (the factory's, blind dev halves)::

    python -m training.factory.photo --src /tmp/me/b5dev --out /tmp/me/b5photo --seed 5
    python -m training.factory.photo --src /tmp/me/b5dev --out /tmp/me/b5scan --flat   # the same pages as flat scans
"""

from __future__ import annotations

import argparse
import copy
import io
import json
import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

from extraction.photo import Quad, homography, project
from training.factory.common import GeneratedDoc
from training.factory.scan import make_scan


@dataclass
class PhotoResult:
    file_bytes: bytes
    label: dict[str, Any]
    images: list[Image.Image]
    corners: list[Quad]  # where each page's corners landed in its photo (pixels, clockwise from top left)


def background(size: tuple[int, int], rng: random.Random) -> Image.Image:
    """A darker textured surface: a wood-like grain or a speckled desk, with a colour cast."""
    np_rng = np.random.default_rng(rng.randrange(2**32))
    w, h = size
    base = np.array([rng.uniform(40, 150)] * 3) * np.array([1.0, rng.uniform(0.75, 1.0), rng.uniform(0.55, 1.0)])
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    turn = rng.uniform(0, np.pi)
    along = xx * np.cos(turn) + yy * np.sin(turn)
    grain = 12 * np.sin(along / rng.uniform(6, 40) + 3 * np.sin(along / rng.uniform(150, 400)))
    speckle = np_rng.normal(0, rng.uniform(3, 12), (h, w))
    grey = (grain + speckle).astype(np.float32)[..., None]
    return Image.fromarray(np.clip(base[None, None, :] + grey, 0, 255).astype(np.uint8), "RGB")


def photo_corners(page_size: tuple[int, int], frame: tuple[int, int], rng: random.Random) -> Quad:
    """Where the page's corners land in the frame: the page filling 55-85 % of the frame's long side, turned,
    each corner pushed in or out (perspective), clockwise from the page's top left."""
    fw, fh = frame
    pw, ph = page_size
    fill = rng.uniform(0.55, 0.85)
    scale = fill * min(fw / pw, fh / ph)
    half = np.array([pw * scale / 2, ph * scale / 2])
    corners = np.array([[-1, -1], [1, -1], [1, 1], [-1, 1]], dtype=np.float64) * half
    # keystone: the far side shorter than the near one, as a phone held above and in front of the page
    tilt = rng.uniform(0.0, 0.12)
    far = rng.choice([(0, 1), (2, 3)])  # the top side or the bottom side is the far one
    corners[list(far), 0] *= 1 - tilt
    corners += np.array([[rng.uniform(-0.04, 0.04) * pw * scale, rng.uniform(-0.04, 0.04) * ph * scale]
                         for _ in range(4)])  # fmt: skip
    angle = np.radians(rng.choice([rng.uniform(-6, 6), rng.uniform(-20, 20)]))
    turn = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    corners = corners @ turn.T
    # centred, then shifted as far as the frame allows (a page may touch an edge, not leave it)
    low, high = corners.min(axis=0), corners.max(axis=0)
    room = np.array([fw, fh]) - (high - low)
    offset = np.array([rng.uniform(0.2, 0.8) * max(0, room[0]), rng.uniform(0.2, 0.8) * max(0, room[1])]) - low
    corners += offset
    return tuple((float(x), float(y)) for x, y in corners)


def photograph(page: Image.Image, rng: random.Random) -> tuple[Image.Image, Quad, np.ndarray]:
    """One page photographed: the photo, where the page's corners landed and the homography page -> photo."""
    np_rng = np.random.default_rng(rng.randrange(2**32))
    pw, ph = page.size
    long_side = rng.choice([2000, 2400, 2800])
    short_side = round(long_side * 0.75)
    frame = (short_side, long_side) if ph >= pw else (long_side, short_side)
    corners = photo_corners(page.size, frame, rng)
    page_quad: Quad = ((0.0, 0.0), (float(pw), 0.0), (float(pw), float(ph)), (0.0, float(ph)))
    to_photo = homography(page_quad, corners)
    to_page = np.linalg.inv(to_photo)
    coefficients = tuple(float(c) for c in (to_page / to_page[2, 2]).ravel()[:8])
    rgb = page.convert("RGB")
    warped = rgb.transform(frame, Image.Transform.PERSPECTIVE, coefficients, Image.Resampling.BICUBIC)
    mask = Image.new("L", page.size, 255).transform(frame, Image.Transform.PERSPECTIVE, coefficients)
    photo = background(frame, rng)
    photo.paste(warped, (0, 0), mask.filter(ImageFilter.GaussianBlur(0.8)))
    arr = np.asarray(photo, dtype=np.float32)
    h, w = arr.shape[:2]
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    # light: brighter on one side, and a soft shadow (a hand, the phone) over part of the page
    gx, gy = rng.uniform(-1, 1), rng.uniform(-1, 1)
    light = 1.0 - rng.uniform(0.1, 0.35) * ((xx / w - 0.5) * gx + (yy / h - 0.5) * gy + 0.5)
    if rng.random() < 0.6:
        cx, cy, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0.25, 0.6) * max(w, h)
        light *= 1.0 - rng.uniform(0.1, 0.3) * np.exp(-(((xx - cx) ** 2 + (yy - cy) ** 2) / (r * r)))
    arr = arr * light[..., None] * np.array([1.0, rng.uniform(0.95, 1.0), rng.uniform(0.85, 1.0)])  # warm light
    arr += np_rng.normal(0.0, rng.uniform(2, 6), arr.shape)
    out = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    out = out.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 1.2)))
    buf = io.BytesIO()
    out.save(buf, format="JPEG", quality=rng.randint(65, 90))
    with Image.open(io.BytesIO(buf.getvalue())) as decoded:
        out = decoded.convert("RGB")
    return out, corners, to_photo


def make_photo(doc: GeneratedDoc, seed: int) -> PhotoResult:
    """Photos of ``doc``'s pages: a JPEG for one page, an image-only PDF for several (a photographed order sent as a
    PDF). Word boxes (0..1000 of the page) become the boxes around their projections (0..1000 of the photo)."""
    rng = random.Random(seed * 31 + 7)
    pdf = pdfium.PdfDocument(doc.pdf_bytes)
    label = copy.deepcopy(doc.label)
    images, corners_all = [], []
    dpi = rng.choice([200, 240, 300])  # the page's print as sharp as a 12 MP camera resolves it
    for i in range(len(pdf)):
        page = pdf[i].render(scale=dpi / 72).to_pil()
        photo, corners, to_photo = photograph(page, rng)
        images.append(photo)
        corners_all.append(corners)
        page_label = label["pages"][i]
        pw, ph = page.size
        for word in page_label["words"]:
            x0, y0, x1, y1 = (v / 1000 for v in word["box"])
            points = np.array([[x0 * pw, y0 * ph], [x1 * pw, y0 * ph], [x1 * pw, y1 * ph], [x0 * pw, y1 * ph]])
            moved = project(to_photo, points)
            low, high = moved.min(axis=0), moved.max(axis=0)
            word["box"] = [
                round(float(np.clip(low[0] / photo.width, 0, 1)) * 1000),
                round(float(np.clip(low[1] / photo.height, 0, 1)) * 1000),
                round(float(np.clip(high[0] / photo.width, 0, 1)) * 1000),
                round(float(np.clip(high[1] / photo.height, 0, 1)) * 1000),
            ]
        page_label["image_width"], page_label["image_height"] = photo.size
    pdf.close()
    buf = io.BytesIO()
    if len(images) == 1:
        images[0].save(buf, format="JPEG", quality=88)
        suffix = ".jpg"
    else:
        images[0].save(buf, format="PDF", save_all=True, append_images=images[1:], resolution=200)
        suffix = ".pdf"
    label.pop("ocr_pages", None)
    label["scanned"] = True
    label["file"] = f"{doc.doc_id}{suffix}"
    label["photo"] = {"corners": [[list(c) for c in q] for q in corners_all]}
    return PhotoResult(buf.getvalue(), label, images, corners_all)


def born_digital(src: Path, limit: int | None = None) -> Iterator[tuple[Path, dict[str, Any]]]:
    """The born-digital documents of a bench folder (``<id>.json`` beside ``<id>.pdf``): label file and label, the
    first ``limit``."""
    count = 0
    for path in sorted(src.glob("*.json")):
        label = json.loads(path.read_text())
        if "truth" not in label or label.get("scanned") or not str(label.get("file", "")).endswith(".pdf"):
            continue
        yield path, label
        count += 1
        if limit and count >= limit:
            return


def photograph_folder(src: Path, out: Path, seed: int, flat: bool = False, limit: int | None = None) -> int:
    """The born-digital documents of a bench folder photographed (or, with ``flat``, scanned flat by
    ``training.factory.scan``) into ``out``; returns how many were written."""
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for path, label in born_digital(src, limit):
        pdf_bytes = (src / label["file"]).read_bytes()
        doc = GeneratedDoc(label["doc_id"], label.get("kind", "po"), pdf_bytes, label, label["truth"])
        doc_seed = seed * 1000 + written
        if flat:
            result = make_scan(doc, doc_seed, with_ocr=False)
            file_bytes, new_label = result.file_bytes, result.label
        else:
            taken = make_photo(doc, doc_seed)
            file_bytes, new_label = taken.file_bytes, taken.label
        (out / new_label["file"]).write_bytes(file_bytes)
        (out / path.name).write_text(json.dumps(new_label, ensure_ascii=False, default=str))
        written += 1
    return written


def copy_born_digital(src: Path, out: Path, limit: int | None = None) -> int:
    """The same born-digital documents as ``photograph_folder`` picks, copied as they are (the baseline)."""
    out.mkdir(parents=True, exist_ok=True)
    written = 0
    for path, label in born_digital(src, limit):
        shutil.copy(path, out / path.name)
        shutil.copy(src / label["file"], out / label["file"])
        written += 1
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--src", type=Path, required=True, help="a bench folder of born-digital documents")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=int, default=None)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--flat", action="store_true", help="flat scans of the same pages instead of photos")
    mode.add_argument("--digital", action="store_true", help="the same documents copied as they are")
    args = parser.parse_args()
    if args.digital:
        count = copy_born_digital(args.src, args.out, args.limit)
    else:
        count = photograph_folder(args.src, args.out, args.seed, args.flat, args.limit)
    print(f"wrote {count} documents to {args.out}")


if __name__ == "__main__":
    main()
