"""Charts as inline ``data:image/png;base64`` URIs, so HTML reports need no external file."""

from __future__ import annotations

import base64
import io
from typing import Mapping, Sequence

__all__ = ["bar_chart", "grouped_bar_chart", "histogram", "scatter", "figure_to_data_uri"]

_COLOURS = ["#1f5f8b", "#e07b39", "#6a9a3a", "#8e5ea2", "#c0392b", "#7f8c8d", "#d4ac0d"]


def _pyplot():
    import matplotlib

    matplotlib.use("Agg", force=True)  # headless: never open a window or need a display
    import matplotlib.pyplot as plt

    return plt


def figure_to_data_uri(fig) -> str:
    """Render a matplotlib figure to a PNG data URI and close it."""
    plt = _pyplot()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=96, bbox_inches="tight")
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def bar_chart(values: Mapping[str, float], *, title: str, xlabel: str = "", horizontal: bool = True) -> str:
    """A bar chart of ``{label: value}``; returns a PNG data URI."""
    plt = _pyplot()
    labels, nums = list(values), [float(v) for v in values.values()]
    fig, ax = plt.subplots(figsize=(7, max(1.6, 0.35 * len(labels) + 0.8)) if horizontal else (7, 3.2))
    if horizontal:
        ax.barh(labels[::-1], nums[::-1], color=_COLOURS[0])
        ax.set_xlabel(xlabel)
    else:
        ax.bar(labels, nums, color=_COLOURS[0])
        ax.set_ylabel(xlabel)
        ax.tick_params(axis="x", rotation=30)
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    return figure_to_data_uri(fig)


def grouped_bar_chart(groups: Sequence[str], series: Mapping[str, Sequence[float]], *, title: str,
                      ylabel: str = "", ylim: tuple[float, float] | None = (0, 1)) -> str:
    """Bars for each group, one colour per series (NaN bars are left out); returns a PNG data URI."""
    import math

    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(max(6, 1.1 * len(groups) + 2), 3.4))
    width = 0.8 / max(1, len(series))
    for k, (name, vals) in enumerate(series.items()):
        xs = [i + k * width - 0.4 + width / 2 for i in range(len(groups))]
        ys = [0 if v is None or math.isnan(v) else v for v in vals]
        ax.bar(xs, ys, width=width, label=name, color=_COLOURS[k % len(_COLOURS)])
    ax.set_xticks(range(len(groups)), groups, fontsize=8)
    if ylim:
        ax.set_ylim(*ylim)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    ax.spines[["top", "right"]].set_visible(False)
    return figure_to_data_uri(fig)


def histogram(groups: Mapping[str, Sequence[float]], *, title: str, bins: int = 10, xlabel: str = "coverage") -> str:
    """Overlaid histograms of values in [0, 1], one per group; returns a PNG data URI."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(5.6, 3.0))
    edges = [i / bins for i in range(bins + 1)]
    names = list(groups)
    # Stacked rather than overlaid: overlapping translucent bars of 5+ groups are unreadable.
    ax.hist([list(groups[n]) for n in names], bins=edges, stacked=True,
            label=[f"{n} (n={len(groups[n])})" for n in names],
            color=[_COLOURS[k % len(_COLOURS)] for k in range(len(names))])
    ax.set_xlabel(xlabel)
    ax.set_ylabel("records")
    ax.set_title(title)
    if len(groups) > 1:
        # Below the axes, so charts keep their size when shown two abreast.
        ax.legend(frameon=False, fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=2)
    ax.spines[["top", "right"]].set_visible(False)
    return figure_to_data_uri(fig)


def scatter(x: Sequence[float], y: Sequence[float], *, title: str, xlabel: str, ylabel: str) -> str:
    """A scatter of paired values in [0, 1] with the diagonal; returns a PNG data URI."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(4.2, 4.2))
    ax.plot([0, 1], [0, 1], color="#bbb", lw=1)
    ax.scatter(x, y, s=18, alpha=0.7, color=_COLOURS[0])
    ax.set_xlim(-0.03, 1.03)
    ax.set_ylim(-0.03, 1.03)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    return figure_to_data_uri(fig)
