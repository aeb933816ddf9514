import { Component, onWillStart, useState } from "@odoo/owl";
import { DateTimeInput } from "@web/core/datetime/datetime_input";
import { formatFloat } from "@web/core/utils/numbers";
import { serializeDate } from "@web/core/l10n/dates";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { Layout } from "@web/search/layout";

/**
 * Headline figures of the Loket for team leads, from get_loket_dashboard.
 * The numbers only count the requests the user may read, for the chosen team
 * and period (received date, both ends included).
 */
export class LoketDashboard extends Component {
    static template = "gov_loket.LoketDashboard";
    static components = { DateTimeInput, Layout };
    static props = ["*"];

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({
            figures: null,
            teams: [],
            teamId: "",
            dateFrom: false,
            dateTo: false,
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
            date_from: this.state.dateFrom ? serializeDate(this.state.dateFrom) : false,
            date_to: this.state.dateTo ? serializeDate(this.state.dateTo) : false,
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

    onDateChange(key, value) {
        // A luxon date from the date picker, shown in the user's language.
        this.state[key] = value || false;
        return this.load();
    }

    get display() {
        // The control panel gives the title and the breadcrumb.
        return { controlPanel: {} };
    }

    /** A figure in the user's number format: "12,5" in Dutch. */
    number(value) {
        return formatFloat(value || 0, { digits: [false, 1] });
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
