"""Tone measures."""
