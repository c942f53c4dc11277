"""Publishing: executing notebooks, the report of the bundled study, and the offline site."""
