"""The agency's logo, prepared once for every page that shows it."""

from __future__ import annotations

import io
from functools import lru_cache

from PIL import Image, UnidentifiedImageError
from reportlab.lib.utils import ImageReader

MAX_SIZE = (570, 220)  # about 250 dpi at the largest printed size (58 × 22 mm)
JPEG_QUALITY = 94


def logo_reader(png: bytes | None) -> ImageReader | None:
    """A reader for one batch or document (readers hold a file position: one per thread);
    None if there is no logo or it cannot be read."""
    jpeg = flattened_jpeg(png)
    if jpeg is None:
        return None
    reader = ImageReader(io.BytesIO(jpeg))
    reader.getRGBData()
    return reader


@lru_cache(maxsize=4)
def flattened_jpeg(png: bytes | None) -> bytes | None:
    """The logo at print resolution on white, as JPEG.

    Certificates are white where the logo sits, so flattening the transparency loses
    nothing, and a JPEG is embedded as it is: each file of a batch would otherwise decode
    and compress the image again.
    """
    if not png:
        return None
    try:
        image = Image.open(io.BytesIO(png))
        image.load()
    except (UnidentifiedImageError, OSError, ValueError):
        return None
    image = image.convert("RGBA")
    image.thumbnail(MAX_SIZE, Image.Resampling.LANCZOS)
    flat = Image.new("RGB", image.size, (255, 255, 255))
    flat.paste(image, mask=image.getchannel("A"))
    jpeg = io.BytesIO()
    flat.save(jpeg, format="JPEG", quality=JPEG_QUALITY, subsampling=0)
    return jpeg.getvalue()
