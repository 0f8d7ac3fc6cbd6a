"""What the screens show, computed without a UI: a month as text, the search index,
remedy filters, the shared history snapshot.

Nothing here imports Textual.
"""
