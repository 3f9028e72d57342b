"""An article's stable id: what bookmarks, marks and reading state are keyed by. Qt-free."""

from reader.text.article import article_id

__all__ = ["article_id"]
