"""One module per extraction stage: actors, places, statements, casualties.

Each stage is a pure function of the `Article` (and of earlier stages'
results) that returns a frame conforming to `analysis.schemas`.
"""
