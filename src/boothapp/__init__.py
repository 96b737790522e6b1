"""boothapp: lead capture for trade-show booths."""

__version__ = "0.1.0"
APP_NAME = "boothapp"
APP_DISPLAY_NAME = "boothapp"
