"""Registrable domain of a host or URL, with a small built-in public-suffix list.

Only multi-part suffixes need listing (co.uk, com.au, ...); for any other host the
registrable domain is the last two labels. No network, no extra dependency.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

MULTI_PART_SUFFIXES = frozenset(
    f"{second}.{top}"
    for top, seconds in {
        "uk": "co org me ltd plc net sch ac gov nhs police",
        "au": "com net org edu gov asn id",
        "nz": "co org net govt ac school",
        "jp": "co or ne ac go",
        "br": "com net org gov edu",
        "ar": "com org gob net",
        "mx": "com org gob net",
        "za": "co org gov net web",
        "in": "co net org gov ac",
        "tr": "com org gov net",
        "ua": "com org gov net in kiev",
        "il": "co org ac gov",
        "kr": "co or go ac",
        "cn": "com net org gov",
        "hk": "com org gov net",
        "sg": "com org gov net",
        "my": "com org gov net",
        "id": "co or go ac",
        "th": "co or go ac in",
        "eg": "com org gov",
        "sa": "com org gov",
        "pk": "com org gov",
        "ng": "com org gov",
        "ke": "co or go ac",
        "co": "com org gov net",
        "pe": "com org gob",
        "cl": "gob",
        "es": "com org gob nom",
        "pl": "com org net gov",
        "ru": "com org net",
        "fr": "gouv asso com",
        "it": "gov",
    }.items()
    for second in seconds.split()
)


#: Suffixes under which every name is a separate site (from the public-suffix list).
PRIVATE_SUFFIXES = frozenset({"blogspot.com", "wordpress.com", "github.io", "tumblr.com", "substack.com"})
_WAYBACK = re.compile(r"^(?:https?:)?//web(?:-beta)?\.archive\.org/web/[0-9a-z_]+/(.+)$")


def host_of(url_or_host: str) -> str:
    """Lower-case host of a URL or bare host name, without 'www.' or port.

    A Wayback Machine URL gives the archived page's host.
    """
    text = url_or_host.strip().lower()
    wayback = _WAYBACK.match(text.replace("https://", "//").replace("http://", "//", 1))
    if wayback:
        text = wayback.group(1)
    if "//" not in text:
        text = "//" + text
    host = urlsplit(text).hostname or ""
    return host.removeprefix("www.").rstrip(".")


def registrable_domain(url_or_host: str) -> str:
    """`https://www.independent.co.uk/x` -> `independent.co.uk`; `english.alarabiya.net` -> `alarabiya.net`.

    >>> registrable_domain("https://news.bbc.co.uk/a")
    'bbc.co.uk'
    """
    host = host_of(url_or_host)
    labels = host.split(".")
    if len(labels) <= 2:
        return host
    suffix = ".".join(labels[-2:])
    keep = 3 if suffix in MULTI_PART_SUFFIXES or suffix in PRIVATE_SUFFIXES else 2
    return ".".join(labels[-keep:])
