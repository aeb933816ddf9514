import { Component, onWillStart, useState } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";

/**
 * Headline figures of the Loket for team leads, from get_loket_dashboard.
 * The numbers only count the requests the user may read, for the chosen team
 * and period (received date, both ends included).
 */
export class LoketDashboard extends Component {
    static template = "gov_loket.LoketDashboard";
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({
            figures: null,
            teams: [],
            teamId: "",
            dateFrom: "",
            dateTo: "",
        });
        onWillStart(async () => {
            this.state.teams = await this.orm.searchRead(
                "helpdesk.ticket.team",
                [],
                ["name"],
                { order: "name" }
            );
            await this.load();
        });
    }

    get filters() {
        return {
            team_ids: this.state.teamId ? [parseInt(this.state.teamId)] : [],
            date_from: this.state.dateFrom || false,
            date_to: this.state.dateTo || false,
        };
    }

    async load() {
        this.state.figures = await this.orm.call(
            "helpdesk.ticket",
            "get_loket_dashboard",
            [],
            this.filters
        );
    }

    onFilterChange(key, ev) {
        this.state[key] = ev.target.value;
        return this.load();
    }

    openAnalysis() {
        this.action.doAction("gov_loket.helpdesk_ticket_action_dashboard");
    }

    async openOverdue() {
        // The list shows the same requests the figure counts: team and period too.
        const action = await this.orm.call(
            "helpdesk.ticket",
            "action_open_dashboard_overdue",
            [],
            this.filters
        );
        this.action.doAction(action);
    }
}

registry.category("actions").add("gov_loket.dashboard", LoketDashboard);
