"""Archive helpdesk_mgmt's IT demo subjects in databases made with demo data.

New databases get this from demo/helpdesk_mgmt_demo.xml; an update does not
load demo files again, so databases made earlier are brought in line here.
"""

from odoo import SUPERUSER_ID, api

IT_SUBJECTS = [f"helpdesk_mgmt.helpdesk_category_{number}" for number in range(1, 6)]


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid in IT_SUBJECTS:
        subject = env.ref(xmlid, raise_if_not_found=False)
        if subject:
            subject.active = False
