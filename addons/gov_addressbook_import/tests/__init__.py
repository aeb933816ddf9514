from . import test_import_run
