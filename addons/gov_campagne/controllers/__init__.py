from . import topic_pages
