"""The files boothapp ships beside its code: icons, sounds, translations, fonts, the
desktop entry. One lookup serves a source checkout, an installed wheel and the frozen
bundle, none of them relative to the working folder.

In a wheel and in the bundle the files are the package data ``boothapp/resources``; in
a source checkout (editable install included) they are the repository's top-level
``resources`` folder, two levels above this file's package.
"""

from __future__ import annotations

from functools import cache
from importlib import resources as package_data
from pathlib import Path


@cache
def resources_root() -> Path:
    """The folder holding boothapp's resources."""
    packaged = Path(str(package_data.files("boothapp"))) / "resources"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "resources"
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        f"boothapp's resources are missing: neither {packaged} nor {checkout} exists"
    )


def resource_path(*parts: str) -> Path:
    """The path of one resource, e.g. ``resource_path("icons", "boothapp.svg")``."""
    return resources_root().joinpath(*parts)
