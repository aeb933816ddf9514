from . import test_contact_moment, test_identifiers, test_relaties_tour
