"""The annual report as an A4 PDF: letterhead, a short text per section, charts and tables.

Charts are reportlab drawings (vector graphics); each heading stays on the page
with its text and first chart or table, and no table is split across pages.
The document is German whatever language the window speaks: it is the
office's report to the town, the Land and the funders.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from engagement_desk.services.printing.layout import (
    MARGIN,
    AgencyHeader,
    Styles,
    render,
    table,
    text,
)
from engagement_desk.services.reports.annual_tables import (
    CHANGE,
    TEXT,
    WITHOUT_CENTER,
    ReportSection,
    ReportTable,
    hours_by_month,
    rides_by_month,
)
from engagement_desk.services.reports.charts import Series, centre_chart, month_chart
from engagement_desk.services.reports.report_texts import (
    MONTH_SHORT,
    NBSP,
    german_number,
)
from engagement_desk.services.reports.sections import Figures

WIDTH = 210 * mm - 2 * MARGIN - 12  # the frame's default padding of 6 pt a side
CHART_HEIGHT = 62 * mm
TOTAL_SHADE = colors.HexColor("#f4f4f4")


def report_title(current: Figures) -> str:
    period = current.period
    return f"Jahresbericht {period.label}" if period.is_year else f"Bericht {period.label}"


def render_annual_pdf(
    header: AgencyHeader,
    current: Figures,
    previous: Figures,
    sections: Sequence[ReportSection],
    *,
    filter_lines: Sequence[str] = (),
    made_on: str,
) -> bytes:
    styles = Styles()
    story: list[Flowable] = _title_block(styles, current, previous, filter_lines, made_on)
    charts = _charts(current, previous)
    for section in sections:
        story.extend(_section(styles, section, charts.get(section.key, [])))
    return render(story, header, report_title(current))


def _title_block(
    styles: Styles,
    current: Figures,
    previous: Figures,
    filter_lines: Sequence[str],
    made_on: str,
) -> list[Flowable]:
    compared = (
        f"im Vergleich mit dem Vorjahr {previous.period.label}"
        if current.period.is_year
        else f"im Vergleich mit dem Zeitraum {previous.period.label}"
    )
    lines = [
        Paragraph(report_title(current), styles.title),
        text(f"Zahlen der Freiwilligenagentur {compared}", styles.body),
    ]
    lines.extend(text(line, styles.body) for line in filter_lines)
    lines.append(
        text(
            f"Erstellt am {made_on}. Der Bericht enthält nur Anzahlen und Summen, "
            "keine personenbezogenen Daten.",
            styles.small,
        )
    )
    lines.append(Spacer(1, 3 * mm))
    return lines


def _charts(current: Figures, previous: Figures) -> dict[str, list[Flowable]]:
    now, before = current.period, previous.period
    months = [_month_name(year, month, now.is_year) for year, month in now.months()]
    hours = month_chart(
        "Stunden nach Monat",
        months,
        [
            Series(now.label, [float(h) for h in hours_by_month(current)]),
            Series(before.label, [float(h) for h in hours_by_month(previous)][: len(months)]),
        ],
        value_label="Stunden",
        width=WIDTH,
        height=CHART_HEIGHT,
    )
    rides = month_chart(
        "Durchgeführte Fahrten nach Monat",
        months,
        [
            Series(now.label, rides_by_month(current)),
            Series(before.label, rides_by_month(previous)[: len(months)]),
        ],
        value_label="Fahrten",
        width=WIDTH,
        height=CHART_HEIGHT,
    )
    before_by_centre = {c.center_id: c.count for c in previous.people.volunteers_by_center}
    centres = [c for c in current.people.volunteers_by_center]
    names = [c.name if c.center_id is not None and c.name else WITHOUT_CENTER for c in centres]
    people: list[Flowable] = []
    if centres:
        people.append(
            centre_chart(
                "Aktive Ehrenamtliche nach Engagement-Zentrum",
                names,
                [
                    Series(now.label, [c.count for c in centres]),
                    Series(before.label, [before_by_centre.get(c.center_id, 0) for c in centres]),
                ],
                value_label="Ehrenamtliche",
                width=WIDTH,
            )
        )
    return {"hours": [hours], "rides": [rides], "people": people}


def _month_name(year: int, month: int, is_year: bool) -> str:
    return MONTH_SHORT[month - 1] if is_year else f"{MONTH_SHORT[month - 1]} {year % 100:02d}"


def _section(styles: Styles, section: ReportSection, charts: list[Flowable]) -> list[Flowable]:
    """The heading stays with the text and the first chart or table; no table is split.

    KeepTogether blocks are never nested: an inner one reports an endless height
    to its outer one, which would then always start a new page.
    """
    blocks: list[list[Flowable]] = [[chart] for chart in charts]
    blocks += [_table_block(styles, t) for t in section.tables]
    opening: list[Flowable] = [Paragraph(section.heading, _section_heading(styles))]
    if section.text:
        opening.append(text(section.text, styles.body))
        opening.append(Spacer(1, 2 * mm))
    result: list[Flowable] = [KeepTogether([*opening, *(blocks[0] if blocks else [])])]
    for block in blocks[1:]:
        result.append(Spacer(1, 4 * mm))
        result.append(KeepTogether(block))
    return result


def _section_heading(styles: Styles) -> ParagraphStyle:
    return ParagraphStyle(
        "section", parent=styles.heading, fontSize=12.5, leading=16, spaceBefore=5 * mm
    )


def _table_block(styles: Styles, report_table: ReportTable) -> list[Flowable]:
    caption = ParagraphStyle("caption", parent=styles.bold, spaceAfter=1.5 * mm)
    return [Paragraph(report_table.title, caption), _table(styles, report_table)]


def _table(styles: Styles, report_table: ReportTable) -> Table:
    columns = report_table.columns
    head_style = ParagraphStyle("head", parent=styles.small, fontName=styles.sans_bold)
    head_right = ParagraphStyle("head_right", parent=head_style, alignment=2)
    size = 8 if len(columns) > 6 else 8.5
    label = ParagraphStyle("label", parent=styles.body, fontSize=size, leading=size + 2)
    total_label = ParagraphStyle("total_label", parent=label, fontName=styles.sans_bold)
    rows: list[list[Flowable | str]] = [
        [Paragraph(c.header, head_style if c.kind == TEXT else head_right) for c in columns]
    ]
    body = [(row, label) for row in report_table.rows]
    if report_table.total is not None:
        body.append((report_table.total, total_label))
    for row, style in body:
        rows.append(
            [
                Paragraph(escape(str(value)), style)
                if column.kind == TEXT
                else _cell(value, column.kind)
                for value, column in zip(row, columns, strict=True)
            ]
        )
    result = table(rows, _widths(report_table), styles)
    commands: list[tuple] = [
        ("FONT", (0, 1), (-1, -1), styles.sans, size),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    for index, column in enumerate(columns):
        if column.kind != TEXT:
            commands.append(("ALIGN", (index, 1), (index, -1), "RIGHT"))
    if report_table.total is not None:
        commands += [
            ("FONT", (0, -1), (-1, -1), styles.sans_bold, size),
            ("BACKGROUND", (0, -1), (-1, -1), TOTAL_SHADE),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.HexColor("#666666")),
        ]
    result.setStyle(commands)
    return result


def _widths(report_table: ReportTable) -> list[float]:
    """The full text width: label columns first, the numbers share the rest."""
    columns = report_table.columns
    labels = sum(1 for c in columns if c.kind == TEXT)
    numbers = len(columns) - labels
    label_width = (56 if numbers <= 3 and labels == 1 else 42 if numbers <= 5 else 34) * mm
    number_width = (WIDTH - label_width * labels) / max(numbers, 1)
    return [label_width if c.kind == TEXT else number_width for c in columns]


def _cell(value: object, kind: str) -> str:
    """Counts whole; hours and km (Decimal) always with one decimal, so columns line up."""
    if value is None:
        return "–"
    if kind == TEXT or isinstance(value, str):
        return str(value)
    if kind == CHANGE:
        change = int(value)  # type: ignore[call-overload]
        if change == 0:
            return f"±0{NBSP}%"
        return f"{'+' if change > 0 else '−'}{german_number(abs(change))}{NBSP}%"
    if isinstance(value, Decimal):
        return german_number(value, 1)
    return german_number(value)  # type: ignore[arg-type]
