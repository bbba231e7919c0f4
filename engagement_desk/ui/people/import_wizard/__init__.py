"""The wizard that imports people from an Excel or CSV list (Datei ▸ Personen importieren)."""

from engagement_desk.ui.people.import_wizard.wizard import ImportWizard

__all__ = ["ImportWizard"]
