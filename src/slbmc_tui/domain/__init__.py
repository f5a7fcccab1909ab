"""The canvas domain: question banks and sessions. Knows nothing of Textual or of saving."""
