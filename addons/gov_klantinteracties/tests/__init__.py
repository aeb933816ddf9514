from . import test_application
