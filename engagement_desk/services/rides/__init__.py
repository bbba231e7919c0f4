"""Ride service (Fahrdienst): services, standing orders, requests, drivers, week planning."""
