from . import test_application
from . import test_errors
from . import test_klantcontacten
from . import test_openklant_behaviour
from . import test_query_counts
from . import test_partijen
