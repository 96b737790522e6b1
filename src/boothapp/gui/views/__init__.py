"""Layout-only widgets (``*View``): they build and hold widgets; controllers give them
behaviour."""
