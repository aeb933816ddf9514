from . import test_zgw_client
from . import test_zaak_sync
from . import test_access
from . import test_zaak_cron
from . import test_cases_tour
from . import test_klantcontact_publish
from . import test_notificaties_webhook
from . import test_notificaties_subscribe
