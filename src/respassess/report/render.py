"""The shared jinja2 environment of the report templates (autoescape always on)."""

from __future__ import annotations

from functools import lru_cache

__all__ = ["environment"]


@lru_cache(maxsize=1)
def environment():
    """Return the jinja2 Environment loading ``report/templates``; every value is HTML-escaped."""
    from pathlib import Path

    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(Path(__file__).resolve().parent / "templates")),
        # Always escape, whatever the template's extension: texts come from documents we do not control.
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
