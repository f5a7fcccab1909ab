"""The layer between the screens and storage: what the app does with sessions, no Textual."""
