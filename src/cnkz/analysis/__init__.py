"""The chapters' analysis: one module per chapter, plus `agreement` and `chronology`.

Chapters import the modules they use (`from cnkz.analysis import osce`); the
build re-runs a chapter when a module it imports changes, so nothing is
imported here.
"""
