from . import res_config_settings
from . import survey_user_input
