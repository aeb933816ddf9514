import { registry } from "@web/core/registry";

// Communication opens a topic and sees who follows it.
registry.category("web_tour.tours").add("gov_campagne_topic_subscribers", {
    url: "/odoo/action-gov_campagne.gov_topic_action",
    steps: () => [
        {
            content: "The topic is listed with its confirmed subscriber",
            trigger: ".o_list_view .o_data_row:contains('Tour topic') .o_data_cell[name='subscriber_count']:contains('1')",
        },
        {
            content: "Open the topic",
            trigger: ".o_list_view .o_data_cell[name='name']:contains('Tour topic')",
            run: "click",
        },
        {
            content: "Open the Subscribers tab",
            trigger: ".o_form_view .o_notebook a[name='subscribers']",
            run: "click",
        },
        {
            content: "The subscriber is listed as confirmed",
            trigger: ".o_form_view .o_data_row:contains('Tour follower'):contains('Confirmed')",
        },
    ],
});
