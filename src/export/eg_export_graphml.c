/* eg_export_graphml.c — GraphML with libxml2's xmlTextWriter.
 *
 * Why not igraph_write_graph_graphml: it names nodes n0, n1... so the
 * entity id would be a data attribute, which networkx then keeps as a
 * node attribute beside the key "n0" and python-igraph refuses to load
 * ("there is already an 'id' vertex attribute"); and it aborts on a
 * control character. Here the node id is the entity id (as in the JSON),
 * so every consumer sees the same keys (and the "id" attribute is not
 * repeated as data: python-igraph's reader makes it from the node id),
 * and the writer escapes every
 * string. Keys are declared per domain with prefixes (g_, v_, e_), since
 * "documents" exists for the graph, nodes and edges and key ids must be
 * unique. A numeric attribute whose values are all whole numbers is
 * declared "long", otherwise "double".
 *
 * Gephi: its GraphML importer (gephi/gephi,
 * modules/ImportPlugin/src/main/java/org/gephi/io/importer/plugin/file/
 * ImporterGraphML.java) maps node keys named "label", "x", "y", "z",
 * "size", "r", "g", "b" and the edge key "weight" to its own label,
 * position, size, colour and weight (the constructor's
 * addNodePropertyAssociation / addEdgePropertyAssociation calls); a key
 * is matched by its id first, then by attr.name (readAttribute), which
 * is why attr.name carries the plain name here. r, g and b are read with
 * Integer.parseInt, so they must be whole numbers: eg_format_number writes
 * whole values without a point. The analytics stage (eg_style.h) sets
 * exactly these attributes. */
#include "eg_export.h"

#include "eg_export_attrs.h"

#include <libxml/xmlwriter.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct ctx {
    const igraph_t *g;
    xmlTextWriterPtr w;
    eg_attr_list_t ga, va, ea;
    eg_buf_t scratch;
} ctx_t;

static const char *key_type(const igraph_t *g, char kind, const char *name,
                            igraph_integer_t type, igraph_integer_t count)
{
    if (type == IGRAPH_ATTRIBUTE_STRING)
        return "string";
    if (type == IGRAPH_ATTRIBUTE_BOOLEAN)
        return "boolean";
    return eg_attr_is_whole(g, kind, name, count) ? "long" : "double";
}

/* The node id attribute is the GraphML node id itself. */
static int is_node_id(char kind, const char *name)
{
    return kind == 'v' && strcmp(name, "id") == 0;
}

static int write_keys(ctx_t *c, const eg_attr_list_t *a, char kind, const char *domain,
                      igraph_integer_t count)
{
    for (igraph_integer_t k = 0; k < igraph_strvector_size(&a->names); k++) {
        const char *name = igraph_strvector_get(&a->names, k);
        if (is_node_id(kind, name))
            continue;
        igraph_integer_t type = VECTOR(a->types)[k];
        if (type != IGRAPH_ATTRIBUTE_NUMERIC && type != IGRAPH_ATTRIBUTE_STRING &&
            type != IGRAPH_ATTRIBUTE_BOOLEAN)
            continue;
        char id[512];
        snprintf(id, sizeof id, "%c_%s", kind, name);
        if (xmlTextWriterStartElement(c->w, BAD_CAST "key") < 0 ||
            xmlTextWriterWriteAttribute(c->w, BAD_CAST "id", BAD_CAST id) < 0 ||
            xmlTextWriterWriteAttribute(c->w, BAD_CAST "for", BAD_CAST domain) < 0 ||
            xmlTextWriterWriteAttribute(c->w, BAD_CAST "attr.name", BAD_CAST name) < 0 ||
            xmlTextWriterWriteAttribute(
                c->w, BAD_CAST "attr.type",
                BAD_CAST key_type(c->g, kind, name, type, kind == 'g' ? 1 : count)) < 0 ||
            xmlTextWriterEndElement(c->w) < 0)
            return -1;
    }
    return 0;
}

static int write_data(ctx_t *c, const eg_attr_list_t *a, char kind, igraph_integer_t index)
{
    int failed = 0;
    for (igraph_integer_t k = 0; k < igraph_strvector_size(&a->names) && !failed; k++) {
        const char *name = igraph_strvector_get(&a->names, k);
        char id[512], num[64];
        const char *text = eg_attr_text(c->g, a, k, kind, index, num, &c->scratch, &failed);
        if (is_node_id(kind, name) || !text)
            continue;
        snprintf(id, sizeof id, "%c_%s", kind, name);
        if (xmlTextWriterStartElement(c->w, BAD_CAST "data") < 0 ||
            xmlTextWriterWriteAttribute(c->w, BAD_CAST "key", BAD_CAST id) < 0 ||
            xmlTextWriterWriteString(c->w, BAD_CAST text) < 0 ||
            xmlTextWriterEndElement(c->w) < 0)
            return -1;
    }
    return failed ? -1 : 0;
}

static const char *node_id(const igraph_t *g, igraph_integer_t v)
{
    return VAS(g, "id", v);
}

static int write_graph(ctx_t *c)
{
    xmlTextWriterPtr w = c->w;
    const igraph_t *g = c->g;
    igraph_integer_t nv = igraph_vcount(g), ne = igraph_ecount(g);
    if (xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0 ||
        xmlTextWriterStartElement(w, BAD_CAST "graphml") < 0 ||
        xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns",
                                    BAD_CAST "http://graphml.graphdrawing.org/xmlns") < 0 ||
        xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:xsi",
                                    BAD_CAST "http://www.w3.org/2001/XMLSchema-instance") < 0 ||
        xmlTextWriterWriteAttribute(
            w, BAD_CAST "xsi:schemaLocation",
            BAD_CAST "http://graphml.graphdrawing.org/xmlns "
                     "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd") < 0)
        return -1;
    if (write_keys(c, &c->ga, 'g', "graph", 1) || write_keys(c, &c->va, 'v', "node", nv) ||
        write_keys(c, &c->ea, 'e', "edge", ne))
        return -1;
    if (xmlTextWriterStartElement(w, BAD_CAST "graph") < 0 ||
        xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST "G") < 0 ||
        xmlTextWriterWriteAttribute(w, BAD_CAST "edgedefault",
                                    BAD_CAST(igraph_is_directed(g) ? "directed"
                                                                   : "undirected")) < 0 ||
        write_data(c, &c->ga, 'g', 0))
        return -1;
    for (igraph_integer_t v = 0; v < nv; v++) {
        if (xmlTextWriterStartElement(w, BAD_CAST "node") < 0 ||
            xmlTextWriterWriteAttribute(w, BAD_CAST "id", BAD_CAST node_id(g, v)) < 0 ||
            write_data(c, &c->va, 'v', v) || xmlTextWriterEndElement(w) < 0)
            return -1;
    }
    for (igraph_integer_t e = 0; e < ne; e++) {
        igraph_integer_t u, v;
        eg_edge_ends(g, e, &u, &v);
        if (xmlTextWriterStartElement(w, BAD_CAST "edge") < 0 ||
            xmlTextWriterWriteAttribute(w, BAD_CAST "source", BAD_CAST node_id(g, u)) < 0 ||
            xmlTextWriterWriteAttribute(w, BAD_CAST "target", BAD_CAST node_id(g, v)) < 0 ||
            write_data(c, &c->ea, 'e', e) || xmlTextWriterEndElement(w) < 0)
            return -1;
    }
    return xmlTextWriterEndDocument(w) < 0 ? -1 : 0;
}

static int write_to_stream(void *context, const char *buffer, int len)
{
    return fwrite(buffer, 1, (size_t)len, context) == (size_t)len ? len : -1;
}

int eg_export_graphml(const igraph_t *g, FILE *out, eg_error_t *err)
{
    ctx_t c = {.g = g};
    if (eg_attr_lists_init(g, &c.ga, &c.va, &c.ea))
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "cannot list graph attributes");
    int rc = 0;
    xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(write_to_stream, NULL, out, NULL);
    c.w = ob ? xmlNewTextWriter(ob) : NULL;
    if (!c.w) {
        if (ob)
            xmlOutputBufferClose(ob);
        rc = -1;
    } else {
        xmlTextWriterSetIndent(c.w, 1);
        xmlTextWriterSetIndentString(c.w, BAD_CAST "  ");
        rc = write_graph(&c);
        xmlFreeTextWriter(c.w); /* flushes and closes ob, not the stream */
    }
    eg_attr_lists_destroy(&c.ga, &c.va, &c.ea);
    eg_buf_free(&c.scratch);
    return rc ? eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "cannot write GraphML") : 0;
}
