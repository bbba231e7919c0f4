"""Demo data: a fictional volunteer agency in the Eifel town of Kyllheim (Rheinland-Pfalz).

``generate_demo`` fills an empty database in one transaction, the same rows for
the same seed and day. ``generator`` runs the stages in order: ``people``,
``agency`` (settings, signatories, templates, centres), ``organizations``,
``placements``, ``rides``, ``events`` and ``hours``. ``plan`` sizes them,
``town``, ``catalog``, ``names``, ``vocabulary`` and ``event_texts`` hold the
fixed German data, ``pools`` draws names and addresses (Faker, built once per
seed) and ``writer`` inserts in batches.
"""

from engagement_desk.services.demo.generator import (
    DemoDatabaseNotEmpty,
    DemoSummary,
    generate_demo,
)

__all__ = ["DemoDatabaseNotEmpty", "DemoSummary", "generate_demo"]
