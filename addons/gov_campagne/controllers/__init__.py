from . import event_pages, press_pages, topic_pages, topic_portal
