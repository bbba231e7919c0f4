"""Events: the list, editing, registrations, shifts, questions, check-in, calendar, conflicts,
iCal and prints.
"""
