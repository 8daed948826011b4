/* test_svg.c — the static picture (-o FILE.svg, -o FILE.png).
 *
 * A small laid-out graph with a label full of markup is written to a
 * tmpfile(): the SVG must parse as XML (libxml2), hold a disc per node
 * and a line per edge, escape the label, name the types in its legend,
 * anchor every text inside the canvas, and come out byte-identical twice.
 * A graph without layout, analytics or nodes still gives a picture. The
 * PNG (when this binary has librsvg) is a 2400 x 1800 PNG. Rendering and
 * real text extents are tested in tests/browser (check_svg.js). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <stdlib.h>
#include <string.h>

#include "export/eg_export.h"
#include "graph/eg_network.h"

static const char *const LABELS[] = {"Alpha <&> \"A\"", "Beta", "Gamma", "Delta"};
static const char *const TYPES[] = {"person", "place", "person", "organisation"};

/* 4 nodes on a square, 3 edges; with_style adds x, y, size, colours. */
static void make_graph(igraph_t *g, int with_style)
{
    assert_int_equal(igraph_empty(g, 4, IGRAPH_UNDIRECTED), 0);
    assert_int_equal(igraph_add_edge(g, 0, 1) || igraph_add_edge(g, 1, 2) ||
                         igraph_add_edge(g, 0, 3), 0);
    for (int v = 0; v < 4; v++) {
        char id[8];
        snprintf(id, sizeof id, "n%d", v);
        assert_int_equal(SETVAS(g, "id", v, id) || SETVAS(g, "label", v, LABELS[v]) ||
                             SETVAS(g, "type", v, TYPES[v]) ||
                             SETVAN(g, "mentions", v, 10 - v), 0);
        if (with_style)
            assert_int_equal(SETVAN(g, "x", v, v % 2 ? 100 : -100) ||
                                 SETVAN(g, "y", v, v < 2 ? 100 : -100) ||
                                 SETVAN(g, "size", v, 10 + 10 * v) ||
                                 SETVAN(g, "pagerank", v, 0.4 - 0.1 * v) ||
                                 SETVAN(g, "r", v, 40 * v) || SETVAN(g, "g", v, 100) ||
                                 SETVAN(g, "b", v, 200 - 40 * v), 0);
    }
    for (int e = 0; e < 3; e++)
        assert_int_equal(SETEAN(g, "weight", e, 1 + e), 0);
}

/* What the writer wrote (caller frees); rc its return. */
static char *written(const igraph_t *g, int (*writer)(const igraph_t *, FILE *, eg_error_t *),
                     int *rc, long *len)
{
    FILE *fp = tmpfile();
    assert_non_null(fp);
    eg_error_t err = {0};
    *rc = writer(g, fp, &err);
    *len = ftell(fp);
    rewind(fp);
    char *s = calloc((size_t)*len + 1, 1);
    assert_non_null(s);
    assert_int_equal(fread(s, 1, (size_t)*len, fp), (size_t)*len);
    fclose(fp);
    return s;
}

static int count(xmlXPathContextPtr ctx, const char *xpath)
{
    xmlXPathObjectPtr r = xmlXPathEvalExpression((const xmlChar *)xpath, ctx);
    assert_non_null(r);
    int n = r->nodesetval ? r->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(r);
    return n;
}

/* An SVG as written and as parsed. */
typedef struct svg {
    char *text;
    long len;
    xmlDocPtr doc;
    xmlXPathContextPtr ctx;
} svg_t;

/* Write g as SVG (which must succeed) and parse it back. */
static void svg_open(const igraph_t *g, svg_t *p)
{
    int rc;
    p->text = written(g, eg_export_svg, &rc, &p->len);
    assert_int_equal(rc, 0);
    p->doc = xmlReadMemory(p->text, (int)p->len, "g.svg", NULL, XML_PARSE_NONET);
    assert_non_null(p->doc);
    p->ctx = xmlXPathNewContext(p->doc);
    xmlXPathRegisterNs(p->ctx, (const xmlChar *)"s", (const xmlChar *)"http://www.w3.org/2000/svg");
}

static void svg_close(svg_t *p)
{
    xmlXPathFreeContext(p->ctx);
    xmlFreeDoc(p->doc);
    free(p->text);
}

static void test_svg_draws_every_node_and_edge(void **state)
{
    (void)state;
    igraph_t g;
    make_graph(&g, 1);
    svg_t p;
    svg_open(&g, &p);
    assert_int_equal(count(p.ctx, "//s:g[@id='nodes']/s:circle"), 4);
    assert_int_equal(count(p.ctx, "//s:g[@id='edges']/s:line"), 3);
    assert_int_equal(count(p.ctx, "//s:g[@id='labels']/s:text"), 4);
    assert_int_equal(count(p.ctx, "//s:g[@id='labels']/s:text[.='Alpha <&> \"A\"']"), 1);
    /* colours are types here: one swatch per type */
    assert_int_equal(count(p.ctx, "//s:g[@id='legend']/s:circle"), 4);
    assert_int_equal(count(p.ctx, "//s:g[@id='legend']/s:text[starts-with(., 'place')]"), 1);
    assert_non_null(strstr(p.text, "Alpha &lt;&amp;&gt; &quot;A&quot;"));
    /* every text's anchor inside the 1200 x 900 canvas, the baseline
     * below the top */
    for (const char *t = strstr(p.text, "<text x=\""); t; t = strstr(t + 1, "<text x=\"")) {
        double x, y;
        assert_int_equal(sscanf(t, "<text x=\"%lf\" y=\"%lf\"", &x, &y), 2);
        assert_true(x >= 0 && x < 1200 && y > 10 && y < 900);
    }
    svg_close(&p);
    igraph_destroy(&g);
}

static void test_svg_is_deterministic(void **state)
{
    (void)state;
    igraph_t g;
    make_graph(&g, 1);
    svg_t a, b;
    svg_open(&g, &a);
    svg_open(&g, &b);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.text, b.text, (size_t)a.len);
    svg_close(&a);
    svg_close(&b);
    igraph_destroy(&g);
}

/* --layout none --no-analytics: no x, y, size or colour; no node at all */
static void test_svg_without_layout_or_nodes(void **state)
{
    (void)state;
    igraph_t g;
    make_graph(&g, 0);
    svg_t p;
    svg_open(&g, &p);
    assert_int_equal(count(p.ctx, "//s:g[@id='nodes']/s:circle"), 4);
    assert_null(strstr(p.text, "nan"));
    svg_close(&p);
    igraph_destroy(&g);

    assert_int_equal(igraph_empty(&g, 0, IGRAPH_UNDIRECTED), 0);
    svg_open(&g, &p);
    assert_int_equal(count(p.ctx, "//s:circle"), 0);
    svg_close(&p);
    igraph_destroy(&g);
}

static void test_png_is_a_2400_by_1800_png(void **state)
{
    (void)state;
    igraph_t g;
    make_graph(&g, 1);
    int rc;
    long len;
    char *png = written(&g, eg_export_png, &rc, &len);
    if (eg_export_png_missing()) {
        assert_int_equal(rc, EG_ERR_USAGE);
    } else {
        assert_int_equal(rc, 0);
        assert_true(len > 1000);
        assert_memory_equal(png, "\x89PNG\r\n\x1a\n", 8);
        const unsigned char *ihdr = (const unsigned char *)png + 16;
        assert_int_equal(ihdr[0] << 24 | ihdr[1] << 16 | ihdr[2] << 8 | ihdr[3], 2400);
        assert_int_equal(ihdr[4] << 24 | ihdr[5] << 16 | ihdr[6] << 8 | ihdr[7], 1800);
    }
    free(png);
    igraph_destroy(&g);
}

static void test_format_from_extension(void **state)
{
    (void)state;
    assert_int_equal(eg_format_from_path("out/g.svg"), EG_FORMAT_SVG);
    assert_int_equal(eg_format_from_path("G.PNG"), EG_FORMAT_PNG);
    assert_null(eg_format_missing(EG_FORMAT_SVG));
    assert_true(eg_format_missing(EG_FORMAT_PNG) == eg_export_png_missing());
}

int main(void)
{
    eg_igraph_setup();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_svg_draws_every_node_and_edge),
        cmocka_unit_test(test_svg_is_deterministic),
        cmocka_unit_test(test_svg_without_layout_or_nodes),
        cmocka_unit_test(test_png_is_a_2400_by_1800_png),
        cmocka_unit_test(test_format_from_extension),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
