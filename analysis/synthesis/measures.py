"""Every measure of the study for one corpus, gathered: :class:`Measures`, computed (:func:`compute_measures`) or read from what notebooks 02-04 saved (:func:`saved_measures`)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.lexicons import Codebook
from analysis.measures import frames as framing
from analysis.measures import tone as tone_measures
from analysis.measures.actors import actor_mentions, actor_prominence
from analysis.measures.aspects import aspect_coverage, aspect_mentions, coverage_gaps
from analysis.measures.quotes import extract_quotes, quote_share, share_of_voice
from analysis.measures.terms import distinctive_terms
from analysis.stats import settings
from analysis.stages import load_stage
from analysis.stats.units import resampling_unit

#: The seed of every bootstrap and permutation, as in notebooks 02 and 03 (the date of IBM's letter).
SEED = settings.SEED
#: Frame intervals as notebook 03 computes them: paragraphs resampled, 2,000 times.
FRAME_BOOTSTRAP = {"unit": "paragraph", "n_boot": 2000, "seed": SEED}


@dataclass
class Measures:
    """The outputs of the study's measures for one corpus, as the notebooks compute them.

    Attributes
    ----------
    sentences : DataFrame
        The corpus sentences the measures were computed on.
    scored : DataFrame
        :func:`analysis.measures.tone.score_sentences` (names from the actors lexicon masked).
    tone : DataFrame
        :func:`analysis.measures.tone.tone_summary` by outlet, both instruments.
    tone_difference : DataFrame
        :func:`analysis.measures.tone.tone_difference` (one comparison with two outlets, each
        against the rest with more).
    codebook : analysis.lexicons.Codebook
    detections : DataFrame
        :func:`analysis.measures.frames.detect_frames` of the sentences.
    frames : DataFrame
        :func:`analysis.measures.frames.frame_profile` (intervals from resampled paragraphs, or
        articles when every outlet has enough: ``frame_unit``).
    frame_difference : DataFrame
        :func:`analysis.measures.frames.frame_difference`, each outlet against the rest.
    frame_difference_paragraphs : DataFrame
        The same with paragraphs as the unit counted (:func:`analysis.measures.frames.to_paragraphs`),
        the check notebook 03 makes on differences that might come from sentence length.
    prominence : DataFrame
        :func:`analysis.measures.actors.actor_prominence`, with headline mentions.
    quotes, quoted, voice : DataFrame
        :func:`analysis.measures.quotes.extract_quotes`, ``quote_share`` and ``share_of_voice``.
    coverage, gaps : DataFrame
        :func:`analysis.measures.aspects.aspect_coverage` (every aspect of the lexicon) and ``coverage_gaps``.
    distinctive : DataFrame
        :func:`analysis.measures.terms.distinctive_terms` by outlet (``min_count=5``).
    tone_unit, frame_unit : str
        What the tone and frame intervals resample: ``"article"`` when every outlet has
        at least :data:`analysis.stats.units.MIN_ARTICLES` articles, else sentences
        (tone) and paragraphs (frames) within articles.
    """

    sentences: pd.DataFrame
    scored: pd.DataFrame
    tone: pd.DataFrame
    tone_difference: pd.DataFrame
    codebook: Codebook
    detections: pd.DataFrame
    frames: pd.DataFrame
    frame_difference: pd.DataFrame
    frame_difference_paragraphs: pd.DataFrame
    prominence: pd.DataFrame
    quotes: pd.DataFrame
    quoted: pd.DataFrame
    voice: pd.DataFrame
    coverage: pd.DataFrame
    gaps: pd.DataFrame
    distinctive: pd.DataFrame
    tone_unit: str = "sentence"
    frame_unit: str = "paragraph"

    @property
    def outlets(self) -> list[str]:
        """The outlets compared, in sorted order."""
        return sorted(self.sentences["outlet"].unique())


def compute_measures(corpus, *, codebook, actors: pd.DataFrame, aspects: pd.DataFrame,
                     n_boot: int = 2000, seed: int = SEED) -> Measures:
    """Run every measure of the study on ``corpus``, with the settings notebooks 02-04 use.

    ``corpus`` is an :class:`analysis.Corpus` (``sentences``, ``headlines``, ``lines``,
    ``texts``, ``normalisations``), from ``load_processed`` or ``load_corpus``; it needs at
    least two outlets. ``n_boot`` and ``seed`` set the tone and frame bootstraps (the
    notebooks use 2,000 resamples and :data:`SEED`). The bootstraps resample whole
    articles when every outlet has at least :data:`analysis.stats.units.MIN_ARTICLES`
    of them, and sentences (tone) or paragraphs (frames) otherwise, as notebooks 02
    and 03 do (:func:`analysis.stats.units.resampling_unit`).

    Returns
    -------
    Measures
    """
    sentences = corpus.sentences
    outlets = sentences["outlet"].nunique()
    if outlets < 2:
        raise ValueError(f"corpus sentences: the synthesis compares outlets and needs at least two; found {outlets}")
    tone_unit = resampling_unit(sentences)
    frame_unit = resampling_unit(sentences, within=FRAME_BOOTSTRAP["unit"])
    scored = tone_measures.score_sentences(sentences, names=actors)
    tone = tone_measures.tone_summary(scored, n_boot=n_boot, seed=seed, unit=tone_unit)
    tone_diff = tone_measures.tone_difference(scored, n_boot=n_boot, seed=seed, unit=tone_unit)
    detections = framing.detect_frames(sentences, codebook)
    frame_options = {**FRAME_BOOTSTRAP, "n_boot": n_boot, "seed": seed, "unit": frame_unit}
    frames = framing.frame_profile(sentences, detections, frames=codebook, **frame_options)
    frame_diff = framing.frame_difference(sentences, detections, frames=codebook, **frame_options)
    paragraphs, paragraph_detections = framing.to_paragraphs(sentences, detections)
    frame_diff_paragraphs = framing.frame_difference(
        paragraphs, paragraph_detections, frames=codebook,
        **{**frame_options, "unit": "article" if frame_unit == "article" else "sentence"})
    prominence = actor_prominence(
        actor_mentions(sentences, actors), sentences,
        headline_mentions=actor_mentions(corpus.headlines, actors),
    )
    quotes = extract_quotes(corpus, actors=actors)
    coverage = aspect_coverage(aspect_mentions(sentences, aspects), sentences, aspects=aspects)
    return Measures(
        sentences=sentences,
        scored=scored,
        tone=tone,
        tone_difference=tone_diff,
        codebook=codebook,
        detections=detections,
        frames=frames,
        frame_difference=frame_diff,
        frame_difference_paragraphs=frame_diff_paragraphs,
        prominence=prominence,
        quotes=quotes,
        quoted=quote_share(quotes, sentences),
        voice=share_of_voice(quotes),
        coverage=coverage,
        gaps=coverage_gaps(coverage),
        distinctive=distinctive_terms(sentences, by="outlet", min_count=5),
        tone_unit=tone_unit,
        frame_unit=frame_unit,
    )




def saved_measures(corpus, processed_dir, *, codebook) -> Measures:
    """The measures notebooks 02-04 computed and saved (:mod:`analysis.stages`), gathered without recomputing.

    Equal to :func:`compute_measures` with the notebooks' settings (a test checks it on the
    bundled study); this is what notebook 05 reads, so a comparison computes each measure once.
    Raises ``FileNotFoundError`` naming the notebook to run when a stage is missing.
    """
    sentences = corpus.sentences
    outlets = sentences["outlet"].nunique()
    if outlets < 2:
        raise ValueError(f"corpus sentences: the synthesis compares outlets and needs at least two; found {outlets}")
    tone = load_stage(processed_dir, "tone")
    frames = load_stage(processed_dir, "frames")
    emphasis = load_stage(processed_dir, "emphasis")
    quotes, coverage = emphasis["quotes"], emphasis["coverage"]
    return Measures(
        sentences=sentences,
        scored=tone["scored"],
        tone=tone["summary"],
        tone_difference=tone["difference"],
        codebook=codebook,
        detections=frames["detections"],
        frames=frames["profile"],
        frame_difference=frames["difference"],
        frame_difference_paragraphs=frames["difference_paragraphs"],
        prominence=emphasis["prominence"],
        quotes=quotes,
        quoted=quote_share(quotes, sentences),
        voice=share_of_voice(quotes),
        coverage=coverage,
        gaps=coverage_gaps(coverage),
        distinctive=emphasis["distinctive"],
        tone_unit=resampling_unit(sentences),
        frame_unit=resampling_unit(sentences, within=FRAME_BOOTSTRAP["unit"]),
    )
