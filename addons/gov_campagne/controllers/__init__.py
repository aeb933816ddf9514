from . import topic_pages, topic_portal
