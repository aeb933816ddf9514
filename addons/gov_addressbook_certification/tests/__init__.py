from . import test_certification_access
