"""Badge payloads seen in the wild, with what must be read from each.

Shared by the tests and ``benchmarks/bench_badges.py``. ``expected`` lists every
non-empty field of the result except ``raw`` and ``warnings``; ``warnings`` lists one
fragment per warning the result must carry (and no more); ``raw`` is the repaired text
when it differs from the payload.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from boothapp.core.badges import BadgeProfile


@dataclass(frozen=True)
class Case:
    name: str
    kind: str
    payload: str | bytes
    expected: dict[str, Any]
    warnings: tuple[str, ...] = ()
    profile: BadgeProfile | None = None
    raw: str | None = None
    format: str = ""

    @property
    def expected_format(self) -> str:
        return self.format or _FORMAT_OF_KIND[self.kind]


_FORMAT_OF_KIND = {
    "vcard 2.1": "vcard",
    "vcard 3.0": "vcard",
    "vcard 4.0": "vcard",
    "mecard": "mecard",
    "bizcard": "bizcard",
    "key-value": "delimited",
    "url": "url",
    "json": "json",
    "delimited": "delimited",
    "id": "id",
    "unknown": "unknown",
}


def mojibake(text: str, codec: str = "cp1252") -> str:
    """UTF-8 text read back as a single-byte code page, as a misconfigured reader does."""
    if codec == "latin-1":
        return text.encode("utf-8").decode("latin-1")
    return "".join(
        bytes([byte]).decode("cp1252", errors="ignore") or chr(byte)
        for byte in text.encode("utf-8")
    )


ZOE = {"first_name": "Zoé", "last_name": "Lefèvre", "full_name": "Zoé Lefèvre"}
JURGEN = {"first_name": "Jürgen", "last_name": "Müller", "full_name": "Jürgen Müller"}
OLENA = {"first_name": "Олена", "last_name": "Шевченко", "full_name": "Олена Шевченко"}
TARO = {"first_name": "太郎", "last_name": "山田", "full_name": "山田 太郎"}
MOHAMMED = {"first_name": "محمد", "last_name": "العلي", "full_name": "محمد العلي"}
NAME_GUESSED = "first and last name guessed"
ORDER_GUESSED = "field order guessed"

VCARD_21 = (
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Lef=C3=A8vre;Zo=C3=A9;;;\r\n"
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Zo=C3=A9 Lef=C3=A8vre\r\n"
    "ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Lef=C3=A8vre D=C3=A9fense;Achats\r\n"
    "TITLE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Responsable des achats =C3=A9quipements=\r\n"
    " terrain\r\n"
    "TEL;HOME;VOICE:+33 1 98 76 54 32\r\n"
    "TEL;WORK;VOICE:+33 1 23 45 67 89\r\n"
    "TEL;CELL:+33 6 12 34 56 78\r\n"
    "TEL;WORK;FAX:+33 1 23 45 67 00\r\n"
    "EMAIL;PREF;INTERNET:zoe.lefevre@lefevre-defense.fr\r\n"
    "ADR;WORK;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:"
    ";B=C3=A2timent B;12 rue de la Paix;Paris;=\r\n"
    "=C3=8Ele-de-France;75002;France\r\n"
    "NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:"
    "Int=C3=A9ress=C3=A9e par les valises de transpo=\r\n"
    "rt=0D=0ARappeler apr=C3=A8s le salon\r\n"
    "X-BADGE-ID:MIL23-004512\r\n"
    "END:VCARD\r\n"
)

VCARD_30 = (
    "BEGIN:VCARD\n"
    "VERSION:3.0\n"
    "N:Lefèvre;Zoé;Marie;Mme;\n"
    "FN:Zoé Lefèvre\n"
    "ORG:Lefèvre Défense;Direction des achats\n"
    "TITLE:Responsable achats\\, \r\n"
    "\tlogistique\n"
    "TEL;TYPE=CELL:+33 6 12 34 56 78\n"
    "TEL;TYPE=WORK,VOICE:+33 1 23 45 67 89\n"
    "EMAIL;TYPE=INTERNET:zoe@perso.example\n"
    "EMAIL;TYPE=INTERNET,PREF:Zoe.Lefevre@Lefevre-Defense.FR\n"
    "ADR;TYPE=WORK:;;12 rue de la Paix\\, Bât. B;Paris;;75002;FR\n"
    "URL:https://www.lefevre-defense.fr\n"
    "NOTE:Intéressée par les valises\n"
    "  de transport\\; rappeler\\nmardi\\Nou jeudi \\\\ merci\n"
    "UID:urn:uuid:0b6f2f5c-6a47-4b19-9f2b-2a3c1c4d5e6f\n"
    "END:VCARD\n"
)

VCARD_40 = (
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "KIND:individual\r\n"
    "FN:山田 太郎\r\n"
    "N:山田;太郎;;;\r\n"
    "ORG:山田商事株式会社\r\n"
    "TITLE:営業部長\r\n"
    'TEL;VALUE=uri;TYPE="work,voice";PREF=1:tel:+81-3-1234-5678;ext=102\r\n'
    "TEL;VALUE=uri;TYPE=cell:tel:+81-90-1234-5678\r\n"
    "EMAIL;TYPE=work:taro.yamada@yamada-shoji.co.jp\r\n"
    'ADR;TYPE=work;LABEL="丸の内1-1-1\\n100-0005 千代田区":'
    ";;丸の内1-1-1;千代田区;東京都;100-0005;Japan\r\n"
    "URL;VALUE=uri:https://www.yamada-shoji.co.jp\r\n"
    "END:VCARD\r\n"
)

ZOE_MOJIBAKE_VCARD = (
    "BEGIN:VCARD\nVERSION:3.0\nN:Lefèvre;Zoé\nORG:Lefèvre Défense\n"
    "EMAIL:zoe.lefevre@lefevre-defense.fr\nEND:VCARD"
)

CASES: list[Case] = [
    # --- vCard -------------------------------------------------------------------
    Case(
        "vcard 2.1 quoted-printable, soft breaks, charset",
        "vcard 2.1",
        VCARD_21,
        {
            **ZOE,
            "badge_id": "MIL23-004512",
            "company": "Lefèvre Défense",
            "job_title": "Responsable des achats équipements terrain",
            "email": "zoe.lefevre@lefevre-defense.fr",
            "emails": ["zoe.lefevre@lefevre-defense.fr"],
            "phone": "+33 1 23 45 67 89",
            "phones": [
                "+33 1 98 76 54 32",
                "+33 1 23 45 67 89",
                "+33 6 12 34 56 78",
                "+33 1 23 45 67 00",
            ],
            "mobile": "+33 6 12 34 56 78",
            "street": "12 rue de la Paix, Bâtiment B",
            "postal_code": "75002",
            "city": "Paris",
            "region": "Île-de-France",
            "country": "FR",
            "address": "12 rue de la Paix, Bâtiment B, 75002 Paris, Île-de-France, France",
            "note": "Intéressée par les valises de transport\nRappeler après le salon",
        },
        raw=VCARD_21.replace("\r\n", "\n"),
    ),
    Case(
        "vcard 2.1 Latin-1 charset, bare types",
        "vcard 2.1",
        "BEGIN:VCARD\n"
        "VERSION:2.1\n"
        "N;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller;J=FCrgen\n"
        "ORG;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1:M=FCller GmbH\n"
        "TEL;PREF;WORK:+49 89 1234567\n"
        "EMAIL;INTERNET:j.mueller@mueller-gmbh.de\n"
        "ADR;WORK:;;Leopoldstraße 12;München;Bayern;80802;Deutschland\n"
        "END:VCARD",
        {
            **JURGEN,
            "company": "Müller GmbH",
            "email": "j.mueller@mueller-gmbh.de",
            "emails": ["j.mueller@mueller-gmbh.de"],
            "phone": "+49 89 1234567",
            "phones": ["+49 89 1234567"],
            "street": "Leopoldstraße 12",
            "postal_code": "80802",
            "city": "München",
            "region": "Bayern",
            "country": "DE",
            "address": "Leopoldstraße 12, 80802 München, Bayern, Deutschland",
        },
    ),
    Case(
        "vcard 2.1 folded at a space keeps the space",
        "vcard 2.1",
        "BEGIN:VCARD\nVERSION:2.1\nN:Müller;Jürgen\nNOTE:Sucht robuste Transportkoffer\n"
        " für Drohnen\nEND:VCARD",
        {**JURGEN, "note": "Sucht robuste Transportkoffer für Drohnen"},
    ),
    Case(
        "vcard 3.0 folded lines and escapes",
        "vcard 3.0",
        VCARD_30,
        {
            **ZOE,
            "badge_id": "0b6f2f5c-6a47-4b19-9f2b-2a3c1c4d5e6f",
            "company": "Lefèvre Défense",
            "job_title": "Responsable achats, logistique",
            "email": "Zoe.Lefevre@lefevre-defense.fr",
            "emails": ["Zoe.Lefevre@lefevre-defense.fr", "zoe@perso.example"],
            "phone": "+33 1 23 45 67 89",
            "phones": ["+33 6 12 34 56 78", "+33 1 23 45 67 89"],
            "mobile": "+33 6 12 34 56 78",
            "website": "https://www.lefevre-defense.fr",
            "street": "12 rue de la Paix, Bât. B",
            "postal_code": "75002",
            "city": "Paris",
            "country": "FR",
            "address": "12 rue de la Paix, Bât. B, 75002 Paris, FR",
            "note": "Intéressée par les valises de transport; rappeler\nmardi\nou jeudi \\ merci",
        },
        raw=VCARD_30.replace("\r\n", "\n"),
    ),
    Case(
        "vcard 3.0 last name only, photo, label, base64 note",
        "vcard 3.0",
        "BEGIN:VCARD\nVERSION:3.0\nN:Müller;;;;\nFN:Jürgen Müller\n"
        "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQN\n"
        " DAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwL\n"
        "LABEL;TYPE=WORK:Hauptstraße 5\\n10115 Berlin\\nDeutschland\n"
        "NOTE;ENCODING=b:SW50ZXJlc3NlIGFuIFJhY2tz\n"
        "END:VCARD",
        {
            **JURGEN,
            "street": "Hauptstraße 5",
            "postal_code": "10115",
            "city": "Berlin",
            "country": "DE",
            "address": "Hauptstraße 5, 10115 Berlin, Deutschland",
            "note": "Interesse an Racks",
        },
    ),
    Case(
        "vcard 3.0 address with unescaped commas",
        "vcard 3.0",
        "BEGIN:VCARD\nVERSION:3.0\nN:Lefèvre;Zoé\n"
        "ADR;TYPE=work:;;Zone industrielle, Bâtiment B,12 rue Lavoisier;Lyon;;69007;France\n"
        "END:VCARD",
        {
            **ZOE,
            "street": "Zone industrielle, Bâtiment B, 12 rue Lavoisier",
            "postal_code": "69007",
            "city": "Lyon",
            "country": "FR",
            "address": "Zone industrielle, Bâtiment B, 12 rue Lavoisier, 69007 Lyon, France",
        },
    ),
    Case(
        "vcard 3.0 lower-case names, groups, X- attendee id",
        "vcard 3.0",
        "begin:vcard\n"
        "version:3.0\n"
        "n:Шевченко;Олена\n"
        "fn:Олена Шевченко\n"
        "item1.tel;type=cell:+380 50 123 4567\n"
        "item1.X-ABLabel:mobile\n"
        "email:olena.shevchenko@zakhyst.ua\n"
        "org:ТОВ «Захист»\n"
        "x-attendee-id:UA-2023-0042\n"
        "end:vcard",
        {
            **OLENA,
            "badge_id": "UA-2023-0042",
            "company": "ТОВ «Захист»",
            "email": "olena.shevchenko@zakhyst.ua",
            "emails": ["olena.shevchenko@zakhyst.ua"],
            "phones": ["+380 50 123 4567"],
            "mobile": "+380 50 123 4567",
        },
    ),
    Case(
        "vcard 4.0 quoted types, VALUE=uri tel:",
        "vcard 4.0",
        VCARD_40,
        {
            **TARO,
            "company": "山田商事株式会社",
            "job_title": "営業部長",
            "email": "taro.yamada@yamada-shoji.co.jp",
            "emails": ["taro.yamada@yamada-shoji.co.jp"],
            "phone": "+81-3-1234-5678 ext. 102",
            "phones": ["+81-3-1234-5678 ext. 102", "+81-90-1234-5678"],
            "mobile": "+81-90-1234-5678",
            "website": "https://www.yamada-shoji.co.jp",
            "street": "丸の内1-1-1",
            "postal_code": "100-0005",
            "city": "千代田区",
            "region": "東京都",
            "country": "JP",
            "address": "丸の内1-1-1, 100-0005 千代田区, 東京都, Japan",
        },
        raw=VCARD_40.replace("\r\n", "\n"),
    ),
    Case(
        "vcard 3.0 Arabic full name only",
        "vcard 3.0",
        "BEGIN:VCARD\nVERSION:3.0\nFN:محمد العلي\nORG:شركة الخليج للأمن\n"
        "TEL;TYPE=WORK:+971 4 123 4567\nEMAIL:m.alali@gulf-security.ae\n"
        "ADR;TYPE=WORK:;;Sheikh Zayed Road;Dubai;;;United Arab Emirates\nEND:VCARD",
        {
            **MOHAMMED,
            "company": "شركة الخليج للأمن",
            "email": "m.alali@gulf-security.ae",
            "emails": ["m.alali@gulf-security.ae"],
            "phone": "+971 4 123 4567",
            "phones": ["+971 4 123 4567"],
            "street": "Sheikh Zayed Road",
            "city": "Dubai",
            "country": "AE",
            "address": "Sheikh Zayed Road, Dubai, United Arab Emirates",
        },
        warnings=(NAME_GUESSED,),
    ),
    Case(
        "vcard surname in capitals first",
        "vcard 3.0",
        "BEGIN:VCARD\nVERSION:3.0\nFN:LEFÈVRE Zoé\nEND:VCARD",
        {"first_name": "Zoé", "last_name": "LEFÈVRE", "full_name": "LEFÈVRE Zoé"},
        warnings=(NAME_GUESSED,),
    ),
    Case(
        "vcard cut short, unknown country",
        "vcard 3.0",
        "BEGIN:VCARD\nVERSION:3.0\nN:Müller;Jürgen\nADR:;;;Berlin;;;Atlantis\n"
        "EMAIL:j.mueller@mueller-gmbh.de\nTEL:+49 30",
        {
            **JURGEN,
            "email": "j.mueller@mueller-gmbh.de",
            "emails": ["j.mueller@mueller-gmbh.de"],
            "phone": "+49 30",
            "phones": ["+49 30"],
            "city": "Berlin",
            "address": "Berlin, Atlantis",
        },
        warnings=("no END:VCARD", "country 'Atlantis' not recognised"),
    ),
    Case(
        "two vcards, invalid e-mail",
        "vcard 3.0",
        "BEGIN:VCARD\nVERSION:3.0\nN:Lefèvre;Zoé\nEMAIL:zoe at lefevre-defense\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nN:Müller;Jürgen\nEND:VCARD\n",
        ZOE,
        warnings=("only the first was read", "e-mail 'zoe at lefevre-defense' ignored"),
    ),
    # --- MECARD, BIZCARD -----------------------------------------------------------
    Case(
        "mecard with escapes",
        "mecard",
        "MECARD:N:Lefèvre,Zoé;TEL:+33 6 12 34 56 78;TEL:+33 1 23 45 67 89;"
        "EMAIL:zoe.lefevre@lefevre-defense.fr;ORG:Lefèvre \\; Fils;TITLE:Responsable achats;"
        "ADR:12 rue de la Paix\\, 75002 Paris\\, France;URL:https\\://www.lefevre-defense.fr;"
        "NOTE:Rappeler\\: mardi\\\\jeudi;;",
        {
            **ZOE,
            "company": "Lefèvre ; Fils",
            "job_title": "Responsable achats",
            "email": "zoe.lefevre@lefevre-defense.fr",
            "emails": ["zoe.lefevre@lefevre-defense.fr"],
            "phone": "+33 6 12 34 56 78",
            "phones": ["+33 6 12 34 56 78", "+33 1 23 45 67 89"],
            "website": "https://www.lefevre-defense.fr",
            "address": "12 rue de la Paix, 75002 Paris, France",
            "street": "12 rue de la Paix",
            "postal_code": "75002",
            "city": "Paris",
            "country": "FR",
            "note": "Rappeler: mardi\\jeudi",
        },
    ),
    Case(
        "mecard Cyrillic name without comma",
        "mecard",
        "MECARD:N:Олена Шевченко;TEL:+380441234567;EMAIL:olena@zakhyst.ua;;",
        {
            **OLENA,
            "email": "olena@zakhyst.ua",
            "emails": ["olena@zakhyst.ua"],
            "phone": "+380441234567",
            "phones": ["+380441234567"],
        },
        warnings=(NAME_GUESSED,),
    ),
    Case(
        "mecard DoCoMo seven-part address",
        "mecard",
        "MECARD:N:العلي,محمد;ADR:,,Sheikh Zayed Road,Dubai,,,UAE;EMAIL:m.alali@gulf-security.ae;;",
        {
            **MOHAMMED,
            "email": "m.alali@gulf-security.ae",
            "emails": ["m.alali@gulf-security.ae"],
            "street": "Sheikh Zayed Road",
            "city": "Dubai",
            "country": "AE",
            "address": "Sheikh Zayed Road, Dubai, UAE",
        },
    ),
    Case(
        "bizcard",
        "bizcard",
        "BIZCARD:N:Jürgen;X:Müller;T:Einkaufsleiter;C:Müller GmbH;"
        "A:Hauptstraße 5, 10115 Berlin, Deutschland;B:+49 30 1234567;M:+49 171 1234567;"
        "F:+49 30 1234568;E:j.mueller@mueller-gmbh.de;;",
        {
            **JURGEN,
            "job_title": "Einkaufsleiter",
            "company": "Müller GmbH",
            "address": "Hauptstraße 5, 10115 Berlin, Deutschland",
            "street": "Hauptstraße 5",
            "postal_code": "10115",
            "city": "Berlin",
            "country": "DE",
            "phone": "+49 30 1234567",
            "phones": ["+49 30 1234567", "+49 171 1234567", "+49 30 1234568"],
            "mobile": "+49 171 1234567",
            "email": "j.mueller@mueller-gmbh.de",
            "emails": ["j.mueller@mueller-gmbh.de"],
        },
    ),
    # --- key: value lines -------------------------------------------------------------
    Case(
        "key-value French",
        "key-value",
        "Prénom : Zoé\nNom : Lefèvre\nSociété : Lefèvre Défense\nFonction : Acheteuse\n"
        "Courriel : Zoe.Lefevre@Lefevre-Defense.FR\nTél : +33 1 23 45 67 89\n"
        "Portable : +33 6 12 34 56 78\nCode postal : 75002\nVille : Paris\nPays : France\n"
        "N° badge : MIL23-004512",
        {
            **ZOE,
            "badge_id": "MIL23-004512",
            "company": "Lefèvre Défense",
            "job_title": "Acheteuse",
            "email": "Zoe.Lefevre@lefevre-defense.fr",
            "emails": ["Zoe.Lefevre@lefevre-defense.fr"],
            "phone": "+33 1 23 45 67 89",
            "phones": ["+33 1 23 45 67 89", "+33 6 12 34 56 78"],
            "mobile": "+33 6 12 34 56 78",
            "postal_code": "75002",
            "city": "Paris",
            "country": "FR",
            "address": "75002 Paris, France",
        },
    ),
    Case(
        "key-value German",
        "key-value",
        "Vorname: Jürgen\nNachname: Müller\nFirma: Müller GmbH\nPosition: Leiter Einkauf\n"
        "E-Mail: j.mueller@mueller-gmbh.de\nTelefon: +49 30 1234567\nHandy: +49 171 1234567\n"
        "Straße: Hauptstraße 5\nPLZ: 10115\nOrt: Berlin\nLand: Deutschland\n"
        "Bemerkung: Interesse an 19-Zoll-Racks",
        {
            **JURGEN,
            "company": "Müller GmbH",
            "job_title": "Leiter Einkauf",
            "email": "j.mueller@mueller-gmbh.de",
            "emails": ["j.mueller@mueller-gmbh.de"],
            "phone": "+49 30 1234567",
            "phones": ["+49 30 1234567", "+49 171 1234567"],
            "mobile": "+49 171 1234567",
            "street": "Hauptstraße 5",
            "postal_code": "10115",
            "city": "Berlin",
            "country": "DE",
            "address": "Hauptstraße 5, 10115 Berlin, Deutschland",
            "note": "Interesse an 19-Zoll-Racks",
        },
    ),
    Case(
        "key-value on one line",
        "key-value",
        "Name: Zoé Lefèvre; Company: Lefèvre Défense; Email: zoe@lefevre-defense.fr; Country: FR",
        {
            **ZOE,
            "company": "Lefèvre Défense",
            "email": "zoe@lefevre-defense.fr",
            "emails": ["zoe@lefevre-defense.fr"],
            "country": "FR",
            "address": "FR",
        },
        warnings=(NAME_GUESSED,),
    ),
    Case(
        "key-value Chinese name",
        "key-value",
        "Name: 李伟\nCompany: 北京安防科技有限公司\nEmail: li.wei@anfang.cn\n"
        "Phone: +86 10 1234 5678\nBooth: B12",
        {
            "last_name": "李伟",
            "full_name": "李伟",
            "company": "北京安防科技有限公司",
            "email": "li.wei@anfang.cn",
            "emails": ["li.wei@anfang.cn"],
            "phone": "+86 10 1234 5678",
            "phones": ["+86 10 1234 5678"],
        },
        warnings=("fields not read: Booth", NAME_GUESSED),
    ),
    # --- URLs --------------------------------------------------------------------------
    Case(
        "url with the id in the path",
        "url",
        "https://reg.example.com/badge/ABC123",
        {"badge_id": "ABC123"},
    ),
    Case(
        "url with ?id=",
        "url",
        "https://register.example.com/visitor?id=MIL23-004512&lang=fr",
        {"badge_id": "MIL23-004512"},
    ),
    Case(
        "url with ?badge=",
        "url",
        "https://leads.example.com/s?badge=987654321",
        {"badge_id": "987654321"},
    ),
    Case(
        "url with ?attendee= and contact fields",
        "url",
        "https://example.com/scan?attendee=A-77-123&email=zoe%40lefevre-defense.fr&fn=x",
        {
            "badge_id": "A-77-123",
            "email": "zoe@lefevre-defense.fr",
            "emails": ["zoe@lefevre-defense.fr"],
        },
    ),
    Case(
        "linkedin profile",
        "url",
        "https://www.linkedin.com/in/zoe-lefevre-1a2b3c4/",
        {
            "first_name": "Zoe",
            "last_name": "Lefevre",
            "full_name": "Zoe Lefevre",
            "website": "https://www.linkedin.com/in/zoe-lefevre-1a2b3c4/",
        },
        warnings=("LinkedIn",),
    ),
    Case(
        "linkedin profile, accents encoded",
        "url",
        "https://de.linkedin.com/in/j%C3%BCrgen-m%C3%BCller",
        {**JURGEN, "website": "https://de.linkedin.com/in/j%C3%BCrgen-m%C3%BCller"},
        warnings=("LinkedIn",),
    ),
    Case(
        "linkedin slug that is not a name",
        "url",
        "linkedin.com/in/jdoe1977",
        {"website": "linkedin.com/in/jdoe1977"},
    ),
    Case(
        "plain website",
        "url",
        "https://www.lefevre-defense.fr/produits/valises",
        {"website": "https://www.lefevre-defense.fr/produits/valises"},
    ),
    Case(
        "website without scheme", "url", "www.mueller-gmbh.de", {"website": "www.mueller-gmbh.de"}
    ),
    Case(
        "mailto link",
        "url",
        "mailto:zoe.lefevre@lefevre-defense.fr?subject=Milipol",
        {
            "email": "zoe.lefevre@lefevre-defense.fr",
            "emails": ["zoe.lefevre@lefevre-defense.fr"],
        },
    ),
    Case(
        "tel link",
        "url",
        "tel:+33612345678",
        {"phone": "+33612345678", "phones": ["+33612345678"]},
    ),
    # --- JSON ----------------------------------------------------------------------------
    Case(
        "json flat",
        "json",
        '{"badgeId":"MIL23-004512","firstName":"Zoé","lastName":"Lefèvre",'
        '"company":"Lefèvre Défense","jobTitle":"Responsable achats",'
        '"email":"zoe.lefevre@lefevre-defense.fr","phone":"+33 1 23 45 67 89",'
        '"mobile":"+33 6 12 34 56 78","country":"France","city":"Paris"}',
        {
            **ZOE,
            "badge_id": "MIL23-004512",
            "company": "Lefèvre Défense",
            "job_title": "Responsable achats",
            "email": "zoe.lefevre@lefevre-defense.fr",
            "emails": ["zoe.lefevre@lefevre-defense.fr"],
            "phone": "+33 1 23 45 67 89",
            "phones": ["+33 1 23 45 67 89", "+33 6 12 34 56 78"],
            "mobile": "+33 6 12 34 56 78",
            "city": "Paris",
            "country": "FR",
            "address": "Paris, France",
        },
    ),
    Case(
        "json nested, French keys",
        "json",
        '{"event":{"id":7,"name":"Milipol Paris 2023","city":"Villepinte","country":"FR"},'
        '"attendee":{"id":"MIL23-004513","prenom":"Jürgen","nom":"Müller",'
        '"societe":"Müller GmbH","fonction":"Einkaufsleiter","mail":"j.mueller@mueller-gmbh.de",'
        '"tel":"+49 30 1234567","adresse":{"rue":"Hauptstraße 5","code_postal":"10115",'
        '"ville":"Berlin","pays":"DE"}}}',
        {
            **JURGEN,
            "badge_id": "MIL23-004513",
            "company": "Müller GmbH",
            "job_title": "Einkaufsleiter",
            "email": "j.mueller@mueller-gmbh.de",
            "emails": ["j.mueller@mueller-gmbh.de"],
            "phone": "+49 30 1234567",
            "phones": ["+49 30 1234567"],
            "street": "Hauptstraße 5",
            "postal_code": "10115",
            "city": "Berlin",
            "country": "DE",
            "address": "Hauptstraße 5, 10115 Berlin, DE",
        },
    ),
    Case(
        "json German keys",
        "json",
        '{"Vorname":"Олена","Nachname":"Шевченко","Firma":"ТОВ Захист",'
        '"E-Mail":"olena@zakhyst.ua","Land":"Ukraine","Stadt":"Kyjiw","Teilnehmer-ID":"UA-0042"}',
        {
            **OLENA,
            "badge_id": "UA-0042",
            "company": "ТОВ Захист",
            "email": "olena@zakhyst.ua",
            "emails": ["olena@zakhyst.ua"],
            "city": "Kyjiw",
            "country": "UA",
            "address": "Kyjiw, Ukraine",
        },
    ),
    Case(
        "json lists, company object, salutation",
        "json",
        '{"name":"محمد العلي","title":"Mr",'
        '"organization":{"name":"Gulf Security LLC","website":"https://gulf-security.ae"},'
        '"emails":["m.alali@gulf-security.ae","MOHAMMED@GULF.AE"],'
        '"phones":[{"type":"work","number":"+971 4 123 4567"},'
        '{"type":"mobile","number":"+971 50 123 4567"}]}',
        {
            **MOHAMMED,
            "company": "Gulf Security LLC",
            "website": "https://gulf-security.ae",
            "email": "m.alali@gulf-security.ae",
            "emails": ["m.alali@gulf-security.ae", "MOHAMMED@gulf.ae"],
            "phone": "+971 4 123 4567",
            "phones": ["+971 4 123 4567", "+971 50 123 4567"],
            "mobile": "+971 50 123 4567",
        },
        warnings=(NAME_GUESSED,),
    ),
    Case(
        "json array, numeric id",
        "json",
        '[{"id":4006381333931,"first_name":"太郎","last_name":"山田","email":"taro@yamada.jp"}]',
        {
            **TARO,
            "badge_id": "4006381333931",
            "email": "taro@yamada.jp",
            "emails": ["taro@yamada.jp"],
        },
    ),
    Case(
        "not quite json",
        "unknown",
        "{firstName: Zoé, email zoe@lefevre-defense.fr",
        {"email": "zoe@lefevre-defense.fr", "emails": ["zoe@lefevre-defense.fr"]},
        warnings=("not valid JSON", "only the e-mail address"),
    ),
    # --- delimited ---------------------------------------------------------------------
    Case(
        "delimited with a profile",
        "delimited",
        "MIL23-004512;Lefèvre;Zoé;Lefèvre Défense;VIP;zoe@lefevre-defense.fr;FR",
        {
            **ZOE,
            "badge_id": "MIL23-004512",
            "company": "Lefèvre Défense",
            "email": "zoe@lefevre-defense.fr",
            "emails": ["zoe@lefevre-defense.fr"],
            "country": "FR",
            "address": "FR",
        },
        profile=BadgeProfile(
            ";", ("badge_id", "last_name", "first_name", "company", "", "email", "country")
        ),
    ),
    Case(
        "delimited with a profile, quoted field",
        "delimited",
        '4711,"Müller, Jürgen",Müller GmbH,j.mueller@mueller-gmbh.de',
        {
            **JURGEN,
            "full_name": "Müller, Jürgen",
            "badge_id": "4711",
            "company": "Müller GmbH",
            "email": "j.mueller@mueller-gmbh.de",
            "emails": ["j.mueller@mueller-gmbh.de"],
        },
        warnings=(NAME_GUESSED,),
        profile=BadgeProfile(",", ("badge_id", "full_name", "company", "email")),
    ),
    Case(
        "delimited with a profile, short record",
        "delimited",
        "MIL23-1\tZoé",
        {"badge_id": "MIL23-1", "first_name": "Zoé", "full_name": "Zoé"},
        warnings=("expects 4",),
        profile=BadgeProfile("\t", ("badge_id", "first_name", "last_name", "email")),
    ),
    Case(
        "profile given, vcard scanned",
        "vcard 3.0",
        "BEGIN:VCARD\nVERSION:3.0\nN:Müller;Jürgen\nEND:VCARD",
        JURGEN,
        profile=BadgeProfile(";", ("badge_id", "first_name")),
    ),
    Case(
        "delimited guessed, pipes",
        "delimited",
        "MIL23-004512|Zoé|Lefèvre|Lefèvre Défense|zoe.lefevre@lefevre-defense.fr",
        {
            **ZOE,
            "badge_id": "MIL23-004512",
            "company": "Lefèvre Défense",
            "email": "zoe.lefevre@lefevre-defense.fr",
            "emails": ["zoe.lefevre@lefevre-defense.fr"],
        },
        warnings=(ORDER_GUESSED,),
    ),
    Case(
        "delimited guessed, semicolons and a phone",
        "delimited",
        "4711;Jürgen;Müller;Müller GmbH;j.mueller@mueller-gmbh.de;+49 30 1234567",
        {
            **JURGEN,
            "badge_id": "4711",
            "company": "Müller GmbH",
            "email": "j.mueller@mueller-gmbh.de",
            "emails": ["j.mueller@mueller-gmbh.de"],
            "phone": "+49 30 1234567",
            "phones": ["+49 30 1234567"],
        },
        warnings=(ORDER_GUESSED,),
    ),
    Case(
        "delimited guessed, tabs",
        "delimited",
        "Олена\tШевченко\tТОВ Захист\tolena@zakhyst.ua",
        {
            **OLENA,
            "company": "ТОВ Захист",
            "email": "olena@zakhyst.ua",
            "emails": ["olena@zakhyst.ua"],
        },
        warnings=(ORDER_GUESSED,),
    ),
    Case(
        "delimited with a profile, one field a line",
        "delimited",
        "山田 太郎\n山田商事株式会社\ntaro.yamada@yamada-shoji.co.jp\n",
        {
            **TARO,
            "company": "山田商事株式会社",
            "email": "taro.yamada@yamada-shoji.co.jp",
            "emails": ["taro.yamada@yamada-shoji.co.jp"],
        },
        warnings=(NAME_GUESSED,),
        profile=BadgeProfile("\n", ("full_name", "company", "email")),
    ),
    Case(
        "lines of text with an e-mail, no profile",
        "unknown",
        "Bonjour\nContactez-moi après le salon\nzoe@lefevre-defense.fr",
        {"email": "zoe@lefevre-defense.fr", "emails": ["zoe@lefevre-defense.fr"]},
        warnings=("only the e-mail address",),
    ),
    # --- opaque IDs ----------------------------------------------------------------------
    Case("opaque id", "id", "MIL23-004512", {"badge_id": "MIL23-004512"}),
    Case("opaque long number", "id", "4006381333931", {"badge_id": "4006381333931"}),
    Case("opaque id with a line break", "id", "  ABC_123\n", {"badge_id": "ABC_123"}),
    Case(
        "scanner symbology prefix",
        "id",
        "]Q1MIL23-004512",
        {"badge_id": "MIL23-004512"},
        warnings=("scanner prefix",),
    ),
    Case(
        "free text",
        "unknown",
        "Merci pour votre visite !",
        {},
        warnings=("not a known badge format",),
    ),
    # --- repairs -------------------------------------------------------------------------
    Case(
        "byte-order mark in text",
        "repair",
        "\ufeffMIL23-004512",
        {"badge_id": "MIL23-004512"},
        warnings=("byte-order mark",),
        raw="MIL23-004512",
        format="id",
    ),
    Case(
        "UTF-8 bytes with a byte-order mark",
        "repair",
        b"\xef\xbb\xbf" + "BEGIN:VCARD\nVERSION:3.0\nN:Müller;Jürgen\nEND:VCARD".encode(),
        JURGEN,
        warnings=("byte-order mark",),
        raw="BEGIN:VCARD\nVERSION:3.0\nN:Müller;Jürgen\nEND:VCARD",
        format="vcard",
    ),
    Case(
        "UTF-16 bytes with a byte-order mark",
        "repair",
        "MECARD:N:Шевченко,Олена;EMAIL:olena@zakhyst.ua;;".encode("utf-16"),
        {**OLENA, "email": "olena@zakhyst.ua", "emails": ["olena@zakhyst.ua"]},
        warnings=("UTF-16",),
        raw="MECARD:N:Шевченко,Олена;EMAIL:olena@zakhyst.ua;;",
        format="mecard",
    ),
    Case(
        "stray carriage returns",
        "repair",
        "BEGIN:VCARD\r\r\nVERSION:3.0\rN:Müller;Jürgen\r\r\nEMAIL:j.mueller@mueller-gmbh.de\r"
        "END:VCARD\r",
        {**JURGEN, "email": "j.mueller@mueller-gmbh.de", "emails": ["j.mueller@mueller-gmbh.de"]},
        warnings=("carriage returns",),
        raw="BEGIN:VCARD\nVERSION:3.0\nN:Müller;Jürgen\nEMAIL:j.mueller@mueller-gmbh.de\n"
        "END:VCARD\n",
        format="vcard",
    ),
    Case(
        "mojibake vcard (UTF-8 read as Windows-1252)",
        "repair",
        mojibake(ZOE_MOJIBAKE_VCARD),
        {
            **ZOE,
            "company": "Lefèvre Défense",
            "email": "zoe.lefevre@lefevre-defense.fr",
            "emails": ["zoe.lefevre@lefevre-defense.fr"],
        },
        warnings=("read as Windows-1252",),
        raw=ZOE_MOJIBAKE_VCARD,
        format="vcard",
    ),
    Case(
        "mojibake Cyrillic record",
        "repair",
        mojibake("4711|Олена|Шевченко|olena@zakhyst.ua"),
        {**OLENA, "badge_id": "4711", "email": "olena@zakhyst.ua", "emails": ["olena@zakhyst.ua"]},
        warnings=("read as Windows-1252", ORDER_GUESSED),
        raw="4711|Олена|Шевченко|olena@zakhyst.ua",
        format="delimited",
    ),
    Case(
        "mojibake through Latin-1, with C1 controls",
        "repair",
        mojibake("MECARD:N:Álvarez,Ígor;EMAIL:igor@example.es;;", "latin-1"),
        {
            "first_name": "Ígor",
            "last_name": "Álvarez",
            "full_name": "Ígor Álvarez",
            "email": "igor@example.es",
            "emails": ["igor@example.es"],
        },
        warnings=("read as Windows-1252",),
        raw="MECARD:N:Álvarez,Ígor;EMAIL:igor@example.es;;",
        format="mecard",
    ),
    Case(
        "mojibake twice over",
        "repair",
        mojibake(mojibake("Nom: Lefèvre\nPrénom: Zoé")),
        ZOE,
        warnings=("read as Windows-1252",),
        raw="Nom: Lefèvre\nPrénom: Zoé",
        format="delimited",
    ),
    Case(
        "Windows-1252 bytes",
        "repair",
        b"4711|Zo\xe9|Lef\xe8vre|zoe@lefevre-defense.fr",
        {
            **ZOE,
            "badge_id": "4711",
            "email": "zoe@lefevre-defense.fr",
            "emails": ["zoe@lefevre-defense.fr"],
        },
        warnings=("not valid UTF-8", ORDER_GUESSED),
        raw="4711|Zoé|Lefèvre|zoe@lefevre-defense.fr",
        format="delimited",
    ),
    Case(
        "NUL and control characters",
        "repair",
        "MECARD:N:M\x00üller,J\x07ürgen;EMAIL:j.mueller@mueller-gmbh.de\x1b;;\x00",
        {**JURGEN, "email": "j.mueller@mueller-gmbh.de", "emails": ["j.mueller@mueller-gmbh.de"]},
        warnings=("4 control character",),
        raw="MECARD:N:Müller,Jürgen;EMAIL:j.mueller@mueller-gmbh.de;;",
        format="mecard",
    ),
    Case(
        "bidi overrides and zero-width characters",
        "repair",
        "BEGIN:VCARD\nVERSION:3.0\nFN:\u202eZoé\u200b Lefèvre\u200f\n"
        "EMAIL:zoe\u200d@lefevre-defense.fr\u2066\nEND:VCARD",
        {**ZOE, "email": "zoe@lefevre-defense.fr", "emails": ["zoe@lefevre-defense.fr"]},
        warnings=("5 invisible", NAME_GUESSED),
        raw="BEGIN:VCARD\nVERSION:3.0\nFN:Zoé Lefèvre\nEMAIL:zoe@lefevre-defense.fr\nEND:VCARD",
        format="vcard",
    ),
]
