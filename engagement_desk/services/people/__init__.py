"""People: records, consent, duplicates, activity, import and export."""
