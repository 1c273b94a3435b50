"""Reports: the evaluation report, the corpus report and single-record renderings.

``frames.py`` is the only module that imports pandas; everything here imports its
heavy dependencies (pandas, matplotlib) inside the functions that need them.
"""

__all__ = ["write_corpus_report", "render_assessment_html", "render_assessment_markdown",
           "assessments_to_frames", "write_evaluation_report"]


def __getattr__(name: str):
    # Lazy re-exports: `import respassess.report` must not pull in pandas or matplotlib.
    if name == "write_corpus_report":
        from .corpus import write_corpus_report
        return write_corpus_report
    if name in ("render_assessment_html", "render_assessment_markdown"):
        from . import single
        return getattr(single, name)
    if name == "assessments_to_frames":
        from .frames import assessments_to_frames
        return assessments_to_frames
    if name == "write_evaluation_report":
        from .evaluation import write_evaluation_report
        return write_evaluation_report
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
