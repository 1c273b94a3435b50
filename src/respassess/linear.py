"""The linear-softmax core shared by the stance and ask-label models.

Both are multinomial logistic regressions on standardised features, fitted with
scikit-learn and applied with numpy only; their state is stored as JSON arrays.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Mapping

import numpy as np

from .errors import ModelIntegrityError

__all__ = ["LinearSoftmax", "softmax"]


def softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise softmax, stable for large scores."""
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


class LinearSoftmax:
    """Standardiser + linear class scores; subclasses add fitting, calibration and their features.

    Attributes (after fitting or loading):
        classes_: the labels, in column order.
        coef_, intercept_: the regression on standardised features.
        mean_, scale_: the standardiser.
    """

    #: standardised values are clipped to this many standard deviations (``None``: not clipped). A row far
    #: outside the training range (a feature seen once in training, such as money in an ask's evidence) would
    #: otherwise get a near-certain probability from that one feature.
    clip: float | None = None

    def standardise(self, X: np.ndarray) -> np.ndarray:
        """Feature rows standardised with the fitted mean and scale, clipped to :attr:`clip`."""
        Z = (np.atleast_2d(np.asarray(X, dtype=np.float64)) - self.mean_) / self.scale_
        return Z if self.clip is None else np.clip(Z, -self.clip, self.clip)

    def linear_scores(self, X: np.ndarray) -> np.ndarray:
        """Uncalibrated class scores of feature rows (numpy only)."""
        return self.standardise(X) @ self.coef_.T + self.intercept_

    def linear_state(self) -> dict[str, Any]:
        """The regression and standardiser as JSON-safe arrays (rounded, so refits give the same bytes)."""
        return {"coef": np.round(self.coef_, 8).tolist(), "intercept": np.round(self.intercept_, 8).tolist(),
                "scaler": {"mean": np.round(self.mean_, 8).tolist(), "scale": np.round(self.scale_, 8).tolist()}}

    def set_linear_state(self, data: Mapping[str, Any]) -> None:
        """Restore what :meth:`linear_state` wrote."""
        self.coef_ = np.asarray(data["coef"], dtype=np.float64)
        self.intercept_ = np.asarray(data["intercept"], dtype=np.float64)
        self.mean_ = np.asarray(data["scaler"]["mean"], dtype=np.float64)
        self.scale_ = np.asarray(data["scaler"]["scale"], dtype=np.float64)

    def to_dict(self) -> dict[str, Any]:  # pragma: no cover - each model lays out its own file
        """The fitted state as JSON-safe data (written by :meth:`save`)."""
        raise NotImplementedError

    def save(self, path: str | Path) -> Path:
        """Write the model as JSON (sorted keys, so the same fit gives the same bytes)."""
        from .models import save_json

        return save_json(self.to_dict(), path)

    @staticmethod
    def read_json(path: str | Path, *, what: str, rebuild: str) -> dict[str, Any]:
        """Read a model file, turning unreadable or invalid JSON into a :class:`ModelIntegrityError`."""
        try:
            return json.loads(Path(path).read_text("utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelIntegrityError(f"cannot read {what} {path}: {exc}; rebuild it with {rebuild}") from None
