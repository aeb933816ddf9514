import { Component, onWillStart, useState } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";

/**
 * Headline figures of the Loket for team leads, from get_loket_dashboard.
 * The numbers only count the requests the user may read.
 */
export class LoketDashboard extends Component {
    static template = "gov_loket.LoketDashboard";
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({ figures: null });
        onWillStart(() => this.load());
    }

    async load() {
        this.state.figures = await this.orm.call("helpdesk.ticket", "get_loket_dashboard", []);
    }

    openAnalysis() {
        this.action.doAction("gov_loket.helpdesk_ticket_action_dashboard");
    }

    openOverdue() {
        this.action.doAction("gov_loket.helpdesk_ticket_action", {
            additionalContext: { search_default_gov_overdue: 1 },
        });
    }
}

registry.category("actions").add("gov_loket.dashboard", LoketDashboard);
