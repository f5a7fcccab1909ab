"""Textual-free services between the screens and storage: editing, the workspace, exporting."""
