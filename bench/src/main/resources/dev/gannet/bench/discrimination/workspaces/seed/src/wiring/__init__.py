"""A tiny service-wiring library used as the seed suite's sample repository."""
