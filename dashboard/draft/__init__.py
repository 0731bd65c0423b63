"""Draft a story from an article: text cleaning, places, figures, dates, story writer.

Only the story reader's public entry points (`validate_story`) are used, so the story
format's own code stays the one place that decides what a valid story is.
"""

from dashboard.draft.article import Article, ArticleError, article_from_html, article_from_text
from dashboard.draft.engine import draft_article
from dashboard.draft.model import Draft
from dashboard.draft.writer import DraftWriteError, write_story

__all__ = [
    "Article",
    "ArticleError",
    "Draft",
    "DraftWriteError",
    "article_from_html",
    "article_from_text",
    "draft_article",
    "write_story",
]
