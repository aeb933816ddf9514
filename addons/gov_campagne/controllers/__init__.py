from . import press_pages, topic_pages, topic_portal
