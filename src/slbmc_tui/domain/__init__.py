"""The canvas domain: question banks and sessions. Knows nothing of Textual or files on disk beyond banks."""
