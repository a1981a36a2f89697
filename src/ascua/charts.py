"""What every chart of Ascua shares: a plain frame and an SVG of its own (matplotlib)."""

from __future__ import annotations

import io
from typing import Any


def svg_of(figure: Any, axis: Any) -> bytes:
    """The figure as SVG, its axis without the top and right frame, nothing that changes between
    runs (no date in the file)."""
    axis.tick_params(labelsize=7)
    for side in ("top", "right"):
        axis.spines[side].set_visible(False)
    figure.tight_layout(pad=0.4)
    out = io.BytesIO()
    figure.savefig(out, format="svg", metadata={"Date": None})
    return out.getvalue()
