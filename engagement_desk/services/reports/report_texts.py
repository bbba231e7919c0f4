"""German wording of the annual report: numbers, comparisons and one short text per section.

The report is the office's German document for the town, the Land and the
funders, so these texts are German whatever language the window speaks.
Every sentence is computed from the figures it states.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from engagement_desk.services.reports.period import Period
from engagement_desk.services.reports.sections import Figures
from engagement_desk.services.wording import MONTH_NAMES, agreeing

NBSP = "\u00a0"  # keeps "6 %" and "1.234 Stunden" on one line
MONTH_SHORT = ("Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez")


def german_number(value: float | int | Decimal, decimals: int = 0) -> str:
    """German digit grouping and decimal comma: ``german_number(18340.5, 1)`` → "18.340,5"."""
    exponent = Decimal(1).scaleb(-decimals)
    rounded = Decimal(str(value)).quantize(exponent, rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # no "-0"
    return f"{rounded:,.{decimals}f}".replace(",", "\0").replace(".", ",").replace("\0", ".")


def counted(count: int | float | Decimal, singular: str, plural: str, decimals: int = 0) -> str:
    """'1 Fahrt', '1.204 Fahrten', '18.340,5 Stunden' (no line break inside)."""
    number = german_number(count, decimals)
    return f"{number}{NBSP}{singular if count == 1 else plural}"


def percent_change(current: float | int | Decimal, previous: float | int | Decimal) -> int | None:
    """The change against ``previous`` in whole percent; None when there is nothing to compare."""
    if not previous:
        return None
    change = (Decimal(str(current)) - Decimal(str(previous))) * 100 / Decimal(str(previous))
    return int(change.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def comparison(
    current: float | int | Decimal,
    previous: float | int | Decimal,
    than: str,
    *,
    more: str = "mehr",
    fewer: str = "weniger",
) -> str:
    """'6 % mehr als im Vorjahr', 'so viele wie im Vorjahr', or '' without a previous figure.

    ``than`` is the comparison's object, e.g. "im Vorjahr" or "im Vorzeitraum".
    """
    change = percent_change(current, previous)
    if change is None:
        return f"{than} keine" if current else ""
    if change == 0:
        return f"etwa so viele wie {than}"
    word = more if change > 0 else fewer
    return f"{german_number(abs(change))}{NBSP}% {word} als {than}"


def period_phrase(period: Period, *, capital: bool = True) -> str:
    """'Im Jahr 2026' or 'Im Zeitraum 01.03.2026–31.05.2026' (``capital`` for a sentence start)."""
    phrase = f"Jahr {period.label}" if period.is_year else f"Zeitraum {period.label}"
    return f"{'Im' if capital else 'im'} {phrase}"


def than_previous(period: Period) -> str:
    """What the current period is compared with: 'im Vorjahr' or 'im Vorzeitraum'."""
    return "im Vorjahr" if period.is_year else "im gleich langen Zeitraum davor"


def _with_change(current: float | int | Decimal, previous: float | int | Decimal, than: str) -> str:
    change = comparison(current, previous, than)
    return f" ({change})" if change else ""


def _largest(
    items: Sequence[tuple[str, float | int | Decimal]],
) -> tuple[str, float | int | Decimal] | None:
    named = [(name, value) for name, value in items if value]
    return max(named, key=lambda item: item[1]) if named else None


def centre_phrase(name: str, article: str) -> str:
    """'im Engagement-Zentrum „Senioren“'; a name saying "Zentrum" itself is not repeated."""
    if "zentrum" in name.casefold():
        return f"{article} {name}"
    return f"{article} Engagement-Zentrum „{name}“"


def people_text(current: Figures, previous: Figures, volunteer_role: str) -> str:
    """Active and new volunteers, and the centre most of them work in."""
    intro = period_phrase(current.period)
    than = than_previous(current.period)
    now = next((r for r in current.people.by_role if r.role == volunteer_role), None)
    before = next((r for r in previous.people.by_role if r.role == volunteer_role), None)
    active, new = (now.active, now.new) if now else (0, 0)
    if not active and not new:
        return f"{intro} waren keine Ehrenamtlichen aktiv."
    sentence = (
        f"{intro} {agreeing(active, 'war', 'waren')} "
        f"{counted(active, 'Ehrenamtliche/r', 'Ehrenamtliche')} aktiv"
        f"{_with_change(active, before.active if before else 0, than)}; "
        f"{german_number(new)} {agreeing(new, 'kam', 'kamen')} neu hinzu."
    )
    top = _largest([(c.name, c.count) for c in current.people.volunteers_by_center if c.center_id])
    if top:
        sentence += (
            f" Die meisten engagierten sich {centre_phrase(top[0], 'im')} "
            f"({german_number(top[1])})."
        )
    return sentence


def hours_text(current: Figures, previous: Figures) -> str:
    """'Im Jahr 2026 leisteten 412 Freiwillige 18.340 Stunden, 6 % mehr als im Vorjahr.'"""
    hours, before = current.hours, previous.hours
    intro = period_phrase(current.period)
    if not hours.total:
        return f"{intro} wurden keine Stunden erfasst."
    change = comparison(hours.total, before.total, than_previous(current.period))
    sentence = (
        f"{intro} {agreeing(hours.volunteers, 'leistete', 'leisteten')} "
        f"{counted(hours.volunteers, 'Freiwillige/r', 'Freiwillige')} "
        f"{counted(hours.total, 'Stunde', 'Stunden', _decimals(hours.total))}"
        f"{', ' + change if change else ''}."
    )
    top = _largest([(c.name, c.hours) for c in hours.by_center if c.center_id])
    if top:
        sentence += (
            f" Die meisten Stunden entfielen auf {centre_phrase(top[0], 'das')} "
            f"({counted(top[1], 'Stunde', 'Stunden', _decimals(top[1]))})."
        )
    month = _largest([(MONTH_NAMES[m.month - 1], m.hours) for m in hours.by_month])
    if month and len(hours.by_month) > 1:
        sentence += f" Der stärkste Monat war der {month[0]}."
    return sentence


def rides_text(current: Figures, previous: Figures) -> str:
    """Rides done, km, passengers and drivers; cancellations and no-shows."""
    total, before = current.rides.total, previous.rides.total
    when = period_phrase(current.period, capital=False)
    if not total.done:
        return f"Der Fahrdienst hat {when} keine Fahrten durchgeführt."
    sentence = (
        f"Der Fahrdienst hat {when} {counted(total.done, 'Fahrt', 'Fahrten')} durchgeführt"
        f"{_with_change(total.done, before.done, than_previous(current.period))} und dabei "
        f"{german_number(total.km)}{NBSP}km zurückgelegt. "
        f"{counted(total.active_drivers, 'Fahrerin oder Fahrer', 'Fahrerinnen und Fahrer')} "
        f"{agreeing(total.active_drivers, 'fuhr', 'fuhren')} "
        f"{counted(total.passengers_served, 'Fahrgast', 'Fahrgäste')}."
    )
    if total.cancelled or total.no_show:
        sentence += (
            f" {counted(total.cancelled, 'Fahrt wurde', 'Fahrten wurden')} abgesagt, "
            f"{counted(total.no_show, 'Mal', 'Mal')} wurde der Fahrgast nicht angetroffen."
        )
    return sentence


def placements_text(current: Figures, previous: Figures) -> str:
    """Placements begun, active and ended; new organisations and opportunities."""
    now, before = current.placements, previous.placements
    intro = period_phrase(current.period)
    sentence = (
        f"{intro} {agreeing(now.started, 'begann', 'begannen')} "
        f"{counted(now.started, 'Vermittlung', 'Vermittlungen')}"
        f"{_with_change(now.started, before.started, than_previous(current.period))}; "
        f"{german_number(now.active)} {agreeing(now.active, 'war', 'waren')} aktiv, "
        f"{german_number(now.ended)} {agreeing(now.ended, 'endete', 'endeten')}."
    )
    sentence += (
        f" {counted(now.organizations_new, 'Verein oder Partner kam', 'Vereine und Partner kamen')}"
        f" neu hinzu, "
        f"{counted(now.opportunities_new, 'Engagementangebot wurde', 'Engagementangebote wurden')}"
        " neu eingestellt."
    )
    return sentence


def events_text(current: Figures, previous: Figures) -> str:
    """Events and their participants."""
    now, before = current.events, previous.events
    intro = period_phrase(current.period)
    if not now.events:
        return f"{intro} fanden keine Veranstaltungen statt."
    return (
        f"{intro} {agreeing(now.events, 'fand', 'fanden')} "
        f"{counted(now.events, 'Veranstaltung', 'Veranstaltungen')} mit "
        f"{counted(now.participants, 'teilnehmenden Person', 'Teilnehmenden')} statt"
        f"{_with_change(now.participants, before.participants, than_previous(current.period))}."
    )


def _decimals(value: float | int | Decimal) -> int:
    number = Decimal(str(value))
    return 0 if number == number.to_integral_value() else 1
