"""Zentren & Vereine: editors for centres, organizations, their contacts and opportunities,
matching people to an opportunity, and the follow-up calls of the week."""
