"""Dataset formats: each module turns documents into a file format and back."""
