"""briefing: turn a folder of scraped news articles into a searchable static briefing site."""

__version__ = "0.1.0"
