/* eg_export.h — writing the network to files.
 *
 * Each writer takes the igraph graph built by eg_network_build and an
 * open stream; it reports failure through err and never closes the
 * stream (the caller's eg_outfile does that atomically). The format of an
 * output path is chosen by its extension.
 *
 * GraphML: igraph's writer; all attributes with their names as keys.
 * JSON: node-link, as networkx's node_link_graph and D3 read it:
 *   {"directed": false, "multigraph": false, "graph": {...},
 *    "nodes": [{"id": ..., "label": ..., ...}],
 *    "links": [{"source": id, "target": id, "count": ..., ...}]}
 * Numbers that are whole are written as integers; NaN becomes null.
 * Edge evidence is a list of {"doc", "text"} objects in JSON and a
 * joined string (eg_evidence_join) in GraphML.
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
} eg_format_t;

/* Format from the path's extension (case-insensitive); UNKNOWN if none. */
eg_format_t eg_format_from_path(const char *path);

int eg_export_graphml(const igraph_t *g, FILE *out, eg_error_t *err);
int eg_export_json(const igraph_t *g, FILE *out, eg_error_t *err);

/* The edge evidence attribute (see eg_network.h) as one readable string
 * for formats without lists: "doc: text | doc: text". Appends to out;
 * returns 0 or EG_ERR_RUNTIME. */
int eg_evidence_join(const char *encoded, eg_buf_t *out);

/* Dispatch on format. */
int eg_export(const igraph_t *g, eg_format_t format, FILE *out, eg_error_t *err);

#endif
