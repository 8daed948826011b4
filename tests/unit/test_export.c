/* test_export.c — the network built from counts, written as node-link
 * JSON and GraphML. A tiny story (three people, one of them never
 * mentioned) is counted by hand, built with eg_network_build, written to
 * a tmpfile() and read back: JSON with jansson, GraphML with libxml2. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "base/eg_buf.h"
#include "count/eg_cooc.h"
#include "export/eg_export.h"
#include "export/eg_export_attrs.h"
#include "graph/eg_network.h"
#include "tag/eg_dict.h"

/* Entities in dictionary order: 0 zakharova (never mentioned), 1 putin,
 * 2 erdogan, 3 "r&d <lab>" (a label to escape). Ids sort as
 * erdogan < putin < rd-lab, so vertices are 0 erdogan, 1 putin, 2 rd-lab. */
static const char DICT_TSV[] = "name\tid\tcountry\n"
                               "Maria Zakharova\tzakharova\tRussia\n"
                               "Vladimir Putin\tputin\tRussia\n"
                               "Recep Erdogan\terdogan\tTurkey\n"
                               "R&D \"Lab\" <1>\trd-lab\t\n";

typedef struct fixture {
    eg_dict_t dict;
    eg_cooc_t counts;
    igraph_t graph;
    int built;
    char *out; /* what the writer produced */
} fixture_t;

static fixture_t g;

static eg_mention_t mention(uint32_t entity, uint32_t sentence)
{
    eg_mention_t m = {.entity = entity, .sentence = sentence};
    return m;
}

static int setup(void **state)
{
    (void)state;
    memset(&g, 0, sizeof g);
    eg_igraph_setup();
    eg_error_t err = {0};
    eg_dict_init(&g.dict);
    if (eg_dict_load_text(&g.dict, "people.tsv", DICT_TSV, sizeof DICT_TSV - 1, NULL, &err))
        return -1;
    if (eg_cooc_init(&g.counts, g.dict.nentities, NULL))
        return -1;
    static eg_sentence_t sentences[2] = {{.paragraph = 0}, {.paragraph = 0}};
    eg_segments_t seg = {.sentences = sentences, .nsentences = 2, .nparagraphs = 1};
    /* doc 0: putin+erdogan in sentence 0, putin+rd-lab in sentence 1;
     * doc 1: putin+erdogan again. */
    const eg_mention_t d0[] = {mention(1, 0), mention(2, 0), mention(1, 1), mention(3, 1)};
    const eg_mention_t d1[] = {mention(2, 0), mention(1, 0)};
    eg_doc_info_t x = {.index = 0, .id = "a", .date = EG_NO_DATE};
    eg_doc_info_t y = {.index = 1, .id = "b", .date = EG_NO_DATE};
    if (eg_cooc_add_document(&g.counts, &x, d0, 4, &seg, EG_WINDOW_SENTENCE) ||
        eg_cooc_add_document(&g.counts, &y, d1, 2, &seg, EG_WINDOW_SENTENCE))
        return -1;
    eg_network_options_t opt = {.window = EG_WINDOW_SENTENCE};
    if (eg_network_build(&g.graph, &g.dict, &g.counts, &opt, &err))
        return -1;
    g.built = 1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    if (g.built)
        igraph_destroy(&g.graph);
    eg_cooc_free(&g.counts);
    eg_dict_free(&g.dict);
    free(g.out);
    memset(&g, 0, sizeof g);
    return 0;
}

/* Run a writer into a tmpfile() and keep what it wrote in g.out. */
static void write_with(int (*writer)(const igraph_t *, FILE *, eg_error_t *))
{
    FILE *fp = tmpfile();
    assert_non_null(fp);
    eg_error_t err = {0};
    int rc = writer(&g.graph, fp, &err);
    if (rc)
        fail_msg("writer failed: %s", err.text);
    long n = ftell(fp);
    assert_true(n > 0);
    rewind(fp);
    g.out = malloc((size_t)n + 1);
    assert_int_equal(fread(g.out, 1, (size_t)n, fp), (size_t)n);
    g.out[n] = '\0';
    fclose(fp);
}

static json_t *node_by_id(json_t *root, const char *id)
{
    size_t i;
    json_t *node;
    json_array_foreach(json_object_get(root, "nodes"), i, node)
        if (strcmp(json_string_value(json_object_get(node, "id")), id) == 0)
            return node;
    return NULL;
}

/* ---- the graph ---- */

static void test_vertices_are_mentioned_entities_in_id_order(void **state)
{
    (void)state;
    assert_int_equal(igraph_vcount(&g.graph), 3);
    assert_string_equal(VAS(&g.graph, "id", 0), "erdogan");
    assert_string_equal(VAS(&g.graph, "id", 1), "putin");
    assert_string_equal(VAS(&g.graph, "id", 2), "rd-lab");
    assert_string_equal(VAS(&g.graph, "label", 1), "Vladimir Putin");
    assert_string_equal(VAS(&g.graph, "type", 1), "person");
    assert_int_equal((long)VAN(&g.graph, "mentions", 1), 3);
    assert_int_equal((long)VAN(&g.graph, "documents", 1), 2);
    assert_string_equal(VAS(&g.graph, "country", 0), "Turkey");
    assert_string_equal(VAS(&g.graph, "country", 2), "");
}

static void test_edges_carry_counts_and_documents(void **state)
{
    (void)state;
    assert_int_equal(igraph_ecount(&g.graph), 2);
    assert_false(igraph_is_directed(&g.graph));
    /* edge 0: erdogan-putin, edge 1: putin-rd-lab */
    igraph_integer_t from = IGRAPH_FROM(&g.graph, 0), to = IGRAPH_TO(&g.graph, 0);
    assert_int_equal((from < to ? from : to), 0);
    assert_int_equal((from < to ? to : from), 1);
    assert_int_equal((long)EAN(&g.graph, "count", 0), 2);
    assert_int_equal((long)EAN(&g.graph, "documents", 0), 2);
    assert_int_equal((long)EAN(&g.graph, "weight", 0), 2);
    assert_int_equal((long)EAN(&g.graph, "count", 1), 1);
    assert_string_equal(GAS(&g.graph, "window"), "sentence");
    assert_int_equal((long)GAN(&g.graph, "documents"), 2);
    assert_int_equal((long)GAN(&g.graph, "windows"), 3);
}

/* ---- JSON ---- */

static void test_json_is_node_link_with_expected_ids(void **state)
{
    (void)state;
    write_with(eg_export_json);
    json_error_t jerr;
    json_t *root = json_loads(g.out, 0, &jerr);
    if (!root)
        fail_msg("JSON does not parse: %s (line %d)\n%s", jerr.text, jerr.line, g.out);
    assert_true(json_is_false(json_object_get(root, "directed")));
    assert_true(json_is_false(json_object_get(root, "multigraph")));
    json_t *nodes = json_object_get(root, "nodes"), *links = json_object_get(root, "links");
    assert_int_equal(json_array_size(nodes), 3);
    assert_int_equal(json_array_size(links), 2);
    assert_string_equal(json_string_value(json_object_get(json_array_get(nodes, 0), "id")),
                        "erdogan");
    assert_null(node_by_id(root, "zakharova"));
    json_t *putin = node_by_id(root, "putin");
    assert_non_null(putin);
    assert_string_equal(json_string_value(json_object_get(putin, "label")), "Vladimir Putin");
    assert_true(json_is_integer(json_object_get(putin, "mentions")));
    assert_int_equal(json_integer_value(json_object_get(putin, "mentions")), 3);
    assert_string_equal(json_string_value(json_object_get(putin, "country")), "Russia");
    json_t *link = json_array_get(links, 0);
    assert_string_equal(json_string_value(json_object_get(link, "source")), "erdogan");
    assert_string_equal(json_string_value(json_object_get(link, "target")), "putin");
    assert_int_equal(json_integer_value(json_object_get(link, "count")), 2);
    assert_string_equal(json_string_value(json_object_get(json_object_get(root, "graph"),
                                                          "window")),
                        "sentence");
    /* the label with quotes survives the round trip */
    json_t *lab = node_by_id(root, "rd-lab");
    assert_string_equal(json_string_value(json_object_get(lab, "label")), "R&D \"Lab\" <1>");
    json_decref(root);
}

static void test_json_is_deterministic(void **state)
{
    (void)state;
    write_with(eg_export_json);
    char *first = g.out;
    g.out = NULL;
    write_with(eg_export_json);
    assert_string_equal(first, g.out);
    free(first);
}

/* ---- GraphML ---- */

static void test_graphml_has_nodes_named_by_entity_id(void **state)
{
    (void)state;
    write_with(eg_export_graphml);
    assert_non_null(strstr(g.out, "<node id=\"erdogan\">"));
    assert_non_null(strstr(g.out, "<node id=\"putin\">"));
    assert_non_null(strstr(g.out, "<edge source=\"erdogan\" target=\"putin\">"));
    assert_null(strstr(g.out, "zakharova"));
    assert_non_null(strstr(g.out, "edgedefault=\"undirected\""));
}

static void test_graphml_is_well_formed_xml_with_escaped_label(void **state)
{
    (void)state;
    write_with(eg_export_graphml);
    xmlDocPtr doc = xmlReadMemory(g.out, (int)strlen(g.out), "graph.graphml", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc)
        fail_msg("GraphML is not well-formed XML:\n%s", g.out);
    /* count <node> and <edge> elements and find the escaped label */
    int nodes = 0, edges = 0, label_ok = 0;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    assert_string_equal((const char *)root->name, "graphml");
    for (xmlNodePtr c = root->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "graph") != 0)
            continue;
        for (xmlNodePtr n = c->children; n; n = n->next) {
            if (n->type != XML_ELEMENT_NODE)
                continue;
            if (strcmp((const char *)n->name, "node") == 0) {
                nodes++;
                for (xmlNodePtr d = n->children; d; d = d->next) {
                    if (d->type != XML_ELEMENT_NODE)
                        continue;
                    xmlChar *content = xmlNodeGetContent(d);
                    if (content && strcmp((const char *)content, "R&D \"Lab\" <1>") == 0)
                        label_ok = 1;
                    xmlFree(content);
                }
            } else if (strcmp((const char *)n->name, "edge") == 0) {
                edges++;
            }
        }
    }
    xmlFreeDoc(doc);
    assert_int_equal(nodes, 3);
    assert_int_equal(edges, 2);
    assert_true(label_ok);
}

static void test_graphml_declares_whole_number_attributes_as_long(void **state)
{
    (void)state;
    write_with(eg_export_graphml);
    assert_non_null(strstr(g.out, "attr.name=\"count\" attr.type=\"long\""));
    assert_non_null(strstr(g.out, "attr.name=\"label\" attr.type=\"string\""));
}

/* The attribute type is chosen over every value: one fractional value,
 * first, last or alone, makes the attribute a double. */
static void test_attribute_with_one_fractional_value_is_double(void **state)
{
    (void)state;
    igraph_integer_t n = igraph_vcount(&g.graph);
    assert_int_equal(n, 3);
    const double whole[] = {1, 2, 3}, last[] = {1, 2, 2.5}, first[] = {0.5, 2, 3};
    const double *cases[] = {whole, last, first};
    const int want[] = {1, 0, 0};
    for (int k = 0; k < 3; k++) {
        for (igraph_integer_t i = 0; i < n; i++)
            assert_int_equal(igraph_cattribute_VAN_set(&g.graph, "score", i, cases[k][i]), 0);
        assert_int_equal(eg_attr_is_whole(&g.graph, 'v', "score", n), want[k]);
    }
    write_with(eg_export_graphml);
    assert_non_null(strstr(g.out, "attr.name=\"score\" attr.type=\"double\""));
}

/* ---- formats ---- */

static void test_format_from_extension(void **state)
{
    (void)state;
    assert_int_equal(eg_format_from_path("out/graph.graphml"), EG_FORMAT_GRAPHML);
    assert_int_equal(eg_format_from_path("GRAPH.GraphML"), EG_FORMAT_GRAPHML);
    assert_int_equal(eg_format_from_path("graph.json"), EG_FORMAT_JSON);
    assert_int_equal(eg_format_from_path("graph.JSON"), EG_FORMAT_JSON);
    assert_int_equal(eg_format_from_path("graph.csv.txt"), EG_FORMAT_UNKNOWN);
    assert_int_equal(eg_format_from_path("graph"), EG_FORMAT_UNKNOWN);
    assert_int_equal(eg_format_from_path("out.json/graph"), EG_FORMAT_UNKNOWN);
}

static void test_unknown_format_is_usage_error(void **state)
{
    (void)state;
    FILE *fp = tmpfile();
    assert_non_null(fp);
    eg_error_t err = {0};
    assert_int_equal(eg_export(&g.graph, EG_FORMAT_UNKNOWN, fp, &err), EG_ERR_USAGE);
    assert_int_equal(err.status, EG_ERR_USAGE);
    fclose(fp);
}

/* ---- evidence encoding ---- */

static void test_evidence_join_reads_doc_and_text_pairs(void **state)
{
    (void)state;
    eg_buf_t out = EG_BUF_INIT;
    assert_int_equal(eg_evidence_join("a\x1fPutin met Erdogan.\x1e" "b\x1fThey met.", &out), 0);
    assert_string_equal(out.data, "a: Putin met Erdogan. | b: They met.");
    eg_buf_clear(&out);
    assert_int_equal(eg_evidence_join("", &out), 0);
    assert_string_equal(out.data, "");
    eg_buf_free(&out);
}

/* Entries of six fields: where the window is, dated or not. */
static void test_evidence_join_and_read_say_where_the_window_is(void **state)
{
    (void)state;
    static const char ENC[] = "a" "2004-09-03" "2" "10" "28"
                              "Putin met Erdogan."
                              "b" "0" "0" "9" "They met.";
    eg_buf_t out = EG_BUF_INIT;
    assert_int_equal(eg_evidence_join(ENC, &out), 0);
    assert_string_equal(out.data, "a (2004-09-03, sentence 2, bytes 10-28): Putin met Erdogan. | "
                                  "b (sentence 0, bytes 0-9): They met.");
    eg_buf_free(&out);
    const char *pos = ENC;
    eg_evidence_item_t e;
    assert_int_equal(eg_evidence_read(&pos, &e), 1);
    assert_true(e.located);
    assert_int_equal(e.doc_len, 1);
    assert_string_equal(e.date, "2004-09-03");
    assert_int_equal(e.sentence, 2);
    assert_int_equal(e.start, 10);
    assert_int_equal(e.end, 28);
    assert_int_equal(e.text_len, strlen("Putin met Erdogan."));
    assert_int_equal(eg_evidence_read(&pos, &e), 1);
    assert_string_equal(e.date, "");
    assert_int_equal(e.end, 9);
    assert_int_equal(eg_evidence_read(&pos, &e), 0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_vertices_are_mentioned_entities_in_id_order),
        T(test_edges_carry_counts_and_documents),
        T(test_json_is_node_link_with_expected_ids),
        T(test_json_is_deterministic),
        T(test_graphml_has_nodes_named_by_entity_id),
        T(test_graphml_is_well_formed_xml_with_escaped_label),
        T(test_graphml_declares_whole_number_attributes_as_long),
        T(test_attribute_with_one_fractional_value_is_double),
        T(test_format_from_extension),
        T(test_unknown_format_is_usage_error),
        T(test_evidence_join_reads_doc_and_text_pairs),
        T(test_evidence_join_and_read_say_where_the_window_is),
    };
    return cmocka_run_group_tests_name("export", tests, NULL, NULL);
}
