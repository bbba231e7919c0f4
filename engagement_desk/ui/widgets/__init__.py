"""Widgets used by several tabs: lists and table models, form kit, person picker, PDF preview,
unsaved-changes question, field errors.
"""
