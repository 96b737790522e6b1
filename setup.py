"""The package list, the one setuptools setting pyproject.toml cannot express: the packages
under src/ plus ``boothapp.resources`` and its folders, which are the top-level
resources/ folder mapped into the package by pyproject.toml
(``[tool.setuptools.package-dir]``), so that the wheel carries it as boothapp/resources.
Everything else, the resource files included, is in pyproject.toml."""

from setuptools import find_namespace_packages, setup

NOT_PACKAGES = ["*__pycache__*"]

setup(
    packages=[
        *find_namespace_packages("src", include=["boothapp", "boothapp.*"], exclude=NOT_PACKAGES),
        "boothapp.resources",
        *(
            f"boothapp.resources.{folder}"
            for folder in find_namespace_packages("resources", exclude=NOT_PACKAGES)
        ),
    ]
)
