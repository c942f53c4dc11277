"""Tests for analysis.measures.frames.evidence: the sentences behind each frame, and the cue audit."""

from __future__ import annotations

from analysis.measures.frames import cue_audit, detect_frames, frame_evidence

POLICY, CRIME = "Policy prescription and evaluation", "Crime and punishment"


def test_evidence_marks_the_cue_in_the_raw_sentence(codebook, make_sentences):
    raw = "Police reform\u2014new federal rules should hold police more accountable for misconduct."
    s = make_sentences([("x", "X", 1, "Intro."), ("a", "Colorlines", 5, raw)])
    ev = frame_evidence(s, detect_frames(s, codebook), frames=codebook).set_index("frame")
    assert ev.loc[POLICY, "sentence"] == "«Police reform»\u2014new federal «rules» should hold police more accountable for misconduct."
    assert ev.loc[CRIME, "sentence"].startswith("«Police reform»\u2014new federal rules should hold «police» more «accountable»")
    assert ev.loc[POLICY, "cues"] == "Police reform; rules"
    assert list(ev.index) == [POLICY, CRIME]  # codebook order


def test_cue_audit_lists_fired_and_never_fired_cues(codebook, make_sentences):
    s = make_sentences([("a", "A", 1, "New regulations and a regulation."), ("b", "B", 1, "Regulate it.")])
    audit = cue_audit(detect_frames(s, codebook), codebook).set_index(["frame", "cue"])
    row = audit.loc[(POLICY, "regulat*")]
    assert row["n_matches"] == 3 and row["n_sentences"] == 2
    assert row["outlets"] == "A, B" and row["forms"] == "regulations; regulation; Regulate"
    assert audit.loc[(CRIME, "ICE"), "n_matches"] == 0
    assert len(audit) == len(codebook.cues)
