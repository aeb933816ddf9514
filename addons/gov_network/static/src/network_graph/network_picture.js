/* global cytoscape */
import {
    Component,
    onMounted,
    onWillStart,
    onWillUnmount,
    useRef,
    useState,
    useSubEnv,
} from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { useSetupAction } from "@web/search/action_hook";
import { Layout } from "@web/search/layout";
import { getDefaultConfig } from "@web/views/view";
import { standardActionServiceProps } from "@web/webclient/actions/action_service";
import { graphElements, graphLayout, GRAPH_STYLE } from "./graph_style";

/**
 * The network picture: partners as nodes, relations as labelled edges, drawn
 * with cytoscape.js. The data comes from res.partner.gov_network_graph, which
 * walks only the relations the user may see. A tap on a node, or a click on
 * the same partner in the list beside the graph, opens the partner form.
 */
export class NetworkPicture extends Component {
    static template = "gov_network.NetworkPicture";
    static components = { Layout };
    static props = { ...standardActionServiceProps };

    setup() {
        // the control panel of the Layout shows the breadcrumb back to the relation
        useSubEnv({ config: { ...getDefaultConfig(), ...this.env.config } });
        useSetupAction();
        this.orm = useService("orm");
        this.actionService = useService("action");
        this.canvasRef = useRef("canvas");
        const params = this.props.action.params || {};
        // a list from the button, a "1,2,3" string after a reload (URL state)
        const ids = params.partner_ids || [];
        this.partnerIds = Array.isArray(ids)
            ? ids
            : String(ids).split(",").filter(Boolean).map((id) => parseInt(id));
        this.state = useState({
            depth: params.depth || 2,
            typeId: "",
            date: "",
            nodes: [],
            edges: [],
            relationTypes: [],
            truncated: false,
            renderMs: null,
        });
        this.cy = null;
        onWillStart(() => this.load());
        onMounted(() => {
            this.draw();
            this.keepInUrl();
        });
        onWillUnmount(() => this.destroy());
    }

    get statusLine() {
        return _t("%(nodes)s nodes, %(edges)s relations", {
            nodes: this.state.nodes.length,
            edges: this.state.edges.length,
        });
    }

    get sortedNodes() {
        return [...this.state.nodes].sort((a, b) => a.label.localeCompare(b.label));
    }

    async load() {
        const data = await this.orm.call("res.partner", "gov_network_graph", [this.partnerIds], {
            depth: parseInt(this.state.depth),
            relation_type_ids: this.state.typeId ? [parseInt(this.state.typeId)] : null,
            date: this.state.date || null,
        });
        Object.assign(this.state, {
            nodes: data.nodes,
            edges: data.edges,
            relationTypes: data.relation_types,
            truncated: data.truncated,
        });
    }

    draw() {
        this.destroy();
        const started = performance.now();
        this.cy = cytoscape({
            container: this.canvasRef.el,
            elements: graphElements(this.state.nodes, this.state.edges),
            style: GRAPH_STYLE,
            layout: graphLayout(this.state.nodes.length),
            minZoom: 0.1,
            maxZoom: 3,
        });
        this.cy.on("tap", "node", (ev) => this.openPartner(parseInt(ev.target.id())));
        this.state.renderMs = Math.round(performance.now() - started);
        this.canvasRef.el.dataset.nodeCount = this.cy.nodes().length;
    }

    /** Partners and depth in the URL, so that a reload draws the same picture. */
    keepInUrl() {
        this.props.updateActionState?.({
            partner_ids: this.partnerIds.join(","),
            depth: String(this.state.depth),
        });
    }

    destroy() {
        if (this.cy) {
            this.cy.destroy();
            this.cy = null;
        }
    }

    async onFilterChange(field, ev) {
        this.state[field] = ev.target.value;
        await this.load();
        this.draw();
        this.keepInUrl();
    }

    openPartner(partnerId) {
        return this.actionService.doAction({
            type: "ir.actions.act_window",
            res_model: "res.partner",
            res_id: partnerId,
            views: [[false, "form"]],
            target: "current",
        });
    }
}

registry.category("actions").add("gov_network.network_picture", NetworkPicture);
