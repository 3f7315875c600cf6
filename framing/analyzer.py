"""The Analyzer: loads lexicons and models once, then analyzes many articles."""

from __future__ import annotations

import contextlib
import copy
import hashlib
import inspect
import os
import sys
import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from pathlib import Path

from .actors import ActorFinder
from .classify import (
    OPINION,
    CueExtractor,
    LinearOpinionModel,
    ModelBundle,
    SentenceInput,
    build_rows,
    cache_dir,
    compiled,
    explain,
    fingerprint,
    load_model,
    make_score,
    mask_quotes,
    read_labeled,
    save_model,
    shipped_training_files,
)
from .errors import EmptyInputError, InputFileError, LexiconError, ModelError, shown_path
from .frames import FrameFinder, distribution
from .ingest import (
    article_from_text,
    check_english,
    checked_article,
    dated_article,
    load_article,
    names_a_file,
)
from .lexicon import (
    LEXICON_DIR,
    NAME_CATEGORIES,
    LexiconText,
    Match,
    lexicons_digest,
    load_lexicon,
    mostly_capitalized,
    single_word_forms,
    tag_in_context,
    tokens,
)
from .lexicon import (
    TOKEN as WORD,
)
from .metrics import compute_metrics, read_score_parts, reading_ease
from .names import DATA_DIR, DAYS_MONTHS, NameRuns, Names
from .report import (
    Article,
    ArticleReport,
    Quote,
    Sentence,
    SentenceScore,
    TermHit,
)
from .segment import Segmenter, paragraphs
from .voice import (
    SPEECH_CATEGORIES,
    QuoteIndex,
    VoiceFinder,
    modifies_a_noun,
    names_a_thing,
    takes_a_thing,
)

# The opinion classifier: the lexical model alone, or averaged with a fine-tuned language model.
BACKENDS = ("lexical", "transformer")
# What analyze takes with a text: article_from_text's keywords, read from it (one list)
_TEXT_OPTIONS = frozenset(inspect.signature(article_from_text).parameters) - {"text"}

# A text that makes the libraries load what they load on first use (see Analyzer.__init__).
WARM_UP = "Dr. Smith arrived at 5 p.m. on Jan. 3, 2024, said officials in Zorvik. They left."

# Categories that are matched for voice detection but are not framing cues in themselves.
SILENT_CATEGORIES = frozenset({"neutral_attribution"})


@dataclass(frozen=True)
class TextResult:
    """The verdict on one classified text and the terms found in it."""

    score: SentenceScore
    hits: tuple[TermHit, ...]


class Analyzer:
    """Holds the segmenter, lexicons and classifier; share one across articles.

    Parameters
    ----------
    lexicons : extra lexicon CSV files that add to or override the shipped entries; their
        ``place`` and ``organization`` rows name places and organizations the gazetteer lacks,
        ``person`` rows a person's other names.
    model : a model file written by ``python -m framing train``; by default the shipped model,
        trained from ``corpus/labeled`` at first use and cached on disk.
    backend : "lexical" (the default) or "transformer": the lexical model averaged with a
        fine-tuned language model (``framing.transformer``; needs
        ``pip install -r requirements-embeddings.txt``). It decides what the shipped model and
        ``train`` make; a model file brings its own backend.

    One Analyzer may be shared by threads. It pickles (to send to ``multiprocessing`` or
    ``concurrent.futures`` workers) and deep-copies as its lexicons, model and backend: the
    copy is built again from them, model included, and gives the same results.
    """

    def __init__(
        self,
        lexicons: list[str | Path | LexiconText] | tuple[str | Path | LexiconText, ...] = (),
        model: str | Path | ModelBundle | None = None,
        backend: str = "lexical",
    ) -> None:
        if backend not in BACKENDS:
            raise ModelError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
        if backend == "transformer":
            from .transformer import missing

            if reason := missing():
                raise ModelError(reason)
        self.backend = backend
        self._shipped_names = Names()
        self._set_lexicons(lexicons)
        self.cues = CueExtractor()
        self.frames = FrameFinder()
        self._score_parts = read_score_parts()
        # What the libraries load on first use is loaded here, once: not inside the first
        # article, and never by two of the app's threads at once (pattern's lazy lexicons are
        # not safe to fill from two threads).
        tag_in_context([(0, 3, "The"), (4, 11, "zorblax"), (12, 15, "ran")], 1)
        reading_ease(WARM_UP)  # textstat, the syllable table and Pyphen's hyphenation
        self.segmenter.segment(Article(WARM_UP))  # pysbd's regular expressions, compiled
        if model is not None and not isinstance(model, (str, os.PathLike, ModelBundle)):
            raise TypeError(f"model is a model file's path (or None for the shipped model), "
                            f"not {type(model).__name__}")
        if isinstance(model, ModelBundle):
            self._bundle: ModelBundle | None = model
        elif model is not None:
            self._bundle = load_model(model)
        else:
            self._bundle = None  # the shipped model, trained or read from the cache on first use
        self._predictor = None  # (the bundle's model, its LinearOpinionModel)
        if self._bundle is not None and backend == "transformer" and not self._bundle.transformer:
            raise ModelError("this model file was trained without the transformer backend; "
                             "retrain it with: python -m framing train --backend transformer")

    def __reduce__(self):
        # Pickled (for multiprocessing) and deep-copied as what builds it: the lexicons, the
        # model and the backend; the libraries' objects it holds (pattern's, pysbd's) do not
        # pickle. The model travels with it, so a process that unpickles one never trains.
        return (type(self), (self.lexicon_files, self.bundle, self.backend))

    def __copy__(self) -> Analyzer:
        # A shallow copy shares everything (``with_lexicons`` replaces the lexicon parts).
        other = object.__new__(type(self))
        other.__dict__.update(self.__dict__)
        return other

    def _set_lexicons(self, lexicons) -> None:
        """The parts that depend on the lexicons: the shipped ones plus ``lexicons``."""
        if isinstance(lexicons, (str, Path, LexiconText)):
            lexicons = [lexicons]  # one lexicon given alone, not in a list
        if lexicons is None or any(not isinstance(p, (str, Path, LexiconText))
                                   for p in lexicons):
            raise LexiconError("lexicons: give a list of lexicon CSV paths (or LexiconText)")
        self.lexicon_files = tuple(p if isinstance(p, LexiconText) else Path(p) for p in lexicons)
        lexicon = load_lexicon(self.lexicon_files)
        named = [(e.term, e.category, e.forms) for e in lexicon.entries
                 if e.category in NAME_CATEGORIES]
        self.lexicon = lexicon.subset(lexicon.categories() - NAME_CATEGORIES)
        self.names = self._shipped_names.with_names(named)
        self.actors = ActorFinder(self.names)
        self.terms = self.lexicon.subset(self.lexicon.categories() - SILENT_CATEGORIES)
        self.segmenter = Segmenter(say_forms=single_word_forms(
            self.lexicon.subset(SPEECH_CATEGORIES)))
        self.voices = VoiceFinder(self.lexicon, self.names)
        # Verbs of saying with a connotation, by lemma, for hits at attribution cues.
        self._connoted = {e.term: e for e in self.lexicon.entries
                          if e.category == "attribution_verb"}

    def with_lexicons(self, lexicons: list[str | Path | LexiconText]
                      | tuple[str | Path | LexiconText, ...]) -> Analyzer:
        """This Analyzer with other extra lexicon files (the shipped ones plus ``lexicons``):
        the result equals ``Analyzer(lexicons, model=...)`` with this one's model, but shares
        everything that does not depend on the lexicons (the model, names, cues, frames,
        actors, the libraries already warmed up), so it costs reading the lexicons, not a
        whole build."""
        _ = self.model  # loaded first, so that both share it
        other = copy.copy(self)
        other._set_lexicons(lexicons)
        return other

    # -- the model

    @property
    def model(self) -> LinearOpinionModel:
        """The opinion model as prediction uses it (the shipped one is loaded on first use)."""
        if self._bundle is None:
            self._bundle = self._shipped_model()
        if self._predictor is None or self._predictor[0] is not self._bundle.model:
            self._predictor = (self._bundle.model, compiled(self._bundle.model))
        return self._predictor[1]

    @property
    def bundle(self) -> ModelBundle:
        """The model with what it was made with (the shipped one is loaded on first use)."""
        _ = self.model
        return self._bundle

    def _fingerprint(self) -> str:
        inputs = [*shipped_training_files(), *sorted(LEXICON_DIR.glob("*.csv")),
                  *sorted(DATA_DIR.glob("*.csv"))]
        return fingerprint(inputs)

    def _shipped_model(self) -> ModelBundle:
        key = self._fingerprint()
        folder = cache_dir()
        cached = folder / f"opinion-{key}.model" if folder else None
        bundle = None
        if cached is not None and cached.exists():
            with contextlib.suppress(ModelError):  # a damaged cache file: train again
                bundle = load_model(cached)
        if bundle is None:
            texts, labels = read_labeled(shipped_training_files())
            # The shipped model learns with the shipped lexicons only; a user's lexicon changes
            # which cues fire at prediction time, not what the model learned.
            trainer = Analyzer() if self.lexicon_files else self
            bundle = trainer._train_lexical(texts, labels, f"shipped corpus {key}")
            # Cached and used in the form prediction needs: small, and quick to read.
            bundle = replace(bundle, model=compiled(bundle.model))
            if cached is not None:
                with contextlib.suppress(OSError, ModelError):  # no cache: train next time
                    save_model(bundle, cached)
        if self.backend == "lexical":
            return bundle
        return replace(bundle, transformer=self._shipped_transformer(folder))

    @staticmethod
    def _shipped_transformer(folder: Path | None):
        """The language model fine-tuned on the shipped corpus, cached apart from the lexical
        model: it is trained again only when the sentences, its code or its libraries change."""
        from . import transformer

        digest = hashlib.sha256(Path(transformer.__file__).read_bytes())
        digest.update(transformer.versions().encode())
        for path in shipped_training_files():
            digest.update(path.name.encode() + path.read_bytes())
        cached = folder / f"transformer-{digest.hexdigest()[:20]}.model" if folder else None
        language = transformer.load_cached(cached)
        if language is None:
            texts, labels = read_labeled(shipped_training_files())
            print(f"framing: fine-tuning the transformer backend on {len(texts)} sentences "
                  "(once; about ten minutes on two cores; cached afterwards)", file=sys.stderr)
            language = transformer.TransformerOpinion().fit(texts, labels)
            if cached is not None:
                from .modelfile import transformer_dumps
                from .outfile import write_file

                with contextlib.suppress(OSError, ModelError):
                    write_file(cached, transformer_dumps(language), error=ModelError)
        return language

    def train(self, texts: list[str], labels: list[str], trained_on: str = "",
              **params) -> ModelBundle:
        """Train an opinion classifier on labeled sentences (each classified as one unit); with
        the transformer backend, the language model is fine-tuned on them too."""
        bundle = self._train_lexical(texts, labels, trained_on, **params)
        if self.backend == "transformer":
            from .transformer import TransformerOpinion

            bundle = replace(bundle, transformer=TransformerOpinion().fit(texts, labels))
        return bundle

    def _train_lexical(self, texts: list[str], labels: list[str], trained_on: str = "",
                       **params) -> ModelBundle:
        from .classify import FEATURE_VERSION, build_frame, sklearn_version
        from .learn import OpinionClassifier

        items = [self._text_input(text)[0] for text in texts]
        frame, _ = build_frame(items, self.cues)
        model = OpinionClassifier(**params).fit(frame, labels)
        return ModelBundle(model, FEATURE_VERSION, sklearn_version(), trained_on)

    def _score(self, items: list[SentenceInput], sentences, explained: bool = True,
               texts: list[str] | None = None) -> list[SentenceScore]:
        """Scores for prepared sentences; ``texts`` are the whole sentences, which only the
        transformer backend reads (by default each item's own words)."""
        if not items:
            return []
        model, bundle = self.model, self._bundle
        words, values, evidence = build_rows(items, self.cues)
        lexical, contributions = model.score(words, values)
        probabilities, language = bundle.combine(
            lexical, texts if texts is not None else [item.author_text for item in items])
        scores = []
        threshold = bundle.threshold
        for row, (sentence, probability) in enumerate(zip(sentences, probabilities)):
            label = OPINION if probability >= threshold else "reporting"
            cues = explain(model, contributions[row], evidence[row], words[row],
                           label) if explained else ()
            if explained and language is not None and (language[row] >= 0.5) == (label == OPINION):
                cues = (f"language model: {language[row]:.2f}", *cues[:5])
            scores.append(make_score(sentence, probability, threshold, cues))
        return scores

    # -- analysis

    def analyze(self, source: Article | str, **meta: str) -> ArticleReport:
        """Analyze one article.

        Parameters
        ----------
        source : the article's text (a ``title: …`` header and a ``---`` line may open it),
            or an Article (``load_article`` reads one from a file or URL; ``load`` reads and
            analyzes in one step). A file name or URL given as the text is refused.
        meta : for a text, ``title``, ``outlet``, ``url``, ``published`` or ``id`` (strings).

        Returns an ArticleReport. Raises a ``FramingError`` for an empty text, one that is
        not English or over the size limit, or something that is not a text.
        """
        if isinstance(source, Path) or (isinstance(source, str) and names_a_file(source)):
            raise InputFileError(f"{shown_path(source)}: analyze takes an Article or text; "
                                 "read a file with load_article(path) first")
        if isinstance(source, Article) and meta:
            raise TypeError(f"{', '.join(meta)}: these options go with a text; an Article "
                            "carries its own (dataclasses.replace(article, title=...))")
        unknown = sorted(set(meta) - _TEXT_OPTIONS)
        if unknown:  # (article_from_text's own message named it, not analyze)
            raise TypeError(f"analyze() got an unexpected keyword argument {unknown[0]!r}; "
                            f"the options are {', '.join(sorted(_TEXT_OPTIONS))}")
        # (a text is checked as it becomes an Article; one given is checked as given)
        article = checked_article(source) if isinstance(source, Article) else \
            article_from_text(source, **meta)
        article = dated_article(article)  # (a date as the store keeps it; none, said so)
        if not article.text.strip():
            raise EmptyInputError("no text to analyze: the article is empty")
        check_english(article)
        text = article.text
        sentences = self.segmenter.segment(article)
        if not any(s.kind == "body" for s in sentences):
            # (figures of no body text would be made up: a reading ease of 0, "few sources")
            if all(s.kind == "link" for s in sentences):
                raise EmptyInputError("no body text to analyze: the article has only link "
                                      "lines")
            # a headline alone, or lines read as captions or a byline: the body, said so
            kinds = sorted({_KIND_NAMES.get(s.kind, s.kind) for s in sentences
                            if s.kind in _READ_AS_BODY})
            sentences = tuple(replace(s, kind="body") if s.kind in _READ_AS_BODY else s
                              for s in sentences)
            article = replace(article, warnings=(*article.warnings, (
                f"no body text but {' and '.join(kinds)}: read as the body")))
        name_runs = NameRuns(self.names, text, sentences)  # (read by voice and actors both)
        voiced = self.voices.assign(text, sentences, paragraphs(text), name_runs)
        quotes = voiced.quotes
        # each sentence's tokens, read by the term lexicon and the frame lexicon both
        toks_of = [tokens(text, s.start, s.end) for s in voiced.sentences]
        hits = (self._hits(text, voiced.sentences, quotes, voiced.attributions, toks_of)
                + voiced.scare_hits)
        hits = tuple(sorted(hits, key=lambda h: (h.start, h.end)))
        real = QuoteIndex.of_speech(quotes)
        by_sentence: dict[int, list[TermHit]] = {}
        for hit in hits:
            by_sentence.setdefault(hit.sentence, []).append(hit)
        items = []
        for s in voiced.sentences:
            reported = reported_words(s, voiced.attributions)
            items.append(SentenceInput(
                mask_quotes(text, s.start, s.end, real, reported), s.voice, s.speaker,
                real.share(text, s.start, s.end), outside(by_sentence.get(s.index, ()), reported),
            ))
        scores = self._score(items, voiced.sentences,
                             texts=[text[s.start:s.end] for s in voiced.sentences])
        scores = self._reported_opinions(text, scores, real, voiced.attributions, by_sentence)
        frames = tuple(self.frames.frame(text, s.index, s.start, s.end, toks)
                       for s, toks in zip(voiced.sentences, toks_of))
        tones, author_words = {}, {}
        for s, item in zip(voiced.sentences, items):
            words = [w.lower() for w in WORD.findall(item.author_text)]
            author_words[s.index] = len(words)
            if s.voice == "author" or words:
                tones[s.index] = self.cues.sentiment(words)[0] if words else 0.0
        actors = self.actors.find(text, voiced.sentences, quotes, hits, voiced.attributions,
                                  {i: t for i, t in tones.items()
                                   if voiced.sentences[i].kind != "byline"},
                                  frozenset(self._connoted), article.outlet, name_runs)
        body_frames = [f for f, s in zip(frames, voiced.sentences) if s.kind == "body"]
        report = ArticleReport(
            article, tuple(scores), hits, quotes, frames=frames,
            frame_shares=tuple(distribution(body_frames).items()), actors=actors,
            opinion_threshold=self.bundle.threshold,
        )
        metrics, parts, counts = compute_metrics(
            report, attributions=voiced.attributions, tones=tones, author_words=author_words,
            connoted=set(self._connoted), score_parts=self._score_parts,
        )
        return replace(report, metrics=metrics, score_parts=parts, counts=counts)

    def _reported_opinions(self, text, scores, real, attributions, by_sentence):
        """For quoted and attributed sentences, whether the reported words themselves are
        opinion: the source's view, classified as if the source were writing."""
        picked, items = [], []
        for i, score in enumerate(scores):
            s = score.sentence
            if s.voice == "author":
                continue
            if s.voice == "quoted":
                spans = [(max(q.start, s.start), min(q.end, s.end))
                         for q in real.within(s.start, s.end)]
            else:
                spans = [(a.content_start, a.content_end)
                         for a in attributions.get(s.index, ())
                         if not a.subordinate and a.content_start >= 0]
            spans = _union(spans)
            words = " ".join(text[a:b] for a, b in spans).strip(" “”\"‘’',.")
            if not WORD.search(words):
                continue
            hits = tuple(replace(h, voice="author") for h in by_sentence.get(s.index, ())
                         if any(a <= h.start < b for a, b in spans))
            picked.append(i)
            items.append(SentenceInput(words, "author", "", 0.0, hits))
        if not items:
            return scores
        verdicts = self._score(items, [scores[i].sentence for i in picked], explained=False)
        scores = list(scores)
        for i, verdict in zip(picked, verdicts):
            scores[i] = replace(scores[i], reported_opinion=verdict.label == OPINION)
        return scores

    def _text_input(self, text: str) -> tuple[SentenceInput, Sentence, tuple[TermHit, ...]]:
        if not isinstance(text, str):
            raise EmptyInputError(f"expected a text to classify as a string, got "
                                  f"{type(text).__name__}")
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        if start >= end:
            raise EmptyInputError("no text to classify: the text is empty")
        sentence = Sentence(0, start, end, 0)
        voiced = self.voices.assign(text, (sentence,), [(start, end)])
        sentence = voiced.sentences[0]
        real = QuoteIndex.of_speech(voiced.quotes)
        hits = tuple(sorted(self._hits(text, voiced.sentences, voiced.quotes,
                                       voiced.attributions) + voiced.scare_hits,
                            key=lambda h: (h.start, h.end)))
        reported = reported_words(sentence, voiced.attributions)
        item = SentenceInput(mask_quotes(text, start, end, real, reported), sentence.voice,
                             sentence.speaker, real.share(text, start, end),
                             outside(hits, reported))
        return item, sentence, hits

    def classify_texts(self, texts: list[str], explained: bool = True) -> list[TextResult]:
        """Classify short texts, each as a single unit (no segmentation), in one batch.

        With ``explained=False`` the cues are left empty, which is faster.
        """
        if isinstance(texts, str):
            raise TypeError("classify_texts takes a list of texts, not one string; for one "
                            "text use classify_text")
        texts = list(texts)  # read twice below: a generator or a Series is read once here
        prepared = [self._text_input(text) for text in texts]
        scores = self._score([p[0] for p in prepared], [p[1] for p in prepared], explained,
                             texts=[t.strip() for t in texts])
        return [TextResult(score, p[2]) for score, p in zip(scores, prepared)]

    def classify_text(self, text: str) -> TextResult:
        """Classify one sentence (or short passage) as a single unit, without segmenting it."""
        return self.classify_texts([text])[0]

    def load(self, source: str | Path, *, allow_private_hosts: bool = False,
             **meta: str) -> ArticleReport:
        """Read a path or URL and analyze it (``allow_private_hosts``: see ``load_article``)."""
        return self.analyze(load_article(source, allow_private_hosts=allow_private_hosts,
                                         **meta))

    def _hits(
        self, text: str, sentences: tuple[Sentence, ...], quotes: tuple[Quote, ...],
        attributions: dict, toks_of: list[list[tuple[int, int, str]]] | None = None,
    ) -> tuple[TermHit, ...]:
        """Lexicon hits, each with the voice it belongs to (``toks_of``: each sentence's
        ``tokens``, when the caller has them).

        A hit inside a direct quotation is the speaker's (``quoted``); inside the reported words
        of an attribution it is ``attributed`` to the source; anywhere else, including the verb
        of saying the writer chose, it is the author's. A verb of saying with a connotation is
        a hit where the lexicon finds it as a verb, or where voice detection found it
        introducing reported speech ("Officials claim the scheme works").
        """
        hits = []
        real = QuoteIndex.of_speech(quotes)
        for k, s in enumerate(sentences):
            toks = toks_of[k] if toks_of is not None else tokens(text, s.start, s.end)
            found = self.terms.match(text, s.start, s.end, toks=toks, tags=tag_in_context)
            index_of = None  # token number by start, built once for the sentence if needed
            if any(m.entry.category == "attribution_verb" for m in found):
                index_of = _token_index(toks)
                found = self._speech_verbs_only(text, toks, found, index_of)
            reported = [a for a in attributions.get(s.index, ()) if not a.subordinate]
            covered = {m.start for m in found}
            for a in reported:
                entry = self._connoted.get(a.cue)
                if entry is not None and a.start not in covered:
                    found.append(Match(a.start, a.end, text[a.start:a.end], entry))
            in_names = self._inside_names(text, toks, found, index_of)
            for m in found:
                if m.start in in_names:
                    continue  # "The Daily Beast reported", "the Black Beast narrative"
                quote = real.at(m.start)
                source = next((a for a in reported
                               if a.content_start <= m.start < a.content_end), None)
                if quote is not None:
                    voice, speaker = "quoted", quote.speaker
                elif source is not None and s.voice != "author":
                    voice, speaker = "attributed", source.speaker
                else:
                    voice, speaker = "author", ""
                e = m.entry
                hits.append(TermHit(m.start, m.end, m.surface, e.term, e.category, e.explanation,
                                    e.alternative, voice, speaker, s.index, m.negated,
                                    e.strength))
        return tuple(sorted(hits, key=lambda h: (h.start, h.end)))

    @staticmethod
    def _speech_verbs_only(text: str, toks: list[tuple[int, int, str]],
                           found: list[Match], index_of: dict[int, int]) -> list[Match]:
        """The matches without the forms of verbs of saying that say nothing: a participle
        that modifies a noun ("his alleged role", "the leaked memo": careful reporting, not a
        verdict on a speaker), a name given to a thing ("a box labeled “fragile”"), a verb
        with an object that is not speech, by its lexicon row
        ("claimed victory", "claimed responsibility"), and a verb of manner whose row says it
        reports speech only with what was said (``complement`` speech: "people screaming and
        running"; "screamed that …" is added back from the attribution voice detection found)."""
        kept = []
        for m in found:
            k = index_of.get(m.start, -1)
            if m.entry.category == "attribution_verb" and (m.entry.complement == "speech" or (
                    k >= 0 and (modifies_a_noun(text, toks, k)
                                or takes_a_thing(m.entry, [t[2] for t in toks[k + 1:k + 4]])
                                or names_a_thing(text, toks, k, m.entry.term)))):
                continue  # (a verb of manner counts where voice finds it reporting words)
            kept.append(m)
        return kept

    def _inside_names(self, text: str, toks: list[tuple[int, int, str]],
                      found: list[Match], index_of: dict[int, int] | None = None) -> set[int]:
        """The starts of the hits that are the later part of a capitalized name: a capital
        letter right after a capitalized word that does not open the sentence ("The Daily
        Beast", "Rachel Crooks"); a capitalized noun right before a capitalized word, a first
        name ("Patsy Cline"); a month ("In May", "May 15"). An adjective that starts a name
        ("Crooked Hillary"), a word whose capital only opens the sentence, a capitalized
        epithet after a title, a place or another hit ("Mayor Moron", "the Corrupt Mainstream
        Media"), and any word of a line in Title Case or capitals (a headline, where capitals
        mark nothing) stay hits."""
        # a term whose neutral alternative is a name is a name itself ("Donald Drumpf")
        capital = [m for m in found if text[m.start:m.start + 1].isupper()
                   and not m.entry.alternative[:1].isupper()]
        if not capital or mostly_capitalized(text, toks):
            return set()
        if index_of is None:
            index_of = _token_index(toks)
        hit_words = _words_in(toks, found)
        inside = set()
        for m in capital:
            k = index_of.get(m.start, -1)
            if k < 0:
                continue
            following = toks[k + 1] if k + 1 < len(toks) else None
            if toks[k][2] in DAYS_MONTHS and (k >= 1 or (
                    following is not None and following[2][:1].isdigit())):
                inside.add(m.start)  # "In May, …", "May 15": the month, not the hedge
                continue
            if (k >= 1 and m.entry.pos == "noun" and m.end == toks[k][1]
                    and following is not None and text[following[0]:following[0] + 1].isupper()
                    and text[m.end:following[0]] == " " and following[0] not in hit_words):
                inside.add(m.start)  # "Patsy Cline": a first name, not the label "patsy"
                continue
            if k < 2:
                continue
            prev_start, prev_end, _ = toks[k - 1]
            if (text[prev_start:prev_start + 1].isupper() and text[prev_end:m.start] in (" ", "-")
                    and prev_start not in hit_words
                    and not self.names.is_title_word(text[prev_start:prev_end])
                    and not (m.surface.isupper() and text[prev_start:prev_end].isupper())):
                inside.add(m.start)  # (a run of capitals is a shouted kicker: "BABY UNIT AXED")
        return inside


def _token_index(toks: list[tuple[int, int, str]]) -> dict[int, int]:
    """Each token's number by its start offset."""
    return {t[0]: i for i, t in enumerate(toks)}


def _words_in(toks: list[tuple[int, int, str]], found: list[Match]) -> set[int]:
    """The starts of the tokens that some match covers (one pass over both, in order)."""
    covered, i = set(), 0
    for m in sorted(found, key=lambda m: m.start):
        while i < len(toks) and toks[i][0] < m.start:
            i += 1
        j = i
        while j < len(toks) and toks[j][0] < m.end:
            covered.add(toks[j][0])
            j += 1
    return covered


def reported_words(sentence: Sentence, attributions) -> tuple[tuple[int, int], ...]:
    """The spans of an attributed sentence that carry someone else's words (paraphrased), which
    the classifier leaves out so that it judges only the author's framing."""
    if sentence.voice != "attributed":
        return ()
    spans = []
    for a in attributions.get(sentence.index, ()):
        if a.subordinate or a.content_start < 0:
            continue
        if a.postposed or (a.cue == "according to" and a.start > sentence.start + 1):
            # "…, officials said." / "… according to Kyiv.": the sentence before the cue is
            # what the source says, framing and all; the loaded words in it stay flagged.
            spans.append((sentence.start, a.start))
        else:
            spans.append((a.content_start, a.content_end))
        spans.append((a.start, a.end))  # the verb of saying: a loaded term, not a stance
    return tuple(spans)


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans joined into one, in order, so that no words are taken twice: two
    attributions in one sentence ("X said … and Y said …") both reach its end."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def outside(hits, spans: tuple[tuple[int, int], ...]) -> tuple[TermHit, ...]:
    """The hits that do not fall inside any of the spans."""
    return tuple(h for h in hits if not any(lo <= h.start < hi for lo, hi in spans))


# what a line that is no body text is, in a message; those read as the body of an article
# that has no other
_KIND_NAMES = {"headline": "a headline", "byline": "a byline", "caption": "captions"}
_READ_AS_BODY = frozenset(_KIND_NAMES)


class AnalyzerPool:
    """Analyzers for lexicons given as text (the app's uploads), built on first use and kept
    for reuse, at most ``size`` of them: the least recently used is dropped, so memory stays
    bounded however many different lexicons arrive. All share the shipped Analyzer's model
    (a user's lexicon changes which cues fire, not what the model learned). Thread-safe.

    Parameters
    ----------
    size : how many Analyzers with a user's lexicon are kept (about 15 MB each).
    base : the Analyzer with the shipped lexicons only (built on first use by default).
    """

    def __init__(self, size: int = 4, base: Analyzer | None = None) -> None:
        if isinstance(size, bool) or not isinstance(size, int) or size < 1:
            raise TypeError(f"size must be a whole number of Analyzers, 1 or more, not {size!r}")
        self.size = size
        self._base = base
        self._kept: OrderedDict[str, Analyzer] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def base(self) -> Analyzer:
        if self._base is None:
            with self._lock:
                if self._base is None:
                    base = Analyzer()
                    _ = base.model
                    self._base = base
        return self._base

    def get(self, lexicon_text: str | tuple[LexiconText, ...] = "") -> Analyzer:
        """The Analyzer with the shipped lexicons and ``lexicon_text`` (a lexicon CSV, or
        several lexicons in order: those a corpus store was analyzed with) added; with none,
        the shipped one."""
        if isinstance(lexicon_text, (bytes, bytearray)):
            raise TypeError("lexicon_text is the lexicon's CSV text (str), not bytes: decode it "
                            "first, e.g. data.decode('utf-8')")
        if not isinstance(lexicon_text, (str, tuple, list)):
            raise TypeError("lexicon_text is a lexicon's CSV text (str) or a tuple of lexicons, "
                            f"not {type(lexicon_text).__name__}")
        base = self.base
        if not lexicon_text:
            return base
        if isinstance(lexicon_text, str):
            key = hashlib.sha256(lexicon_text.encode("utf-8")).hexdigest()
            lexicons = [LexiconText(f"custom-{key[:12]}.csv", lexicon_text)]
        else:
            lexicons = list(lexicon_text)
            key = lexicons_digest(lexicons)
        with self._lock:  # one build at a time also bounds the memory a burst of uploads takes
            analyzer = self._kept.get(key)
            if analyzer is None:
                analyzer = base.with_lexicons(lexicons)
                self._kept[key] = analyzer
                while len(self._kept) > self.size:
                    self._kept.popitem(last=False)
            self._kept.move_to_end(key)
            return analyzer

    def __len__(self) -> int:
        """How many Analyzers with a user's lexicon are kept."""
        return len(self._kept)
