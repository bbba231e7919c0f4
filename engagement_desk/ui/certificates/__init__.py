"""The Urkunden tab: issue certificates in batches, the register, templates, hours entry."""
