"""Name, street and contact pools: built once per seed from Faker, then drawn with random.Random.

Faker is slow per call and keeps its own random state, so it is only asked
for a few thousand values up front; everything per person is drawn from these
pools with the generator's own ``random.Random``.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

from faker import Faker

from engagement_desk.services.demo.draw import Weighted, below, pick
from engagement_desk.services.demo.names import (
    FEMALE_BY_COHORT,
    LATIN_ORIGINS,
    MAIL_DOMAINS,
    MALE_BY_COHORT,
    MOBILE_PREFIXES,
    REGIONAL_LAST_NAMES,
    STREET_STEMS,
    STREET_SUFFIXES,
    TOWN_STREETS,
    TURKISH_FEMALE,
    TURKISH_LAST,
    TURKISH_MALE,
    VILLAGE_STREETS,
    words,
)
from engagement_desk.services.demo.town import PLACES, TOWN, Place

_ORIGIN_WEIGHTS = (
    ("turkish", 30),
    ("polish", 20),
    ("russian_german", 12),
    ("ukrainian", 8),
    ("cyrillic", 4),
    ("arabic", 12),
    ("greek", 7),
    ("italian", 7),
)
_ORIGIN_LANGUAGE = {
    "turkish": "Türkisch",
    "polish": "Polnisch",
    "cyrillic": "Russisch",
    "italian": "Italienisch",
}

# Letters NFKD cannot take apart, and Cyrillic in German transliteration.
_TRANSLIT = str.maketrans(
    dict(
        pair.split("=")
        for pair in words("""
            ä=ae ö=oe ü=ue ß=ss ı=i ł=l ø=o đ=d
            а=a б=b в=w г=g ґ=g д=d е=e є=je ё=jo ж=sch з=s и=i і=i ї=ji й=j к=k л=l м=m
            н=n о=o п=p р=r с=s т=t у=u ф=f х=ch ц=z ч=tsch ш=sch щ=schtsch ъ= ы=y ь= э=e
            ю=ju я=ja '= ’=
        """)
    )
)


def ascii_slug(text: str) -> str:
    """Lower-case ASCII for e-mail addresses and web sites: 'Wąsowska' -> 'wasowska'.

    Keeps letters, digits, spaces, '-' and '.'.
    """
    folded = text.lower().translate(_TRANSLIT)
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if c.isascii() and (c.isalnum() or c in "-. "))


@dataclass(frozen=True)
class PersonName:
    first_name: str
    last_name: str
    language: str | None  # mother tongue other than German, if any


_COHORT_LIMITS = sorted(FEMALE_BY_COHORT)


def _cohort(birth_year: int) -> int:
    return next(limit for limit in _COHORT_LIMITS if birth_year <= limit)


class Pools:
    """Everything the generators draw names, streets and contact data from."""

    def __init__(self, seed: int):
        german = Faker("de_DE")
        german.seed_instance(seed)
        faker_last = sorted({german.last_name() for _ in range(900)})
        self._last_names = faker_last + list(REGIONAL_LAST_NAMES) * 4
        self._faker_female = [german.first_name_female() for _ in range(150)]
        self._faker_male = [german.first_name_male() for _ in range(150)]

        self._foreign: dict[str, tuple[list[str], list[str], list[str], list[str]]] = {}
        for origin, locale in (
            ("turkish", "tr_TR"),
            ("polish", "pl_PL"),
            ("italian", "it_IT"),
            ("cyrillic", "ru_RU"),
        ):
            fake = Faker(locale)
            fake.seed_instance(seed)
            female_last = getattr(fake, "last_name_female", fake.last_name)
            male_last = getattr(fake, "last_name_male", fake.last_name)
            self._foreign[origin] = (
                [fake.first_name_female() for _ in range(40)],
                [fake.first_name_male() for _ in range(40)],
                [female_last() for _ in range(60)],
                [male_last() for _ in range(60)],
            )
        turkish = self._foreign["turkish"]
        for names, extra in zip(
            turkish, (TURKISH_FEMALE, TURKISH_MALE, TURKISH_LAST, TURKISH_LAST), strict=True
        ):
            names.extend(extra * 3)
        for origin, (f_first, m_first, f_last, m_last, _lang) in LATIN_ORIGINS.items():
            self._foreign[origin] = (list(f_first), list(m_first), list(f_last), list(m_last))

        rng = random.Random(f"{seed}:streets")
        town_streets = list(TOWN_STREETS)
        town_streets += [stem + rng.choice(STREET_SUFFIXES) for stem in STREET_STEMS]
        town_streets += [f"{name}straße" for name in rng.sample(faker_last, 25) if " " not in name]
        town_streets += [f"Pfarrer-{name}-Straße" for name in rng.sample(faker_last, 4)]
        self._streets: dict[str, list[str]] = {TOWN: sorted(set(town_streets))}
        for place in PLACES[1:]:
            self._streets[place.name] = rng.sample(VILLAGE_STREETS, rng.randint(8, 14))
        self._origin = Weighted(_ORIGIN_WEIGHTS)
        self._domain = Weighted(MAIL_DOMAINS)

    # -- names -------------------------------------------------------------

    def german_name(self, rng: random.Random, female: bool, birth_year: int) -> PersonName:
        if rng.random() < 0.12:
            first = pick(rng, self._faker_female if female else self._faker_male)
        else:
            by_cohort = FEMALE_BY_COHORT if female else MALE_BY_COHORT
            first = pick(rng, by_cohort[_cohort(birth_year)])
        return PersonName(first, pick(rng, self._last_names), None)

    def foreign_name(
        self, rng: random.Random, female: bool, origin: str | None = None
    ) -> PersonName:
        origin = origin or self._origin(rng)
        f_first, m_first, f_last, m_last = self._foreign[origin]
        first = pick(rng, f_first if female else m_first)
        last = pick(rng, f_last if female else m_last)
        language = _ORIGIN_LANGUAGE.get(origin) or LATIN_ORIGINS[origin][4]
        return PersonName(first, last, language)

    # -- addresses and contact data ---------------------------------------

    def street(self, rng: random.Random, place: Place) -> str:
        name = pick(rng, self._streets[place.name])
        number = 1 + below(rng, 60 if place.name == TOWN else 35)
        suffix = pick(rng, "ab") if rng.random() < 0.07 else ""
        return f"{name} {number}{suffix}"

    @staticmethod
    def landline(rng: random.Random, area_code: str) -> str:
        # Stored the way every write path stores numbers (services.validation.format_phone).
        number = str(1000 + below(rng, 999_000))
        rng.random()  # keeps the random stream of the seeds as it was
        return f"{area_code} {number}"

    @staticmethod
    def mobile(rng: random.Random) -> str:
        prefix = pick(rng, MOBILE_PREFIXES)
        number = str(1_000_000 + below(rng, 99_000_000))
        rng.random()  # keeps the random stream of the seeds as it was
        return f"{prefix} {number}"

    def email(self, rng: random.Random, first: str, last: str, birth_year: int) -> str:
        first_slug = ascii_slug(first.split("-")[0].split(" ")[0])
        last_slug = ascii_slug(last).replace(" ", "")
        style = rng.random()
        if style < 0.35:
            local = f"{first_slug}.{last_slug}"
        elif style < 0.5:
            local = f"{first_slug}{last_slug}"
        elif style < 0.65:
            local = f"{first_slug[:1]}.{last_slug}"
        elif style < 0.75:
            local = f"{last_slug}.{first_slug}"
        elif style < 0.9:
            local = f"{first_slug}.{last_slug}{birth_year % 100:02d}"
        else:
            local = f"{first_slug}_{last_slug}{rng.randint(1, 99)}"
        domain = self._domain(rng)
        return f"{local}@{domain}"
