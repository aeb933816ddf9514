from . import gov_campaign_report
