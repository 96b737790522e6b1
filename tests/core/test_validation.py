from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from boothapp.core.errors import ValidationError
from boothapp.core.validation import (
    clean_line,
    clean_text,
    country_name,
    country_time_zone,
    format_phone,
    normalise_clean_email,
    normalise_country,
    normalise_email,
    normalise_phone,
    normalise_website,
)


def test_clean_line_keeps_every_script_and_drops_invisible_characters() -> None:
    assert clean_line("  Zoé\u202e Lefèvre\x00 ", "first_name") == "Zoé Lefèvre"
    assert clean_line("山田\u200b 太郎", "name") == "山田 太郎"
    assert clean_line("محمد العلي", "name") == "محمد العلي"
    assert clean_line("Müller\tGmbH\n", "company") == "Müller GmbH"
    assert clean_line("🚀 Rocket", "company") == "🚀 Rocket"
    assert clean_line("👩\u200d🔧 Repairs", "company") == "👩\u200d🔧 Repairs"
    assert clean_line("\u200bMüller\ufeff", "company") == "Müller"


def test_clean_line_composes_decomposed_accents() -> None:
    decomposed = "Lefe\u0300vre"
    assert clean_line(decomposed, "last_name") == "Lefèvre"


def test_formula_text_is_kept_as_typed() -> None:
    assert clean_line("=1+2", "company") == "=1+2"
    assert clean_line("@SUM(A1)", "company") == "@SUM(A1)"


def test_too_long_names_the_field() -> None:
    with pytest.raises(ValidationError) as error:
        clean_line("x" * 201, "company", max_length=200)
    assert error.value.field == "company"
    assert "201" in str(error.value)


def test_clean_text_keeps_line_breaks_and_normalises_them() -> None:
    assert clean_text("first\r\nsecond\rthird\x07", "note") == "first\nsecond\nthird"


@given(st.text())
def test_clean_line_never_leaves_control_or_bidi_characters(value: str) -> None:
    cleaned = clean_line(value, "field", max_length=10**6)
    assert cleaned == cleaned.strip()
    for ch in cleaned:
        assert unicodedata.category(ch) not in ("Cc", "Cs")
        assert not 0x202A <= ord(ch) <= 0x202E


def test_email_is_checked_without_network_and_domain_lowercased() -> None:
    assert normalise_email("  Zoe.Lefevre@Example.FR ") == "Zoe.Lefevre@example.fr"
    assert normalise_email("") is None
    with pytest.raises(ValidationError) as error:
        normalise_email("zoe@@example")
    assert error.value.field == "email"


def test_phone_uses_default_region_and_gives_e164() -> None:
    assert normalise_phone("06 12 34 56 78", "FR") == ("+33612345678", None)
    assert normalise_phone("+49 30 901820", "FR") == ("+4930901820", None)
    assert normalise_phone("0049 30 901820", "FR") == ("+4930901820", None)
    assert format_phone("+33612345678") == "+33 6 12 34 56 78"


def test_unparsable_phone_is_kept_with_a_warning() -> None:
    value, warning = normalise_phone("ext. 12", "FR", field="mobile")
    assert value == "ext. 12"
    assert warning is not None and warning.field == "mobile"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("FR", "FR"),
        ("fra", "FR"),
        ("France", "FR"),
        ("Allemagne", "DE"),
        ("Deutschland", "DE"),
        ("Royaume-Uni", "GB"),
        ("United Kingdom", "GB"),
        ("UK", "GB"),
        ("Côte d'Ivoire", "CI"),
        ("États-Unis", "US"),
        ("japon", "JP"),
    ],
)
def test_country_from_code_or_english_or_french_name(typed: str, code: str) -> None:
    assert normalise_country(typed) == code


def test_unknown_country_names_the_field() -> None:
    with pytest.raises(ValidationError) as error:
        normalise_country("Atlantis")
    assert error.value.field == "country"
    assert "Atlantis" in str(error.value)


def test_country_names_in_english_and_french() -> None:
    assert country_name("DE") == "Germany"
    assert country_name("DE", "fr") == "Allemagne"


def test_website_gets_a_scheme() -> None:
    assert normalise_website("example.com") == "https://example.com"
    assert normalise_website("http://example.com/x") == "http://example.com/x"
    assert normalise_website("HTTPS://Example.com") == "HTTPS://Example.com"
    assert normalise_website("example.com:8080/shop") == "https://example.com:8080/shop"
    assert normalise_website("localhost:8080") == "https://localhost:8080"
    with pytest.raises(ValidationError):
        normalise_website("not a site")


@pytest.mark.parametrize(
    "typed",
    [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "vbscript:msgbox(1)",
    ],
)
def test_a_website_link_that_would_run_something_is_refused_by_name(typed: str) -> None:
    with pytest.raises(ValidationError) as error:
        normalise_website(typed)
    assert error.value.field == "website"
    assert "not a web address" in str(error.value)


@pytest.mark.parametrize(
    "typed", ["ftp://files.example.com", "skype:jdupont", "mailto:zoe@example.com"]
)
def test_other_schemes_are_kept_as_typed(typed: str) -> None:
    assert normalise_website(typed) == typed


def test_control_characters_that_stand_for_spaces_become_spaces() -> None:
    assert clean_line("VT\x0bFF\x0cFS\x1cUS\x1fNEL\x85CR\rend", "company") == (
        "VT FF FS US NEL CR end"
    )
    assert clean_text("one\x0btwo\x07three", "note") == "one twothree"


_LOCAL_CHARACTERS = st.sampled_from(list("azAZ09._+-éüßЖ山") + ["e\u0301", "²", "٣", "_"])
_DOMAIN_CHARACTERS = st.sampled_from(list("az09-.AZ"))


@given(
    local=st.lists(_LOCAL_CHARACTERS, min_size=1, max_size=70).map("".join),
    domain=st.lists(_DOMAIN_CHARACTERS, min_size=1, max_size=30).map("".join),
    suffix=st.sampled_from(["com", "FR", "de", "example", "test", "c", "co-op", "museum"]),
)
@example(local="x", domain="ab--cd", suffix="com")
@example(local="zoe", domain="xn--mller-kva", suffix="de")
@example(local="e\u0301", domain="a", suffix="fr")
@example(local=".zoe", domain="a", suffix="fr")
def test_the_quick_path_for_common_addresses_agrees_with_email_validator(
    local: str, domain: str, suffix: str
) -> None:
    from email_validator import EmailNotValidError, validate_email

    address = f"{local}@{domain}.{suffix}"
    try:
        expected: str | None = str(validate_email(address, check_deliverability=False).normalized)
    except EmailNotValidError:
        expected = None
    try:
        got: str | None = normalise_clean_email(address)
    except ValidationError:
        got = None
    assert got == expected


@pytest.mark.parametrize(
    ("country", "zone"),
    [
        ("FR", "Europe/Paris"),
        ("fr", "Europe/Paris"),
        ("DE", "Europe/Berlin"),
        ("GB", "Europe/London"),
        ("AE", "Asia/Dubai"),
        ("JP", "Asia/Tokyo"),
        ("US", None),
        ("ES", None),
        ("XX", None),
        (None, None),
    ],
)
def test_a_country_that_keeps_one_time_gives_its_time_zone(
    country: str | None, zone: str | None
) -> None:
    assert country_time_zone(country) == zone
