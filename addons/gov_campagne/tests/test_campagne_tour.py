from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCampagneTour(HttpCase):
    def test_communication_opens_campaign(self):
        tag = self.env["res.partner.category"].create({"name": "Tour press"})
        self.env["res.partner"].create(
            {
                "name": "Tour journalist",
                "email": "tour@krant.example",
                "gov_party_type": "press",
                "category_id": [(6, 0, tag.ids)],
            }
        )
        campaign = self.env["gov.campaign"].create(
            {
                "name": "Tour campaign press",
                "audience_domain": f"[('category_id', 'in', [{tag.id}])]",
            }
        )
        self.env["gov.press.release"].create(
            {"campaign_id": campaign.id, "title": "Tour release"}
        )
        new_test_user(self.env, "tour_comm", groups="gov_campagne.group_communication")
        self.start_tour("/odoo", "gov_campagne_open_campaign", login="tour_comm")

    def test_communication_sees_topic_subscribers(self):
        topic = self.env["gov.topic"].create({"name": "Tour topic", "published": True})
        follower = self.env["res.partner"].create(
            {"name": "Tour follower", "email": "follower@tour.example"}
        )
        subscription = self.env["gov.topic.subscription"]._subscribe(
            topic, follower, "web"
        )
        subscription._confirm("web")
        new_test_user(self.env, "tour_topic", groups="gov_campagne.group_communication")
        self.start_tour("/odoo", "gov_campagne_topic_subscribers", login="tour_topic")
