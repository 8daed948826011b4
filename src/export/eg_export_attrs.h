/* eg_export_attrs.h — what every writer needs from the graph's
 * attributes: their names and types, values by domain, the numeric type
 * to declare, and one fixed way to print a number. Internal to
 * src/export; not thread-safe beyond what igraph's attribute handler is.
 *
 * A domain is 'g' (graph), 'v' (vertex) or 'e' (edge).
 */
#ifndef EG_EXPORT_ATTRS_H
#define EG_EXPORT_ATTRS_H

#include "../base/eg_buf.h"

#include <igraph.h>
#include <stddef.h>

/* The graph's attributes by domain, without entgraph's notes to the
 * writers (graph attributes named "entgraph:..."). */
typedef struct eg_attr_list {
    igraph_strvector_t names;
    igraph_vector_int_t types; /* IGRAPH_ATTRIBUTE_NUMERIC, _STRING, ... */
} eg_attr_list_t;

/* The three lists of g (graph, vertex, edge). Returns 0 or -1; on 0 call
 * eg_attr_lists_destroy. */
int eg_attr_lists_init(const igraph_t *g, eg_attr_list_t *ga, eg_attr_list_t *va,
                       eg_attr_list_t *ea);
void eg_attr_lists_destroy(eg_attr_list_t *ga, eg_attr_list_t *va, eg_attr_list_t *ea);

/* The type of the attribute called name in l (IGRAPH_ATTRIBUTE_NUMERIC,
 * _STRING, ...), or -1 when l has none of that name. */
int eg_attr_type(const eg_attr_list_t *l, const char *name);

igraph_real_t eg_attr_num(const igraph_t *g, char kind, const char *name,
                          igraph_integer_t i);
/* Never NULL ("" for none). */
const char *eg_attr_str(const igraph_t *g, char kind, const char *name,
                        igraph_integer_t i);

/* 1 when every value of a numeric attribute over count elements is a
 * whole number below 2^53 (declare "long"), else 0 ("double"). NaN
 * (no value: a dictionary number column an entity leaves empty) is
 * left out of every file and so does not count. A node attribute the
 * dictionary types double (EG_COLUMNS_DOUBLE_ATTR) is never "long". */
int eg_attr_is_whole(const igraph_t *g, char kind, const char *name,
                     igraph_integer_t count);

/* Whole numbers without a point ("12"), others with %.15g, or %.17g
 * when that is needed to read the same double back; NaN "NaN", infinities "INF"/"-INF". */
void eg_format_number(char *buf, size_t n, igraph_real_t v);

/* Attribute k of list l for element i as the text the XML and CSV
 * writers put in a file: numbers by eg_format_number, the edge evidence
 * joined (eg_evidence_join, into scratch), booleans "true"/"false".
 * Returns NULL for no value (NaN, or a type that is not written) and
 * sets *failed when memory runs out. num holds at least 64 bytes. */
const char *eg_attr_text(const igraph_t *g, const eg_attr_list_t *l, igraph_integer_t k,
                         char kind, igraph_integer_t i, char *num, eg_buf_t *scratch,
                         int *failed);

/* The ends of edge e in vertex order (u <= v for an undirected graph):
 * igraph keeps an undirected edge as (larger, smaller), while every
 * writer lists it as it was added, smaller end first. */
static inline void eg_edge_ends(const igraph_t *g, igraph_integer_t e, igraph_integer_t *u,
                                igraph_integer_t *v)
{
    igraph_integer_t a = IGRAPH_FROM(g, e), b = IGRAPH_TO(g, e);
    int swap = !igraph_is_directed(g) && a > b;
    *u = swap ? b : a;
    *v = swap ? a : b;
}

/* The edge evidence attribute (see eg_network.h) as one readable string
 * for formats without lists: "doc (DATE, sentence S, bytes A-B): text |
 * ..." (no "DATE, " when undated; bytes [A, B) of the document). Appends
 * to out; returns 0 or EG_ERR_RUNTIME. */
int eg_evidence_join(const char *encoded, eg_buf_t *out);

#endif
