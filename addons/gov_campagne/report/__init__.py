from . import gov_campaign_report, gov_letter_report
