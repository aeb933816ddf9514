from . import test_pathfinding
from . import test_relation_types
from . import test_introduction_path
from . import test_knows_from_contact_moments
from . import test_who_knows
from . import test_network_tour
