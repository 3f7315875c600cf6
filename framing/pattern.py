"""TextBlob's English lexicons (pattern's tagger and sentiment lexicon), quick to import.

``textblob.en`` and ``textblob._text`` use only the standard library, but importing them the
usual way runs ``textblob/__init__.py`` first, which imports NLTK and with it SciPy: seconds
at every start of the command line, the app and each corpus worker, for nothing we use. Here
the ``textblob`` package is created without running its ``__init__``, which then runs on the
first use of any of its own names (``from textblob import TextBlob`` works as always).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from types import ModuleType


def textblob_en() -> ModuleType:
    """The ``textblob.en`` module (``parser``, ``sentiment``), without importing NLTK."""
    module = sys.modules.get("textblob.en")
    if module is not None:
        return module
    if "textblob" not in sys.modules:
        spec = importlib.util.find_spec("textblob")
        if spec is not None and spec.loader is not None and spec.submodule_search_locations:
            package = importlib.util.module_from_spec(spec)  # __path__ set, __init__ not run

            def complete(name: str):
                # The first use of one of textblob's own names: run its __init__ now.
                del package.__dict__["__getattr__"]
                spec.loader.exec_module(package)
                return getattr(package, name)

            package.__dict__["__getattr__"] = complete
            sys.modules["textblob"] = package
    return importlib.import_module("textblob.en")
