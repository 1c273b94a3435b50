"""A light BERT mean-pooling sentence encoder in plain torch, without importing ``transformers``.

Importing ``sentence_transformers`` pulls in ``transformers``, which costs several CPU-seconds
before the first sentence is encoded. The bundled all-MiniLM-L6-v2 is a plain BERT encoder
followed by mean pooling and L2 normalisation, so :class:`BertMeanPoolEncoder` reads that
folder's JSON configs, its ``tokenizer.json`` (with the ``tokenizers`` library) and its
``model.safetensors`` directly, and runs the same forward pass. Folders of any other shape
(another architecture, CLS or max pooling, a Dense head, a prompt) are refused with
:class:`~respassess.errors.ModelUnsupportedError`, so
:class:`~respassess.align.embed.SentenceTransformerEmbedder` stays the general fallback.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelNotFoundError, ModelUnsupportedError

#: at most this many tokens (texts x padded length) in one forward pass
_TOKENS_PER_BATCH = 8192

__all__ = ["BertMeanPoolEncoder"]

log = logging.getLogger(__name__)

_TRANSFORMER_MODULE = "sentence_transformers.models.Transformer"
_POOLING_MODULE = "sentence_transformers.models.Pooling"
_NORMALIZE_MODULE = "sentence_transformers.models.Normalize"
_POOLING_MODES = ("pooling_mode_cls_token", "pooling_mode_max_tokens", "pooling_mode_mean_sqrt_len_tokens",
                  "pooling_mode_weightedmean_tokens", "pooling_mode_lasttoken")


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelUnsupportedError(f"cannot read {path.name} in {path.parent}: {exc}") from None


def _module_type(entry: dict) -> str:
    # Newer sentence-transformers releases write "sentence_transformers.sentence_transformer.modules.Pooling"
    # style paths for the same classes; only the class name matters here.
    return str(entry.get("type", "")).rsplit(".", 1)[-1]


class BertMeanPoolEncoder:
    """Encode sentences with a BERT sentence-transformers folder that uses mean pooling.

    Produces the same L2-normalised vectors as ``SentenceTransformer(path).encode(...,
    normalize_embeddings=True)`` (to float32 rounding) while importing only torch,
    ``tokenizers`` and ``safetensors``.

    Args:
        path: a local sentence-transformers folder, or "minilm" for the bundled all-MiniLM-L6-v2.
        max_seq_length: tokens per text, special tokens included; longer texts are truncated.
            Defaults to the folder's ``sentence_bert_config.json`` (256 for MiniLM).
        batch_size: texts per forward pass.
        device: torch device; CPU by default.

    Raises:
        ModelNotFoundError: ``path`` is not a local sentence-transformers folder.
        ModelUnsupportedError: the folder is not a BERT encoder with mean pooling only (use
            :class:`~respassess.align.embed.SentenceTransformerEmbedder` for it).

    Example:
        >>> enc = BertMeanPoolEncoder("minilm")  # doctest: +SKIP
        >>> enc.encode(["The government agrees."]).shape  # doctest: +SKIP
        (1, 384)
    """

    def __init__(self, path: str | os.PathLike = "minilm", *, max_seq_length: int | None = None,
                 batch_size: int = 64, device: str = "cpu") -> None:
        from .embed import _st_model_id, bundled_minilm_path

        self.path = bundled_minilm_path() if str(path) == "minilm" else Path(path)
        if not (self.path / "modules.json").is_file() and not (self.path / "config.json").is_file():
            raise ModelNotFoundError(
                f"`embedder` got {str(path)!r}, which is not a local sentence-transformers folder "
                "(no modules.json or config.json there); pass the folder of a saved model, or 'minilm'"
            )
        self.config = self._check_folder()
        st_config = _read_json(self.path / "sentence_bert_config.json") if (
            self.path / "sentence_bert_config.json").is_file() else {}
        limit = int(self.config.get("max_position_embeddings", 512))
        chosen = max_seq_length if max_seq_length is not None else st_config.get("max_seq_length") or limit
        if not 2 <= int(chosen) <= limit:
            raise ModelUnsupportedError(
                f"`max_seq_length` got {chosen!r}, outside 2..{limit} (the model's max_position_embeddings); "
                "pass a value in that range"
            )
        self.max_seq_length = int(chosen)
        self.batch_size = max(1, int(batch_size))
        self.device = device
        # Vectors match sentence-transformers' to ~1e-7 (tests/align/test_minilm.py pins 1e-5), so
        # both backends share a model_id and therefore the embedding cache.
        self.model_id = _st_model_id(self.path)
        self._tokenizer = None
        self._weights: dict[str, Any] | None = None
        self._lock = threading.Lock()

    def _check_folder(self) -> dict:
        """Refuse anything that is not Transformer(BERT) -> mean Pooling [-> Normalize]; return config.json."""
        where = str(self.path)
        modules_path = self.path / "modules.json"
        if not modules_path.is_file():
            raise ModelUnsupportedError(f"{where} has no modules.json; only sentence-transformers folders are supported")
        modules = _read_json(modules_path)
        kinds = [_module_type(m) for m in modules] if isinstance(modules, list) else []
        if kinds not in (["Transformer", "Pooling"], ["Transformer", "Pooling", "Normalize"]):
            raise ModelUnsupportedError(
                f"{where} has modules {kinds or modules!r}; only Transformer -> Pooling [-> Normalize] is supported"
            )
        if str(modules[0].get("path", "")).strip("/.") != "":
            raise ModelUnsupportedError(f"{where} keeps its Transformer in a subfolder; only a root Transformer is supported")
        config = _read_json(self.path / "config.json") if (self.path / "config.json").is_file() else {}
        arch = config.get("architectures") or ["BertModel"]
        if config.get("model_type") != "bert" or arch not in (["BertModel"], ["BertForMaskedLM"]):
            raise ModelUnsupportedError(
                f"{where} is model_type {config.get('model_type')!r} with architectures {arch!r}; "
                "only BERT (BertModel) is supported"
            )
        if config.get("hidden_act", "gelu") != "gelu" or config.get("position_embedding_type", "absolute") != "absolute":
            raise ModelUnsupportedError(
                f"{where} uses hidden_act {config.get('hidden_act')!r} and position_embedding_type "
                f"{config.get('position_embedding_type')!r}; only 'gelu' and 'absolute' are supported"
            )
        if config.get("hidden_size", 0) % max(1, config.get("num_attention_heads", 0)) != 0:
            raise ModelUnsupportedError(f"{where}: hidden_size is not a multiple of num_attention_heads")
        pool_path = self.path / str(modules[1].get("path", "1_Pooling")) / "config.json"
        pooling = _read_json(pool_path)
        others = [m for m in _POOLING_MODES if pooling.get(m)]
        if not pooling.get("pooling_mode_mean_tokens") or others or pooling.get("include_prompt") is False:
            raise ModelUnsupportedError(
                f"{where} pools with {pooling!r}; only mean pooling (pooling_mode_mean_tokens alone) is supported"
            )
        st_path = self.path / "sentence_bert_config.json"
        if st_path.is_file() and _read_json(st_path).get("do_lower_case"):
            raise ModelUnsupportedError(f"{where} sets do_lower_case in sentence_bert_config.json; not supported")
        cst_path = self.path / "config_sentence_transformers.json"
        if cst_path.is_file():
            cst = _read_json(cst_path)
            if cst.get("default_prompt_name") or cst.get("prompts"):
                raise ModelUnsupportedError(f"{where} declares prompts in {cst_path.name}; not supported")
        for name in ("tokenizer.json", "model.safetensors"):
            if not (self.path / name).is_file():
                raise ModelUnsupportedError(f"{where} has no {name}; only folders with tokenizer.json and "
                                            "model.safetensors are supported")
        return config

    @property
    def dimension(self) -> int:
        """The vector size (the model's hidden size)."""
        return int(self.config["hidden_size"])

    @property
    def model(self) -> dict[str, Any]:
        """The loaded weights, loading them on first use.

        Mirrors ``SentenceTransformerEmbedder.model``, so code that touches ``.model`` to load a
        model eagerly (e.g. batch workers before their first chunk) works with either backend.
        """
        self._load()
        return self._weights

    def _load(self) -> None:
        """Load the tokenizer and the weights once (thread-safe)."""
        if self._weights is not None:
            return
        with self._lock:
            if self._weights is not None:
                return
            from safetensors.torch import load_file
            from tokenizers import Tokenizer

            log.info("loading BERT mean-pooling encoder from %s", self.path)
            tok = Tokenizer.from_file(str(self.path / "tokenizer.json"))
            # tokenizer.json may carry fixed padding/truncation from export; sentence-transformers
            # truncates "longest_first" at max_seq_length and pads per batch, which is done below.
            tok.no_padding()
            tok.enable_truncation(max_length=self.max_seq_length, strategy="longest_first")
            raw = load_file(str(self.path / "model.safetensors"), device="cpu")
            self._tokenizer = tok
            self._weights = self._prepare(raw)

    def _prepare(self, raw: dict) -> dict[str, Any]:
        """Rename checkpoint tensors, fuse Q/K/V per layer, and move them to the device."""
        import torch

        state = {}
        for key, value in raw.items():
            key = key.removeprefix("bert.").removeprefix("model.")
            key = key.replace("LayerNorm.gamma", "LayerNorm.weight").replace("LayerNorm.beta", "LayerNorm.bias")
            state[key] = value.float()

        def take(name: str):
            try:
                return state[name].to(self.device)
            except KeyError:
                raise ModelUnsupportedError(f"{self.path / 'model.safetensors'} has no tensor {name!r}; "
                                            "it is not a BERT checkpoint this loader understands") from None

        weights: dict[str, Any] = {
            "word": take("embeddings.word_embeddings.weight"),
            "pos": take("embeddings.position_embeddings.weight"),
            "type": take("embeddings.token_type_embeddings.weight"),
            "ln": (take("embeddings.LayerNorm.weight"), take("embeddings.LayerNorm.bias")),
            "layers": [],
        }
        for i in range(int(self.config["num_hidden_layers"])):
            p = f"encoder.layer.{i}."
            qkv_w = torch.cat([take(p + f"attention.self.{n}.weight") for n in ("query", "key", "value")])
            qkv_b = torch.cat([take(p + f"attention.self.{n}.bias") for n in ("query", "key", "value")])
            weights["layers"].append({
                "qkv": (qkv_w, qkv_b),
                "out": (take(p + "attention.output.dense.weight"), take(p + "attention.output.dense.bias")),
                "ln1": (take(p + "attention.output.LayerNorm.weight"), take(p + "attention.output.LayerNorm.bias")),
                "ff1": (take(p + "intermediate.dense.weight"), take(p + "intermediate.dense.bias")),
                "ff2": (take(p + "output.dense.weight"), take(p + "output.dense.bias")),
                "ln2": (take(p + "output.LayerNorm.weight"), take(p + "output.LayerNorm.bias")),
            })
        return weights

    def _forward(self, ids, mask):
        """Run BERT on one padded batch and return mean-pooled, L2-normalised vectors."""
        import torch.nn.functional as F

        w = self._weights
        cfg = self.config
        eps = float(cfg.get("layer_norm_eps", 1e-12))
        hidden = int(cfg["hidden_size"])
        heads = int(cfg["num_attention_heads"])
        head_dim = hidden // heads
        batch, length = ids.shape
        # Token type is 0 throughout: sentence-transformers encodes single texts, never pairs.
        x = w["word"][ids] + w["pos"][:length].unsqueeze(0) + w["type"][0]
        x = F.layer_norm(x, (hidden,), *w["ln"], eps)
        # Boolean mask broadcast over heads and query positions: True where a key may be attended.
        attn_mask = mask.bool()[:, None, None, :]
        for layer in w["layers"]:
            qkv = F.linear(x, *layer["qkv"]).view(batch, length, 3, heads, head_dim).permute(2, 0, 3, 1, 4)
            ctx = F.scaled_dot_product_attention(qkv[0], qkv[1], qkv[2], attn_mask=attn_mask)
            ctx = ctx.transpose(1, 2).reshape(batch, length, hidden)
            x = F.layer_norm(x + F.linear(ctx, *layer["out"]), (hidden,), *layer["ln1"], eps)
            ff = F.linear(F.gelu(F.linear(x, *layer["ff1"])), *layer["ff2"])
            x = F.layer_norm(x + ff, (hidden,), *layer["ln2"], eps)
        m = mask.unsqueeze(-1).to(x.dtype)
        pooled = (x * m).sum(dim=1) / m.sum(dim=1).clamp(min=1e-9)
        return F.normalize(pooled, p=2, dim=1)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Encode texts into L2-normalised float32 vectors, one row per text, in input order.

        Texts are sorted by token count so each batch pads only to its own longest text.

        Args:
            texts: the sentences to encode.

        Returns:
            An array of shape ``(len(texts), dimension)``.
        """
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        import torch

        self._load()
        encodings = self._tokenizer.encode_batch([str(t) for t in texts])
        order = sorted(range(len(encodings)), key=lambda i: len(encodings[i].ids), reverse=True)
        out = np.empty((len(texts), self.dimension), dtype=np.float32)
        pad_id = int(self.config.get("pad_token_id", 0) or 0)
        with torch.inference_mode():
            start = 0
            while start < len(order):
                longest = len(encodings[order[start]].ids)
                # Cap tokens per forward pass: a batch of 64 texts of 256 tokens would hold ~200 MB of
                # attention scores, and peak memory would climb with the longest texts a corpus holds.
                size = max(1, min(self.batch_size, _TOKENS_PER_BATCH // max(longest, 1)))
                chunk = order[start:start + size]
                start += size
                ids = np.full((len(chunk), longest), pad_id, dtype=np.int64)
                mask = np.zeros((len(chunk), longest), dtype=np.int64)
                for row, i in enumerate(chunk):
                    n = len(encodings[i].ids)
                    ids[row, :n] = encodings[i].ids
                    mask[row, :n] = 1
                vecs = self._forward(torch.from_numpy(ids).to(self.device), torch.from_numpy(mask).to(self.device))
                out[chunk] = vecs.float().cpu().numpy()
        return out
