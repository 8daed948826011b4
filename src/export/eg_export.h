/* eg_export.h — writing the network to files.
 *
 * Each writer takes the igraph graph built by eg_network_build and an
 * open stream (CSV: one stream per table); it reports failure through err and never closes the
 * stream (the caller's eg_outfile does that atomically). The format of an
 * output path is chosen by its extension.
 *
 * GraphML: igraph's writer; all attributes with their names as keys.
 * JSON: node-link, as networkx's node_link_graph and D3 read it:
 *   {"directed": false, "multigraph": false, "graph": {...},
 *    "nodes": [{"id": ..., "label": ..., ...}],
 *    "links": [{"source": id, "target": id, "count": ..., ...}]}
 * Numbers that are whole are written as integers, others with up to 15
 * significant digits (the graph keeps measures and analytics rounded to
 * 12, eg_round_sig); NaN becomes null in JSON.
 * Edge evidence is a list of {"doc", "text", "date" (when known),
 * "sentence", "start", "end"} objects in JSON and a joined string
 * (eg_evidence_join) in GraphML, GEXF and CSV.
 * Both are deterministic: same graph, same bytes.
 */
#ifndef EG_EXPORT_H
#define EG_EXPORT_H

#include "../base/eg_buf.h"
#include "../base/eg_error.h"

#include <igraph.h>
#include <stdio.h>

typedef enum eg_format {
    EG_FORMAT_UNKNOWN = 0,
    EG_FORMAT_GRAPHML,
    EG_FORMAT_JSON,
    EG_FORMAT_GEXF,
    EG_FORMAT_CSV,       /* a pair: X.nodes.csv and X.edges.csv */
    EG_FORMAT_CSV_NODES, /* X.nodes.csv alone */
    EG_FORMAT_CSV_EDGES, /* X.edges.csv alone */
    EG_FORMAT_HTML,      /* a page to explore the graph (eg_export_html) */
    EG_FORMAT_SVG,       /* a static picture (eg_export_svg) */
    EG_FORMAT_PNG,       /* the same picture as PNG (eg_export_png) */
} eg_format_t;

typedef enum eg_json_style {
    EG_JSON_NODE_LINK = 0,
    EG_JSON_GRAPHOLOGY,
    EG_JSON_CYTOSCAPE,
    EG_JSON_VOSVIEWER, /* eg_export_vosviewer */
} eg_json_style_t;

typedef enum eg_gexf_version {
    EG_GEXF_1_3 = 0,
    EG_GEXF_1_2, /* 1.2draft */
} eg_gexf_version_t;

/* All zero = the defaults (node-link JSON, GEXF 1.3). */
typedef struct eg_export_options {
    eg_json_style_t json_style;
    eg_gexf_version_t gexf_version;
} eg_export_options_t;

/* Format from the path's extension (case-insensitive): .graphml .json
 * .gexf .csv (.nodes.csv and .edges.csv: that table only) .html .htm
 * .svg .png; UNKNOWN if none. */
eg_format_t eg_format_from_path(const char *path);

/* NULL when this binary can write the format, else one line naming what
 * it was built without (eg_export_html_missing, eg_export_png_missing). */
const char *eg_format_missing(eg_format_t format);

#define EG_EXPORT_MAX_PARTS 2

/* The files an output path stands for: the path itself, except for
 * X.csv, which stands for X.nodes.csv and X.edges.csv. Fills paths and
 * formats (EG_EXPORT_MAX_PARTS entries); returns the number of files, or
 * -1 when a path would not fit. */
int eg_export_parts(const char *path, char paths[][4096], eg_format_t *formats);

int eg_export_graphml(const igraph_t *g, FILE *out, eg_error_t *err);
int eg_export_json(const igraph_t *g, FILE *out, eg_error_t *err);

/* JSON in a style: node-link (as eg_export_json); graphology, the shape
 * of graphology's export() that Graph.from() and sigma.js load:
 *   {"attributes": {...}, "options": {"type": "undirected", "multi":
 *    false, "allowSelfLoops": false}, "nodes": [{"key": id, "attributes":
 *    {label, x, y, size, color: "#rrggbb", ...}}], "edges": [{"key": "e0",
 *    "source", "target", "undirected": true, "attributes": {...}}]}
 * cytoscape, Cytoscape.js elements (also read by Cytoscape desktop):
 *   {"data": {...}, "elements": {"nodes": [{"data": {"id", ...},
 *    "position": {"x", "y"}}], "edges": [{"data": {"id": "e0", "source",
 *    "target", ...}}]}}
 * The r, g, b attributes become "color" in both. */
int eg_export_json_style(const igraph_t *g, eg_json_style_t style, FILE *out,
                         eg_error_t *err);

/* VOSviewer's JSON file (VOSviewer Online, VOSviewer 1.6.17+):
 *   {"network": {"items": [{"id", "label", "description", "url", "x", "y",
 *    "cluster", "weights": {"Links", "Total link strength", "Mentions",
 *    "Documents"}, "scores": {"PageRank", "Betweenness"}}],
 *    "links": [{"source_id", "target_id", "strength"}],
 *    "clusters": [{"cluster", "label"}]}}
 * cluster = community + 1 (up to 1000), strength = the edge weight with
 * negative values as 0; see eg_export_vosviewer.c. */
int eg_export_vosviewer(const igraph_t *g, FILE *out, eg_error_t *err);

/* GEXF 1.3 (or 1.2draft) with libxml2's xmlwriter: node and edge
 * attributes declared with their types (long, double, string), label and
 * weight as XML attributes, x/y/size/r/g/b as viz:position, viz:size
 * and viz:color, and with dates (first/last) a dynamic graph where each
 * node and edge has a spell [first, last] (timeformat date). */
int eg_export_gexf(const igraph_t *g, eg_gexf_version_t version, FILE *out,
                   eg_error_t *err);

/* CSV for Gephi's spreadsheet import (Data Laboratory → Import
 * spreadsheet), RFC 4180 quoting, UTF-8, "\r\n" line ends. Nodes: Id,
 * Label, then the other node attributes; edges: Source, Target, Type
 * (Undirected), Weight, then the other edge attributes (evidence
 * joined). */
int eg_export_csv_nodes(const igraph_t *g, FILE *out, eg_error_t *err);
int eg_export_csv_edges(const igraph_t *g, FILE *out, eg_error_t *err);
/* With a period (eg_network.h), the long table X.timeline.csv beside
 * X.edges.csv: kind (node or edge), id (nodes), source and target
 * (edges), period, count (a node's mentions, an edge's count), one row
 * per element and period with a count, nodes first, in graph order. */
int eg_export_csv_timeline(const igraph_t *g, FILE *out, eg_error_t *err);

/* HTML: one self-contained page that works offline, sigma.js and
 * graphology inlined (pinned npm packages compiled into the binary by
 * make), the graph as JSON in a <script type="application/json"> (column
 * names once, one array per node and per edge; '<' written as \u003c):
 * positions from x/y, sizes from size, colours from r/g/b, search, filters,
 * neighbours and evidence (src/export/html/). Deterministic like the others.
 * Fails with EG_ERR_USAGE and eg_export_html_missing()'s message when the
 * binary was built without the libraries (no npm at build time). */
int eg_export_html(const igraph_t *g, FILE *out, eg_error_t *err);

/* NULL when this binary can write HTML pages, else one line naming the
 * missing build step. Static storage; thread-safe. */
const char *eg_export_html_missing(void);

/* SVG: the laid-out graph as one static picture, 1200 x 900 units, plain
 * SVG 1.1 (no script, no external resource): edges as lines, lighter
 * first, width by weight (log scale); nodes as discs at x/y (a circle
 * without a layout), radius from size, colour from r/g/b, hubs drawn
 * last; the names of the most central nodes (pagerank, else mentions),
 * at most 60, where they overlap no other name and no more central disc
 * and stay inside the drawing area (eg_labels.h); a legend of the
 * colours (types, or communities when colours mix types) with counts.
 * Deterministic like the others. */
int eg_export_svg(const igraph_t *g, FILE *out, eg_error_t *err);

/* PNG: the SVG picture rendered by librsvg at twice its size (2400 x
 * 1800 pixels). Fails with EG_ERR_USAGE and eg_export_png_missing()'s
 * message when the binary was built without librsvg. */
int eg_export_png(const igraph_t *g, FILE *out, eg_error_t *err);

/* NULL when this binary can write PNG, else one line saying what to
 * install. Static storage; thread-safe. */
const char *eg_export_png_missing(void);

/* Dispatch on format (EG_FORMAT_CSV is not one file: use its parts). */
int eg_export(const igraph_t *g, eg_format_t format, FILE *out, eg_error_t *err);

/* The same with options (NULL = defaults). */
int eg_export_with(const igraph_t *g, eg_format_t format, const eg_export_options_t *opt,
                   FILE *out, eg_error_t *err);

#endif
