"""The person editor of the Personen tab, and the pieces other editors can reuse.

``field_errors`` (messages at the fields), ``date_edit`` (an empty-able
German date field) and ``tag_field`` do not know about people.
"""

from engagement_desk.ui.people.editor.editor import PersonEditor

__all__ = ["PersonEditor"]
