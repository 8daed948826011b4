/* test_formats.c — the writers added for Gephi and the web: format by
 * extension, the CSV pair, GEXF 1.3/1.2draft and the graphology and
 * Cytoscape JSON styles, on a small graph made by hand. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/eg_export.h"
#include "graph/eg_network.h"

/* Two people and a place; Ann -- Bob (weight 2.5, with evidence) and
 * Bob -- Oslo. The first label needs CSV quoting. */
static void make_graph(igraph_t *g)
{
    igraph_vector_int_t edges;
    igraph_vector_int_init_int(&edges, 4, 0, 1, 1, 2);
    assert_int_equal(igraph_create(g, &edges, 3, IGRAPH_UNDIRECTED), IGRAPH_SUCCESS);
    igraph_vector_int_destroy(&edges);
    const char *ids[] = {"ann", "bob", "oslo"};
    const char *labels[] = {"Smith, \"Ann\"", "Bob", "Oslo"};
    const char *types[] = {"person", "person", "place"};
    for (int v = 0; v < 3; v++) {
        SETVAS(g, "id", v, ids[v]);
        SETVAS(g, "label", v, labels[v]);
        SETVAS(g, "type", v, types[v]);
        SETVAN(g, "mentions", v, v + 1);
        SETVAS(g, "first", v, "2020-01-02");
        SETVAS(g, "last", v, "2020-02-03");
        SETVAN(g, "x", v, 10.5 * v);
        SETVAN(g, "y", v, -3);
        SETVAN(g, "size", v, 10 + v);
        SETVAN(g, "r", v, 78);
        SETVAN(g, "g", v, 121);
        SETVAN(g, "b", v, 167);
    }
    for (int e = 0; e < 2; e++) {
        SETEAN(g, "weight", e, e ? 1 : 2.5);
        SETEAN(g, "count", e, e + 1);
        SETEAS(g, "first", e, "2020-01-02");
        SETEAS(g, "last", e, "2020-01-02");
        SETEAS(g, "evidence", e, e ? "" : "d1\x1f" "Ann met Bob.");
    }
    SETGAS(g, "window", "sentence");
}

/* What a writer writes, as a NUL-terminated string (caller frees). */
static char *written(const igraph_t *g, eg_format_t f, const eg_export_options_t *opt)
{
    FILE *fp = tmpfile();
    assert_non_null(fp);
    eg_error_t err = {0};
    assert_int_equal(eg_export_with(g, f, opt, fp, &err), 0);
    long n = ftell(fp);
    rewind(fp);
    char *s = calloc((size_t)n + 1, 1);
    assert_int_equal(fread(s, 1, (size_t)n, fp), (size_t)n);
    fclose(fp);
    return s;
}

static void test_format_from_extension(void **state)
{
    (void)state;
    assert_int_equal(eg_format_from_path("out/G.GEXF"), EG_FORMAT_GEXF);
    assert_int_equal(eg_format_from_path("g.csv"), EG_FORMAT_CSV);
    assert_int_equal(eg_format_from_path("out/g.nodes.csv"), EG_FORMAT_CSV_NODES);
    assert_int_equal(eg_format_from_path("g.EDGES.csv"), EG_FORMAT_CSV_EDGES);
    assert_int_equal(eg_format_from_path("out/.nodes.csv"), EG_FORMAT_CSV);
    assert_int_equal(eg_format_from_path("a.nodes.csv/g"), EG_FORMAT_UNKNOWN);
}

static void test_csv_path_stands_for_two_files(void **state)
{
    (void)state;
    char paths[EG_EXPORT_MAX_PARTS][4096];
    eg_format_t f[EG_EXPORT_MAX_PARTS];
    assert_int_equal(eg_export_parts("out/g.csv", paths, f), 2);
    assert_string_equal(paths[0], "out/g.nodes.csv");
    assert_string_equal(paths[1], "out/g.edges.csv");
    assert_int_equal(f[0], EG_FORMAT_CSV_NODES);
    assert_int_equal(f[1], EG_FORMAT_CSV_EDGES);
    assert_int_equal(eg_export_parts("g.gexf", paths, f), 1);
    assert_string_equal(paths[0], "g.gexf");
}

static void test_csv_tables_quote_and_name_columns_for_gephi(void **state)
{
    igraph_t *g = *state;
    char *nodes = written(g, EG_FORMAT_CSV_NODES, NULL);
    assert_non_null(strstr(nodes, "Id,Label,type,mentions,first,last,x,y,size,r,g,b\r\n"));
    assert_non_null(strstr(nodes, "ann,\"Smith, \"\"Ann\"\"\",person,1,"));
    assert_non_null(strstr(nodes, "oslo,Oslo,place,3,2020-01-02,2020-02-03,21,-3,12,78,121,167\r\n"));
    free(nodes);
    char *edges = written(g, EG_FORMAT_CSV_EDGES, NULL);
    assert_non_null(strstr(edges, "Source,Target,Type,Weight,count,first,last,evidence\r\n"));
    assert_non_null(strstr(edges, "ann,bob,Undirected,2.5,1,2020-01-02,2020-01-02,d1: Ann met Bob.\r\n"));
    free(edges);
}

static void test_gexf_versions_viz_and_spells(void **state)
{
    igraph_t *g = *state;
    char *s = written(g, EG_FORMAT_GEXF, NULL);
    assert_non_null(strstr(s, "<gexf xmlns=\"http://gexf.net/1.3\" "
                              "xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">"));
    assert_non_null(strstr(s, "mode=\"dynamic\" timeformat=\"date\""));
    assert_non_null(strstr(s, "<attribute id=\"mentions\" title=\"mentions\" type=\"long\"/>"));
    assert_non_null(strstr(s, "<node id=\"ann\" label=\"Smith, &quot;Ann&quot;\">"));
    assert_non_null(strstr(s, "<spell start=\"2020-01-02\" end=\"2020-02-03\"/>"));
    assert_non_null(strstr(s, "<viz:color r=\"78\" g=\"121\" b=\"167\"/>"));
    assert_non_null(strstr(s, "<viz:position x=\"10.5\" y=\"-3\" z=\"0\"/>"));
    assert_non_null(strstr(s, "<viz:size value=\"11\"/>"));
    assert_non_null(strstr(s, "<edge id=\"0\" source=\"ann\" target=\"bob\" weight=\"2.5\">"));
    assert_null(strstr(s, "for=\"x\""));
    free(s);
    eg_export_options_t opt = {.gexf_version = EG_GEXF_1_2};
    s = written(g, EG_FORMAT_GEXF, &opt);
    assert_non_null(strstr(s, "xmlns=\"http://www.gexf.net/1.2draft\""));
    assert_non_null(strstr(s, "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\""));
    free(s);
}

static void test_json_styles(void **state)
{
    igraph_t *g = *state;
    eg_export_options_t opt = {.json_style = EG_JSON_GRAPHOLOGY};
    char *s = written(g, EG_FORMAT_JSON, &opt);
    json_t *root = json_loads(s, 0, NULL);
    assert_non_null(root);
    json_t *node = json_array_get(json_object_get(root, "nodes"), 0);
    assert_string_equal(json_string_value(json_object_get(node, "key")), "ann");
    json_t *a = json_object_get(node, "attributes");
    assert_string_equal(json_string_value(json_object_get(a, "color")), "#4e79a7");
    assert_null(json_object_get(a, "r"));
    assert_null(json_object_get(a, "id"));
    assert_true(json_real_value(json_object_get(a, "x")) == 0 ||
                json_integer_value(json_object_get(a, "x")) == 0);
    json_t *edge = json_array_get(json_object_get(root, "edges"), 0);
    assert_true(json_is_true(json_object_get(edge, "undirected")));
    assert_string_equal(json_string_value(json_object_get(
                            json_array_get(json_object_get(json_object_get(edge, "attributes"),
                                                           "evidence"), 0),
                            "text")),
                        "Ann met Bob.");
    json_decref(root);
    free(s);
    opt.json_style = EG_JSON_CYTOSCAPE;
    s = written(g, EG_FORMAT_JSON, &opt);
    root = json_loads(s, 0, NULL);
    assert_non_null(root);
    json_t *elements = json_object_get(root, "elements");
    node = json_array_get(json_object_get(elements, "nodes"), 1);
    assert_string_equal(json_string_value(json_object_get(json_object_get(node, "data"), "id")),
                        "bob");
    assert_true(json_real_value(json_object_get(json_object_get(node, "position"), "x")) == 10.5);
    assert_null(json_object_get(json_object_get(node, "data"), "x"));
    edge = json_array_get(json_object_get(elements, "edges"), 1);
    assert_string_equal(json_string_value(json_object_get(json_object_get(edge, "data"), "id")),
                        "e:1");
    assert_string_equal(
        json_string_value(json_object_get(json_object_get(edge, "data"), "target")), "oslo");
    json_decref(root);
    free(s);
}

static int setup(void **state)
{
    igraph_t *g = malloc(sizeof *g);
    make_graph(g);
    *state = g;
    return 0;
}

static int teardown(void **state)
{
    igraph_destroy(*state);
    free(*state);
    return 0;
}

int main(void)
{
    eg_igraph_setup();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_from_extension),
        cmocka_unit_test(test_csv_path_stands_for_two_files),
        cmocka_unit_test(test_csv_tables_quote_and_name_columns_for_gephi),
        cmocka_unit_test(test_gexf_versions_viz_and_spells),
        cmocka_unit_test(test_json_styles),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
