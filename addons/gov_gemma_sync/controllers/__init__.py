from . import notificaties
