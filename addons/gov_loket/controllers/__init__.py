from . import main, satisfaction
