"""Model files: a trained opinion model written as data, never as code.

A model file is a zip archive. ``model.json`` holds the format, what the model was made with
(feature version, scikit-learn version, training data) and the linear model's scalars; the
vocabularies (UTF-8 text, one term a line), the idf weights and the coefficients
(little-endian float64) are members of their own. With the transformer backend,
``transformer.json`` holds its settings and ``transformer.pt`` its fine-tuned weights (a
PyTorch state dict, read with ``weights_only=True``, which loads tensors and nothing else).

Reading a model file runs nothing it holds, unlike a pickle (the format before 2026-12-06,
whose loading ran whatever code the file named), so a model file from anyone can be loaded:
every value is checked for type and size before it is used, and a file that is not a model
file (an old pickle, a damaged download, a zip of something else, a zip bomb) is refused with
one line that says how to retrain. The file is small: the shipped model is about 0.4 MB.
"""

from __future__ import annotations

import io
import json
import math
import sys
import zipfile
from array import array
from pathlib import Path

from .errors import ModelError

FORMAT = "framing-model"
FORMAT_VERSION = 1
MAX_MEMBER_BYTES = 512 * 1024 * 1024  # a member larger than this unpacked is no model of ours
MAX_FILE_BYTES = 1024 * 1024 * 1024
RETRAIN = "retrain it with: python -m framing train --model FILE"
_ANALYZERS = ("word", "char_wb")


def dumps(bundle) -> bytes:
    """A model bundle (``framing.classify.ModelBundle``) as the bytes of a model file."""
    from .classify import compiled

    model = compiled(bundle.model)
    header = {
        "format": FORMAT, "format_version": FORMAT_VERSION,
        "feature_version": bundle.feature_version, "sklearn_version": bundle.sklearn_version,
        "trained_on": bundle.trained_on,
        "intercept": model.intercept_, "calibration": list(model.calibration_),
        "threshold": model.threshold_, "classes": list(model.classes_),
        "cue_weights": model.cue_weights_, "cue_offset": model.cue_offset,
        "cue_columns": list(model.cue_columns),
        "char_ngrams": list(model.char_ngrams) if model.char_ngrams else None,
        "blocks": [], "transformer": bundle.transformer is not None,
    }
    members: dict[str, bytes] = {"coef.f64": _float_bytes(model.coef_)}
    for k, (name, analyzer, vocabulary, idf, ngram_range, offset) in enumerate(model.blocks):
        header["blocks"].append({"name": name, "analyzer": analyzer,
                                 "ngram_range": list(ngram_range), "offset": offset})
        terms = sorted(vocabulary, key=vocabulary.get)
        members[f"terms-{k}.txt"] = "\n".join(terms).encode("utf-8")
        members[f"idf-{k}.f64"] = _float_bytes(idf)
    if bundle.transformer is not None:
        members.update(_transformer_members(bundle.transformer))
    return _zip({"model.json": json.dumps(header, indent=1, sort_keys=True).encode(),
                 **members})


def loads(data: bytes, shown: str):
    """The model bundle in the bytes of a model file; ``shown`` names the file in errors.
    Checks the format, never the versions (the caller says which versions it can use)."""
    from .classify import LinearOpinionModel, ModelBundle

    if data[:1] == b"\x80":
        raise ModelError(f"{shown}: a model file in the old format (a Python pickle, which "
                         f"is no longer read because reading one can run code); {RETRAIN}")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ModelError(f"{shown}: not a framing model file; {RETRAIN}") from None
    with archive:
        if "model.json" not in archive.namelist():
            raise ModelError(f"{shown}: not a framing model file (a zip archive without "
                             f"model.json); {RETRAIN}")
        try:
            header = json.loads(_member(archive, "model.json", shown))
            if not isinstance(header, dict) or header.get("format") != FORMAT:
                raise ModelError(f"{shown}: not a framing model file; {RETRAIN}")
            if header.get("format_version") != FORMAT_VERSION:
                raise ModelError(f"{shown}: a model file of another format version "
                                 f"({header.get('format_version')!r}); {RETRAIN}")
            state = _linear_state(archive, header, shown)
            model = LinearOpinionModel.__new__(LinearOpinionModel)
            model.__setstate__(state)
            if not isinstance(header["transformer"], bool):
                raise ValueError("transformer")
            transformer = _transformer(archive, shown) if header["transformer"] else None
            bundle = ModelBundle(model, _int(header["feature_version"]),
                                 _text(header["sklearn_version"]),
                                 _text(header["trained_on"]), transformer)
        except ModelError:
            raise
        except (KeyError, TypeError, ValueError, IndexError, UnicodeDecodeError,
                zipfile.BadZipFile, OSError, EOFError) as error:
            reason = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
            raise ModelError(f"{shown}: a damaged framing model file ({reason[:120]}); "
                             f"{RETRAIN}") from None
    return bundle


def _linear_state(archive: zipfile.ZipFile, header: dict, shown: str) -> dict:
    """The state ``LinearOpinionModel.__setstate__`` reads, every value checked."""
    coef = _floats(_member(archive, "coef.f64", shown))
    blocks, offset = [], 0
    for k, block in enumerate(header["blocks"]):
        analyzer = block["analyzer"]
        if analyzer not in _ANALYZERS:
            raise ValueError(f"unknown analyzer {analyzer!r}")
        low, high = _ngram_range(block["ngram_range"])
        terms = _member(archive, f"terms-{k}.txt", shown).decode("utf-8")
        if not terms:
            raise ValueError(f"block {k} has no vocabulary")
        count = len(terms.split("\n"))
        idf = _floats(_member(archive, f"idf-{k}.f64", shown))
        if len(idf) != count or _int(block["offset"]) != offset:
            raise ValueError(f"block {k} does not fit its vocabulary")
        blocks.append((_text(block["name"]), analyzer, terms, idf, (low, high), offset))
        offset += count
    cue_columns = tuple(_text(c) for c in header["cue_columns"])
    if _int(header["cue_offset"]) != offset or offset + len(cue_columns) != len(coef):
        raise ValueError("the coefficients do not fit the features")
    calibration = tuple(_number(v) for v in header["calibration"])
    if len(calibration) != 2:
        raise ValueError("calibration")
    char_ngrams = header["char_ngrams"]
    state = {
        "blocks": blocks, "cue_offset": offset, "cue_columns": cue_columns, "coef_": coef,
        "intercept_": _number(header["intercept"]), "calibration_": calibration,
        "threshold_": _threshold(header["threshold"]),
        "classes_": _classes(header["classes"]),
        "cue_weights_": {_text(k): _number(v) for k, v in header["cue_weights"].items()},
        "char_ngrams": _ngram_range(char_ngrams) if char_ngrams else None,
    }
    return state


def _ngram_range(value) -> tuple[int, int]:
    """An n-gram range of lengths 1 to 10 (``[1, 2]``: words and word pairs); a wider one is
    no model of ours ("[1, 1000000000]" made each word's explanation count to a billion)."""
    low, high = (_int(n) for n in value)
    if not 1 <= low <= high <= 10:
        raise ValueError(f"n-gram range {low}..{high}")
    return low, high


def _threshold(value) -> float:
    """The opinion threshold, a probability: -1.0 labeled every sentence opinion, 5.0 none."""
    threshold = _number(value)
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold {threshold} is not between 0 and 1")
    return threshold


def _classes(value) -> tuple[str, ...]:
    """The model's two labels, ("opinion", "reporting") as training sorts them."""
    from .classify import OPINION, REPORTING

    classes = tuple(_text(c) for c in value)
    if sorted(classes) != [OPINION, REPORTING]:
        raise ValueError(f"classes {list(classes)!r} are not ['opinion', 'reporting']")
    return classes


def _transformer(archive: zipfile.ZipFile, shown: str):
    from .transformer import TransformerOpinion

    settings = json.loads(_member(archive, "transformer.json", shown))
    if not isinstance(settings, dict):
        raise ValueError("transformer settings")
    return TransformerOpinion.from_data(settings, _member(archive, "transformer.pt", shown))


def _transformer_members(transformer) -> dict[str, bytes]:
    settings, weights = transformer.to_data()
    return {"transformer.json": json.dumps(settings).encode(), "transformer.pt": weights}


def _zip(members: dict[str, bytes]) -> bytes:
    """The members as a zip archive; dated 1980-01-01, so that the same model is the same
    bytes (a file's time is in the file system)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def transformer_dumps(transformer) -> bytes:
    """The transformer backend alone, as the shipped model's cache keeps it."""
    return _zip(_transformer_members(transformer))


def read_transformer(path: str | Path):
    """The transformer backend a cache file written by ``transformer_dumps`` holds."""
    shown = str(path)
    try:
        with zipfile.ZipFile(path) as archive:
            return _transformer(archive, shown)
    except ModelError:
        raise
    except (KeyError, TypeError, ValueError, zipfile.BadZipFile, OSError, EOFError) as error:
        raise ModelError(f"{shown}: a damaged model cache file ({type(error).__name__})"
                         ) from None


def _member(archive: zipfile.ZipFile, name: str, shown: str) -> bytes:
    """A member's bytes, refused before reading when it would unpack beyond the limit."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        raise ValueError(f"no {name} in the archive") from None
    if info.file_size > MAX_MEMBER_BYTES:
        raise ModelError(f"{shown}: {name} would unpack to {info.file_size:,} bytes, more "
                         "than any framing model holds; not a framing model file")
    with archive.open(info) as fh:
        data = fh.read(MAX_MEMBER_BYTES + 1)
    if len(data) > MAX_MEMBER_BYTES:
        raise ModelError(f"{shown}: {name} is larger than any framing model holds")
    return data


def _float_bytes(values) -> bytes:
    numbers = array("d", values)
    if sys.byteorder != "little":
        numbers.byteswap()
    return numbers.tobytes()


def _floats(data: bytes) -> array:
    if len(data) % 8:
        raise ValueError("an array of float64 of a broken length")
    numbers = array("d")
    numbers.frombytes(data)
    if sys.byteorder != "little":
        numbers.byteswap()
    if not all(map(math.isfinite, numbers)):
        raise ValueError("a weight that is not a finite number")
    return numbers


def _number(value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) \
            or not math.isfinite(value):
        raise ValueError(f"{value!r} is not a number")
    return float(value)


def _int(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{value!r} is not a whole number")
    return value


def _text(value) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{value!r} is not text")
    return value


def is_model_file(path: str | Path) -> bool:
    """Whether the file at ``path`` is a framing model file: a zip archive whose model.json
    names the format, of any version and even damaged (retraining replaces it); an article,
    a CSV or another zip archive is not."""
    try:
        with zipfile.ZipFile(path) as archive:
            header = json.loads(_member(archive, "model.json", str(path)))
    except (ModelError, ValueError, KeyError, zipfile.BadZipFile, OSError, EOFError):
        return False  # (json's and UTF-8's errors are ValueErrors)
    return isinstance(header, dict) and header.get("format") == FORMAT


def read(path: str | Path):
    """The model bundle in a model file (format checked; versions are the caller's)."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        from .errors import os_reason

        raise ModelError(f"{path}: cannot read the model file ({os_reason(error)})") from None
    if len(data) > MAX_FILE_BYTES:
        raise ModelError(f"{path}: larger than any framing model file; not a model file")
    return loads(data, str(path))
