"""The files boothapp ships (resources/, in the wheel boothapp/resources): all there, found
through boothapp.resources, and each what its platform expects: icon sizes, a desktop entry
and AppStream metadata that agree with each other and with the app, checked by the
freedesktop validators when they are installed (scripts/install-system-packages.sh
--with-test-tools)."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import IcoImagePlugin, Image

from boothapp import APP_NAME, __version__
from boothapp.resources import resource_path, resources_root

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
APPSTREAM_ID = "io.boothapp.boothapp"
METAINFO = f"{APPSTREAM_ID}.metainfo.xml"
DESKTOP = f"{APP_NAME}.desktop"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

EXPECTED = [
    ("icons", "boothapp.svg"),
    ("icons", "boothapp.ico"),
    ("icons", "boothapp.icns"),
    *(("icons", "png", f"boothapp-{size}.png") for size in PNG_SIZES),
    ("linux", DESKTOP),
    ("linux", METAINFO),
    ("sounds", "scan-ok.wav"),
    ("sounds", "scan-error.wav"),
    ("fonts", "DejaVuSans.ttf"),
    ("fonts", "DejaVuSans-Bold.ttf"),
    ("fonts", "LICENSE-DejaVu.txt"),
    ("translations", "boothapp_fr.qm"),
]


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment, method-assign]  # keys are case-sensitive
    parser.read(resource_path("linux", DESKTOP), encoding="utf-8")
    return parser["Desktop Entry"]


def _metainfo() -> ET.Element:
    return ET.parse(resource_path("linux", METAINFO)).getroot()


def _languages(root: ET.Element, tag: str) -> set[str | None]:
    return {element.get(XML_LANG) for element in root.iter(tag)}


@pytest.mark.parametrize("parts", EXPECTED, ids=["/".join(parts) for parts in EXPECTED])
def test_every_resource_is_shipped(parts: tuple[str, ...]) -> None:
    path = resource_path(*parts)
    assert path.is_file(), f"{path} is missing"
    assert path.stat().st_size > 0
    assert resources_root() in path.parents


@pytest.mark.parametrize("size", PNG_SIZES)
def test_the_png_icons_have_their_sizes(size: int) -> None:
    with Image.open(resource_path("icons", "png", f"boothapp-{size}.png")) as image:
        assert image.format == "PNG"
        assert image.size == (size, size)
        assert image.mode == "RGBA"
        corner = image.getpixel((0, 0))
        assert isinstance(corner, tuple) and corner[3] == 0, "a transparent corner"


def test_the_svg_icon_is_a_square_picture_without_text() -> None:
    root = ET.parse(resource_path("icons", "boothapp.svg")).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 256 256"
    assert not list(root.iter("{http://www.w3.org/2000/svg}text"))


def test_the_ico_holds_every_windows_size_drawn_for_it() -> None:
    with Image.open(resource_path("icons", "boothapp.ico")) as icon:
        assert icon.format == "ICO"
        assert icon.info["sizes"] == {(size, size) for size in ICO_SIZES}
    with resource_path("icons", "boothapp.ico").open("rb") as file:
        small = IcoImagePlugin.IcoFile(file).getimage((16, 16)).convert("RGBA")
    with Image.open(resource_path("icons", "png", "boothapp-16.png")) as png:
        assert small.tobytes() == png.convert("RGBA").tobytes(), "not scaled from 256 px"


def test_the_icns_opens_with_its_retina_sizes() -> None:
    with Image.open(resource_path("icons", "boothapp.icns")) as icon:
        assert icon.format == "ICNS"
        assert icon.size == (1024, 1024)
        for size in ((16, 16, 2), (128, 128, 1), (256, 256, 1), (512, 512, 2)):
            assert size in icon.info["sizes"]


def test_the_desktop_entry_names_boothapp_in_english_and_french() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] == APP_NAME, "the console script of pyproject.toml"
    assert entry["Icon"] == APP_NAME
    assert resource_path("icons", f"{entry['Icon']}.svg").is_file()
    assert entry["Terminal"] == "false"
    assert entry["Categories"] == "Office;"
    assert entry["StartupWMClass"] == APP_NAME, "gui.app sets it as the application name"
    for key in ("Name", "GenericName", "Comment", "Keywords"):
        assert entry[key] and entry[f"{key}[fr]"], key
    assert entry["Keywords"].endswith(";") and entry["Keywords[fr]"].endswith(";")
    assert entry["Comment"] != entry["Comment[fr]"]


def test_the_metainfo_agrees_with_the_desktop_entry_and_the_version() -> None:
    root = _metainfo()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APPSTREAM_ID
    assert resource_path("linux", METAINFO).name == f"{root.findtext('id')}.metainfo.xml"
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP
    assert resource_path("linux", launchable.text).is_file()
    assert root.findtext("name") == _desktop_entry()["Name"]
    assert root.findtext("provides/binary") == _desktop_entry()["Exec"]
    assert root.find("content_rating") is not None
    releases = root.findall("releases/release")
    assert releases and releases[0].get("version") == __version__
    assert _languages(root, "summary") == {None, "fr"}
    description = root.find("description")
    assert description is not None
    assert _languages(description, "p") == {None, "fr"}
    assert _languages(description, "li") == {None, "fr"}


def test_the_dejavu_licence_is_shipped_with_the_fonts() -> None:
    licence = resource_path("fonts", "LICENSE-DejaVu.txt").read_text(encoding="utf-8")
    assert "Bitstream Vera" in licence and "Permission is hereby granted" in licence
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        assert resource_path("fonts", name).read_bytes()[:4] == b"\x00\x01\x00\x00"


def _run(tool: str, *arguments: str | Path) -> subprocess.CompletedProcess[str]:
    if shutil.which(tool) is None:
        pytest.skip(
            f"{tool} is not installed (scripts/install-system-packages.sh --with-test-tools)"
        )
    return subprocess.run([tool, *map(str, arguments)], capture_output=True, text=True)


def test_desktop_file_validate_finds_nothing() -> None:
    checked = _run("desktop-file-validate", resource_path("linux", DESKTOP))
    assert (checked.returncode, checked.stdout + checked.stderr) == (0, "")


def test_appstreamcli_validates_the_metainfo() -> None:
    checked = _run(
        "appstreamcli", "validate", "--no-net", "--no-color", resource_path("linux", METAINFO)
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    problems = [line for line in checked.stdout.splitlines() if line.startswith(("E:", "W:"))]
    assert not problems
