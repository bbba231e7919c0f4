"""Help in the window: the German manual in an offline viewer, opened with F1."""
