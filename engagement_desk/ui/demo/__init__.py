"""The demo agency in the window: filled the first time the demo database opens."""
