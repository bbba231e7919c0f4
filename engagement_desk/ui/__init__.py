"""The window: Qt widgets, item models and the operations that call services off the GUI thread.

Imports point down only: ``ui`` calls ``services`` and uses the enums of
``models``; it never opens a session or holds an ORM object.
"""
