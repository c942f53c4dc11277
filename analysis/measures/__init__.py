"""The measures, one module per family: tone, frames, actors and aspects, quotations and speakers, terms."""
