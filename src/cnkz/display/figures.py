"""The house figure style and helpers for the book's recurring charts."""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import Markdown

from .captions import source_note

# Okabe & Ito's colour-blind-safe palette.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
}

# The same country is the same colour in every chapter.
COUNTRY_COLOURS = {
    "CHN": OKABE_ITO["vermillion"],
    "KAZ": OKABE_ITO["sky_blue"],
    "RUS": OKABE_ITO["green"],
    "USA": OKABE_ITO["purple"],
    "other": "#999999",
}

THEMES = ("history", "security", "energy", "trade", "osce", "society")
THEME_COLOURS = {
    "history": OKABE_ITO["blue"],
    "security": OKABE_ITO["vermillion"],
    "energy": OKABE_ITO["orange"],
    "trade": OKABE_ITO["green"],
    "osce": OKABE_ITO["purple"],
    "society": OKABE_ITO["sky_blue"],
}

HOUSE_STYLE = {
    "figure.figsize": (8.0, 4.5),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#dddddd",
    "grid.linewidth": 0.6,
    "axes.prop_cycle": mpl.cycler(color=list(OKABE_ITO.values())),
    "legend.frameon": False,
    "svg.hashsalt": "cnkz",
}


def use_house_style() -> None:
    """Apply the book's style to every figure drawn after this call."""
    mpl.rcParams.update(HOUSE_STYLE)


def country_colour(code: str) -> str:
    return COUNTRY_COLOURS.get(code, COUNTRY_COLOURS["other"])


def timeline_chart(
    events: pd.DataFrame, ax: plt.Axes | None = None, lanes: tuple[str, ...] = THEMES, by: str = "theme"
) -> plt.Axes:
    """One lane per value of `by`, a dot per event; hollow dots where the date is only a month or year."""
    missing = set(events[by]) - set(lanes)
    if missing:
        raise ValueError(f"events have {by} values without a lane: {sorted(missing)}")
    ax = ax or plt.subplots()[1]
    palette = list(OKABE_ITO.values())
    for lane, value in enumerate(lanes):
        rows = events[events[by] == value]
        exact = rows["date_precision"] == "day"
        colour = THEME_COLOURS.get(value, palette[lane % len(palette)])
        ax.scatter(rows.loc[exact, "date"], [lane] * int(exact.sum()), color=colour, s=36, zorder=3)
        ax.scatter(
            rows.loc[~exact, "date"],
            [lane] * int((~exact).sum()),
            facecolor="white",
            edgecolor=colour,
            s=36,
            zorder=3,
        )
    ax.set_yticks(range(len(lanes)), [_lane_label(value) for value in lanes])
    ax.set_ylim(-0.6, len(lanes) - 0.4)
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.set_xlabel("Date")
    return ax


def _lane_label(value: str) -> str:
    return "OSCE" if value == "osce" else value.replace("_", " ").capitalize()


def caption(text: str, rows: pd.DataFrame, data_dir=None) -> Markdown:
    """A figure caption that ends with the sources of the rows the figure shows."""
    return Markdown(f"**Figure.** {text} {source_note(rows, data_dir)}")
