"""Printed ride documents (A4 PDFs): run sheets, the call list, the monthly km summary."""
