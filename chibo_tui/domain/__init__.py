"""The cell, its meetings and the rules that judge them. No I/O, no Textual."""
