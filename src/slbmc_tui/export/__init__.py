"""Exports: pure functions from sessions to Markdown, HTML and SVG text."""
