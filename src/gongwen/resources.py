"""Where the shipped data (rules/, templates/, samples/) is, installed or in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The folder `name` (rules, templates or samples) of this installation.

    A wheel carries them as `gongwen/_data/<name>`; a source checkout (editable
    install, or tests run from the tree) has them at the repository's top level.
    """
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE.parents[1] / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"gongwen's {name}/ folder is missing from this installation")
