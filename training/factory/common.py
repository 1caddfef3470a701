"""What every generator returns, and the decorations business documents carry (logos, signatures, stamps)."""

from __future__ import annotations

import hashlib
import math
import random
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from training.factory.layout import _DEJAVU, PageDraft


@dataclass
class GeneratedDoc:
    doc_id: str
    kind: str  # "po" | "contract"
    pdf_bytes: bytes
    label: dict[str, Any]
    truth: dict[str, Any]
    pages: list[PageDraft] = field(repr=False, default_factory=list)
    model: Any = field(repr=False, default=None)  # the document's own data (POModel / ContractModel), for invoices

    @property
    def layout_family(self) -> str:
        return self.label["layout_family"]


def family_id(kind: str, parts: dict[str, Any]) -> str:
    """A short stable id of a layout family: the same header arrangement + table style + column set."""
    key = "|".join(f"{k}={parts[k]}" for k in sorted(parts))
    return f"{kind}-" + hashlib.sha1(key.encode()).hexdigest()[:8]


def family_allowed(family: str, families: set[str] | None) -> bool:
    """``families`` lists ids to keep; ids written ``!id`` are held out instead."""
    if not families:
        return True
    include = {f for f in families if not f.startswith("!")}
    exclude = {f[1:] for f in families if f.startswith("!")}
    if family in exclude:
        return False
    return not include or family in include


def tagged_fields(pages: list[PageDraft]) -> set[str]:
    """The names the words are tagged with. A header field's truth is set from these, so that a field is in the
    truth exactly when some word shows it (the contract: a field the document does not show is absent)."""
    return {w["tag"][2:] for page in pages for w in page.words if w["tag"] != "O"}


def build_label(
    doc_id: str,
    kind: str,
    family: str,
    features: dict[str, Any],
    truth: dict[str, Any],
    pages: list[PageDraft],
    file_name: str,
) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "kind": kind,
        "doc_type": "purchase_order" if kind == "po" else "contract",
        "layout_family": family,
        "features": features,
        "scanned": False,
        "file": file_name,
        "truth": truth,
        "pages": [
            {"page": i + 1, "width": round(p.width, 2), "height": round(p.height, 2), "words": p.labelled_words()}
            for i, p in enumerate(pages)
        ],
    }


# ---------------------------------------------------------------- decorations
def draw_logo(page: PageDraft, rng: random.Random, x: float, y: float, size: float) -> None:
    """A vector logo: a few coloured shapes (no text, so it adds no words)."""
    hue = rng.choice(
        [
            (0.1, 0.3, 0.6),
            (0.7, 0.15, 0.15),
            (0.1, 0.5, 0.3),
            (0.9, 0.5, 0.1),
            (0.3, 0.2, 0.5),
            (0.15, 0.15, 0.15),
            (0.0, 0.45, 0.6),
        ]
    )
    light = (min(1.0, hue[0] + 0.35), min(1.0, hue[1] + 0.35), min(1.0, hue[2] + 0.35))
    shape = rng.randrange(4)
    if shape == 0:
        page.circle(x + size / 2, y + size / 2, size / 2, hue)
        page.circle(x + size / 2, y + size / 2, size / 4, (1, 1, 1))
    elif shape == 1:
        page.rect(x, y, size, size, stroke=None, fill=hue, radius=size / 6)
        page.polygon(
            [(x + size * 0.2, y + size * 0.8), (x + size * 0.5, y + size * 0.2), (x + size * 0.8, y + size * 0.8)],
            (1, 1, 1),
        )
    elif shape == 2:
        pts = [
            (x + size / 2 + size / 2 * math.cos(a * math.pi / 3), y + size / 2 + size / 2 * math.sin(a * math.pi / 3))
            for a in range(6)
        ]
        page.polygon(pts, hue)
        page.circle(x + size / 2, y + size / 2, size / 5, light)
    else:
        page.rect(x, y, size * 0.6, size * 0.6, stroke=None, fill=hue)
        page.rect(x + size * 0.4, y + size * 0.4, size * 0.6, size * 0.6, stroke=None, fill=light)


def draw_signature(page: PageDraft, rng: random.Random, x: float, y: float, w: float) -> None:
    """A handwritten-looking stroke above a signature line at baseline ``y``."""
    pts = []
    n = 90
    phase, freq, span = rng.random() * 6, rng.uniform(14, 26), w * rng.uniform(0.5, 0.75)
    loop, height = rng.uniform(0.35, 0.6), rng.uniform(6, 10)
    for i in range(n):
        t = i / (n - 1)
        # a cursive-like trace: forward drift plus loops, flattening towards the end
        px = x + 6 + t * span + height * loop * math.cos(phase + t * freq)
        py = y - 8 - height * math.sin(phase + t * freq) * (1 - 0.6 * t) - 3 * math.sin(t * 3)
        pts.append((px, py))
    page.path(pts, w=rng.uniform(0.7, 1.3), color=rng.choice([(0.05, 0.1, 0.45), (0.1, 0.1, 0.1), (0.0, 0.2, 0.6)]))


@cache
def _stamp_font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(_DEJAVU + "DejaVuSans-Bold.ttf", size)


@cache
def stamp_image(text: str, sub: str, color_index: int, angle: int) -> Image.Image:
    """A rubber stamp as a transparent raster (stamps on born-digital POs are images; they carry no text layer)."""
    color = [(200, 30, 40), (30, 60, 170), (20, 120, 60)][color_index]
    img = Image.new("RGBA", (420, 170), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((6, 6, 414, 164), radius=18, outline=color + (210,), width=7)
    d.text((210, 62), text, font=_stamp_font(52), fill=color + (200,), anchor="mm")
    d.text((210, 122), sub, font=_stamp_font(30), fill=color + (190,), anchor="mm")
    return img.rotate(angle, expand=True, resample=Image.Resampling.BICUBIC)
