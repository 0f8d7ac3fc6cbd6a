"""The history views' non-UI side: a month as text, the search index, remedy filters.

Nothing here imports Textual.
"""
