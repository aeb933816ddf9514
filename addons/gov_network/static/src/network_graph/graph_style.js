/**
 * Elements, style and layout of the network picture for cytoscape.js.
 * Kept apart from the component so the drawing rules stay in one place.
 */

const KIND_COLOURS = {
    person: "#5b8def",
    organisation: "#e0803a",
    colleague: "#3aa776",
};

/** Cytoscape elements from the nodes and edges of gov_network_graph. */
export function graphElements(nodes, edges) {
    return [
        ...nodes.map((node) => ({
            group: "nodes",
            data: { id: String(node.id), label: node.label, kind: node.kind },
            classes: node.seed ? `${node.kind} seed` : node.kind,
        })),
        ...edges.map((edge) => ({
            group: "edges",
            data: {
                id: `r${edge.id}`,
                source: String(edge.source),
                target: String(edge.target),
                label: edge.label,
            },
        })),
    ];
}

/**
 * A force-directed layout without animation for small pictures; for big
 * ones the concentric layout, which places 500 nodes in a few milliseconds.
 */
export function graphLayout(nodeCount) {
    if (nodeCount > 150) {
        return {
            name: "concentric",
            animate: false,
            minNodeSpacing: 8,
            concentric: (node) => (node.hasClass("seed") ? 2 : 1) + node.degree() / 100,
            levelWidth: () => 1,
        };
    }
    return { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 8000 };
}

export const GRAPH_STYLE = [
    {
        selector: "node",
        style: {
            label: "data(label)",
            "font-size": 10,
            "text-valign": "bottom",
            "text-margin-y": 3,
            "min-zoomed-font-size": 7,
            width: 18,
            height: 18,
            "background-color": KIND_COLOURS.person,
        },
    },
    { selector: "node.organisation", style: { shape: "round-rectangle", "background-color": KIND_COLOURS.organisation } },
    { selector: "node.colleague", style: { shape: "diamond", "background-color": KIND_COLOURS.colleague } },
    { selector: "node.seed", style: { width: 28, height: 28, "border-width": 3, "border-color": "#333" } },
    {
        selector: "edge",
        style: {
            label: "data(label)",
            "font-size": 8,
            "min-zoomed-font-size": 9,
            "curve-style": "bezier",
            "target-arrow-shape": "triangle",
            "arrow-scale": 0.7,
            width: 1.5,
            "line-color": "#b0b5bd",
            "target-arrow-color": "#b0b5bd",
            "text-rotation": "autorotate",
            "text-background-color": "#ffffff",
            "text-background-opacity": 0.8,
        },
    },
];
