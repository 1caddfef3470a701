"""Phone photos of a paper page: find the page (a bright quadrilateral on a darker background) and undo the
perspective, so that the page reaches the scan clean-up (``prepare_scan``) as a flat, upright scan would.

A flat scan (the page fills the image, no background around it) is not a photo and is left as it is.
"""

from __future__ import annotations

import numpy as np
from PIL import Image

Quad = tuple[tuple[float, float], ...]  # four corners (x, y) in pixels: top-left, top-right, bottom-right, bottom-left


def homography(src: Quad, dst: Quad) -> np.ndarray:
    """The 3 x 3 projective map that takes the four points ``src`` onto ``dst`` (the direct linear transform)."""
    rows, rhs = [], []
    for (x, y), (u, v) in zip(src, dst, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs.extend([u, v])
    h = np.linalg.solve(np.asarray(rows, dtype=np.float64), np.asarray(rhs, dtype=np.float64))
    return np.append(h, 1.0).reshape(3, 3)


def project(matrix: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Points (n x 2) through a homography."""
    ones = np.ones((len(points), 1))
    out = np.hstack([points, ones]) @ matrix.T
    return out[:, :2] / out[:, 2:3]


def find_page(image: Image.Image, work_side: int = 1000) -> Quad | None:
    """The page's corners in ``image`` (pixels, clockwise from top left) where the image is a photo of a page on
    a darker background; None for a flat scan or anything else (no clear quadrilateral with background around it).

    The test is cheap and works on a small copy with the print erased: a photo shows background on most of the
    image's rim, darker than the page's middle (a flat scan is paper to its rim); the page is what differs from the
    rim's colour around the middle (so a dark banner printed at the page's edge stays on the page), and it fills
    the quadrilateral found around it.
    """
    from scipy import ndimage

    colour = image.convert("RGB") if image.mode not in ("L", "RGB") else image
    scale = work_side / max(colour.size)
    size = (max(1, round(colour.width * scale)), max(1, round(colour.height * scale)))
    shrunk = colour.resize(size, Image.Resampling.BOX)
    h, w = size[1], size[0]
    rim = np.zeros((h, w), dtype=bool)
    band = max(2, round(0.02 * min(h, w)))
    rim[:band], rim[-band:], rim[:, :band], rim[:, -band:] = True, True, True, True
    # the cheap test first: a flat scan is paper to its rim, as bright there as in its middle
    grey = np.asarray(shrunk.convert("L"), dtype=np.float32)
    middle = float(np.median(grey[h // 4 : 3 * h // 4, w // 4 : 3 * w // 4]))
    if float(np.median(grey[rim])) > middle - 40:
        return None
    small = np.asarray(shrunk, dtype=np.float32)
    if small.ndim == 2:
        small = small[..., None]
    # print erased (a closing fills dark strokes thinner than the window), the page's edge kept where it is
    small = ndimage.uniform_filter(ndimage.grey_closing(small, size=(7, 7, 1)), size=(5, 5, 1))
    grey = small.mean(axis=2)
    middle = float(np.median(grey[h // 4 : 3 * h // 4, w // 4 : 3 * w // 4]))
    ground = np.median(small[rim], axis=0)
    distance = np.sqrt(((small - ground) ** 2).sum(axis=2))
    spread = float(np.median(distance[rim]))  # the background's own texture and light
    # the page: unlike the rim's colour (a dark banner at its edge stays on it) or brighter than halfway between
    # the background and the middle (the part of the page in shadow)
    brighter = grey > (float(np.percentile(grey, 5)) + middle) / 2
    page = _central_region((distance > max(40.0, 3 * spread)) | brighter)
    if page is None:
        return None
    share = page.mean()
    if not 0.12 < share < 0.95 or page[rim].mean() > 0.5:
        return None
    quad = _quadrilateral(page)
    if quad is None:
        return None
    area = _polygon_area(quad)
    # the region fills its quadrilateral (a page, not a blob)
    if area <= 0 or not 0.93 < page.sum() / area < 1.07:
        return None
    if not _edges_step(small, quad, float(np.median(distance[page]))):
        return None
    return tuple((x / scale, y / scale) for x, y in quad)


def _edges_step(colour: np.ndarray, quad: Quad, contrast: float, reach: float = 4.0) -> bool:
    """Whether the colour steps across each side that lies inside the image (a few pixels in against a few out,
    along the side's middle), as paper's edge does against what it lies on. A flat scan whose light falls off
    towards a corner (a phone's shadow over it) and that prints a dark band at its edge passes the rim test, but the
    side found across the falling light is no edge: the same colour on both sides of it, so it is no photo."""
    corners = np.asarray(quad, dtype=np.float64)
    centre = corners.mean(axis=0)
    h, w = colour.shape[:2]
    for i in range(4):
        a, b = corners[i], corners[(i + 1) % 4]
        along = (b - a) / max(1e-9, float(np.hypot(*(b - a))))
        normal = np.array([-along[1], along[0]])
        if np.dot(centre - (a + b) / 2, normal) < 0:
            normal = -normal  # pointing into the page
        steps = []
        for t in np.linspace(0.15, 0.85, 15):
            point = a + t * (b - a)
            (xi, yi), (xo, yo) = point + reach * normal, point - reach * normal
            if 0 <= xo < w and 0 <= yo < h and 0 <= xi < w and 0 <= yi < h:
                steps.append(float(np.linalg.norm(colour[int(yi), int(xi)] - colour[int(yo), int(xo)])))
        if len(steps) >= 5 and float(np.median(steps)) < 0.25 * contrast:
            return False
    return True


def _central_region(mask: np.ndarray) -> np.ndarray | None:
    """The largest connected part of ``mask``, its holes (a logo, a table) filled."""
    from scipy import ndimage

    labels, count = ndimage.label(mask)
    if not count:
        return None
    sizes = ndimage.sum_labels(mask, labels, index=np.arange(1, count + 1))
    region = labels == (int(np.argmax(sizes)) + 1)
    return np.asarray(ndimage.binary_fill_holes(region), dtype=bool)


def _quadrilateral(region: np.ndarray) -> Quad | None:
    """Four corners of a region shaped like a page seen at an angle: its convex hull's extreme points along the
    diagonals of its smallest bounding rectangle (any turn, a mild keystone), then each side fitted to the region's
    edge pixels along it and the corners taken where the fitted sides meet (a blurred corner does not pull them)."""
    from scipy import ndimage
    from scipy.spatial import ConvexHull, QhullError

    edge = region & ~ndimage.binary_erosion(region)
    ys, xs = np.nonzero(edge)
    if len(xs) < 20:
        return None
    points = np.column_stack([xs, ys]).astype(np.float64)
    try:
        hull = points[ConvexHull(points).vertices]
    except QhullError:
        return None
    # the turn of the smallest bounding rectangle: one of the hull's side directions (rotating calipers)
    sides = np.roll(hull, -1, axis=0) - hull
    best, turn = np.inf, np.eye(2)
    for angle in np.arctan2(sides[:, 1], sides[:, 0]):
        rotation = np.array([[np.cos(angle), np.sin(angle)], [-np.sin(angle), np.cos(angle)]])
        turned = hull @ rotation.T
        extent = turned.max(axis=0) - turned.min(axis=0)
        if extent[0] * extent[1] < best:
            best, turn = extent[0] * extent[1], rotation
    u, v = (hull @ turn.T).T
    corners = hull[[int(np.argmin(u + v)), int(np.argmax(u - v)), int(np.argmax(u + v)), int(np.argmax(v - u))]]
    lines = []
    for i in range(4):
        line = _fit_side(points, corners[i], corners[(i + 1) % 4])
        if line is None:
            return None
        lines.append(line)
    fitted = []
    for i in range(4):
        (p, d), (q, e) = lines[i - 1], lines[i]
        matrix = np.column_stack([d, -e])
        if abs(np.linalg.det(matrix)) < 1e-6:
            return None
        t = np.linalg.solve(matrix, q - p)
        fitted.append(p + t[0] * d)
    return _clockwise_from_top_left(np.asarray(fitted))


def _fit_side(points: np.ndarray, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """The straight line through the edge pixels between corners ``a`` and ``b`` (their middle 80 %), refitted
    twice to the pixels near the line found: a point on it and its direction."""
    length = float(np.hypot(*(b - a)))
    if length < 10:
        return None
    centre, direction = a, (b - a) / length
    tolerance = max(3.0, 0.03 * length)
    for _ in range(3):
        normal = np.array([-direction[1], direction[0]])
        along = (points - a) @ ((b - a) / length)
        near = (np.abs((points - centre) @ normal) < tolerance) & (along > 0.1 * length) & (along < 0.9 * length)
        if near.sum() < 5:
            return None
        chosen = points[near]
        centre = chosen.mean(axis=0)
        direction = np.linalg.svd(chosen - centre, full_matrices=False)[2][0]
        tolerance = 2.0
    return centre, direction


def _clockwise_from_top_left(corners: np.ndarray) -> Quad:
    """Corners ordered clockwise (on screen, y down) with the top side first: the side whose middle is highest."""
    centre = corners.mean(axis=0)
    angles = np.arctan2(corners[:, 1] - centre[1], corners[:, 0] - centre[0])
    ordered = corners[np.argsort(angles)]  # y down: increasing angle runs clockwise on screen
    tops = [(ordered[i][1] + ordered[(i + 1) % 4][1]) / 2 for i in range(4)]
    start = int(np.argmin(tops))
    ordered = np.roll(ordered, -start, axis=0)
    return tuple((float(x), float(y)) for x, y in ordered)


def _polygon_area(quad: Quad) -> float:
    xs, ys = np.asarray([p[0] for p in quad]), np.asarray([p[1] for p in quad])
    return float(abs(np.dot(xs, np.roll(ys, -1)) - np.dot(ys, np.roll(xs, -1))) / 2)


def page_size(quad: Quad) -> tuple[int, int]:
    """The size, in pixels, of the page inside ``quad`` seen straight on: as wide as its top and bottom sides on
    average, as tall as its left and right sides."""
    corners = np.asarray(quad, dtype=np.float64)
    side = [float(np.hypot(*(corners[(i + 1) % 4] - corners[i]))) for i in range(4)]
    return max(1, round((side[0] + side[2]) / 2)), max(1, round((side[1] + side[3]) / 2))


def rectify(image: Image.Image, quad: Quad) -> Image.Image:
    """The page inside ``quad`` seen straight on (``page_size``)."""
    width, height = page_size(quad)
    target: Quad = ((0.0, 0.0), (float(width), 0.0), (float(width), float(height)), (0.0, float(height)))
    # Pillow's PERSPECTIVE takes the map from the output pixel to the input pixel
    matrix = homography(target, quad)
    coefficients = tuple(float(c) for c in (matrix / matrix[2, 2]).ravel()[:8])
    return image.transform((width, height), Image.Transform.PERSPECTIVE, coefficients, Image.Resampling.BICUBIC)


def unwarp_photo(image: Image.Image) -> tuple[Image.Image, Quad | None]:
    """A photographed page cut out of its background and seen straight on, and the corners it was found at; a flat
    scan is returned as it is, with None."""
    quad = find_page(image)
    if quad is None:
        return image, None
    straight = rectify(image, quad)
    if _lines_run_down(straight):
        # the page lies on its side (the phone held across it): its top is the side that follows; a page that
        # comes out upside down then is turned round where it is read (``read_scan``)
        # (the warp from the next corner: the page already cut out, turned a quarter to the left)
        quad = quad[1:] + quad[:1]
        straight = straight.transpose(Image.Transpose.ROTATE_90)
    return straight, quad


def _lines_run_down(image: Image.Image, margin: float = 1.5) -> bool:
    """Whether the page's text lines run down the image rather than across it: the rows of a page whose lines run
    across alternate between many starts of ink runs (a line of print) and none (the space between lines), and
    its columns do not; turned on its side, the other way round."""
    small = image.convert("L")
    small = small.resize((max(1, small.width * 800 // max(small.size)), max(1, small.height * 800 // max(small.size))))
    pixels = np.asarray(small, dtype=np.float32)
    ink = pixels < 0.6 * float(np.median(pixels))

    def peaked(dark: np.ndarray) -> float:
        starts = dark[:, 1:] & ~dark[:, :-1]
        counts = starts.sum(axis=1).astype(np.float64)
        return float((counts**2).sum() * len(counts) / max(1.0, counts.sum()) ** 2)

    return peaked(ink.T) > margin * peaked(ink)
