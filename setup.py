"""Build hook: ship the Word templates (top-level ``templates/*.docx``) in the wheel.

Everything else is in pyproject.toml. The templates stay in ``templates/`` in the
repository (edited in Word, rebuilt by ``templates/build.py``); the wheel carries a copy
as package data in ``generator/templates/``, read through :mod:`generator.resources`.
Only the .docx files go in, not the scripts that build them.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithTemplates(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "generator" / "templates"
        self.mkpath(str(target))
        for source in sorted(Path(__file__).resolve().parent.joinpath("templates").glob("*.docx")):
            self.copy_file(str(source), str(target / source.name))


setup(cmdclass={"build_py": BuildWithTemplates})
