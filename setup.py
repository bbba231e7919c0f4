"""What pyproject.toml cannot say: ship the top-level resources/ as engagement_desk.resources."""

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages(include=["engagement_desk", "engagement_desk.*"]),
        "engagement_desk.resources",
    ]
)
