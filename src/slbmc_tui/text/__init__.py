"""Text helpers with no Textual import: the one boundary where untrusted text meets a screen."""
