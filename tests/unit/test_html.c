/* test_html.c — the -o FILE.html page: template, data, template.
 *
 * A two-node graph whose label, attribute and evidence hold "</script>",
 * "<!--", quotes and control characters is written to a tmpfile(); the
 * page must be the template around one JSON block that contains no '<'
 * at all and parses back (jansson) to the graph's values, columns once
 * and one array per node and per edge. The browser side is tested in
 * tests/browser. When make could not fetch the page's libraries (no
 * npm), the writer must refuse with the message and these tests skip. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "export/eg_export.h"
#include "graph/eg_network.h"

#define DATA_OPEN "<script type=\"application/json\" id=\"entgraph-data\">"

static const char LABEL[] = "A </script><!-- \"x\" \\ \t";
static const char EVIDENCE[] = "d1\x1f" "text </b>\x1e" "d2\x1f" "second";

static igraph_t graph;

static int setup(void **state)
{
    (void)state;
    eg_igraph_setup();
    if (igraph_empty(&graph, 2, IGRAPH_UNDIRECTED) || igraph_add_edge(&graph, 1, 0))
        return -1;
    return SETGAS(&graph, "window", "sentence") || SETVAS(&graph, "id", 0, "a") ||
           SETVAS(&graph, "id", 1, "b") || SETVAS(&graph, "label", 0, LABEL) ||
           SETVAS(&graph, "label", 1, "B") || SETVAN(&graph, "size", 0, 10) ||
           SETVAN(&graph, "size", 1, 12.5) || SETEAN(&graph, "weight", 0, 2) ||
           SETEAS(&graph, "evidence", 0, EVIDENCE);
}

static int teardown(void **state)
{
    (void)state;
    igraph_destroy(&graph);
    return 0;
}

/* The page as a string (caller frees), or NULL when the writer fails. */
static char *page(int *rc, eg_error_t *err)
{
    FILE *fp = tmpfile();
    assert_non_null(fp);
    *rc = eg_export_html(&graph, fp, err);
    long n = ftell(fp);
    rewind(fp);
    char *s = calloc((size_t)n + 1, 1);
    assert_non_null(s);
    assert_int_equal(fread(s, 1, (size_t)n, fp), (size_t)n);
    fclose(fp);
    return s;
}

static char *written(void)
{
    if (eg_export_html_missing())
        skip();
    eg_error_t err = {0};
    int rc;
    char *s = page(&rc, &err);
    assert_int_equal(rc, 0);
    return s;
}

/* The JSON between DATA_OPEN and the next "</script>" (caller frees). */
static char *data_of(const char *s)
{
    const char *start = strstr(s, DATA_OPEN);
    assert_non_null(start);
    start += strlen(DATA_OPEN);
    const char *end = strstr(start, "</script>");
    assert_non_null(end);
    return strndup(start, (size_t)(end - start));
}

static void test_page_is_one_html_document(void **state)
{
    (void)state;
    char *s = written();
    assert_int_equal(strncmp(s, "<!DOCTYPE html>", 15), 0);
    assert_non_null(strstr(s, "</html>"));
    assert_null(strstr(s, "src=\"http")); /* nothing fetched */
    free(s);
}

static void test_data_holds_no_angle_bracket(void **state)
{
    (void)state;
    char *s = written(), *data = data_of(s);
    assert_null(strchr(data, '<'));
    free(data);
    free(s);
}

static void test_data_reads_back_as_columns_and_rows(void **state)
{
    (void)state;
    char *s = written(), *data = data_of(s);
    json_error_t jerr;
    json_t *root = json_loads(data, 0, &jerr);
    assert_non_null(root);
    assert_string_equal(json_string_value(json_object_get(json_object_get(root, "graph"), "window")),
                        "sentence");
    json_t *nodes = json_object_get(root, "nodes"), *edges = json_object_get(root, "edges");
    json_t *ncols = json_object_get(nodes, "columns");
    assert_string_equal(json_string_value(json_array_get(ncols, 0)), "id");
    assert_string_equal(json_string_value(json_array_get(ncols, 1)), "label");
    json_t *row0 = json_array_get(json_object_get(nodes, "rows"), 0);
    assert_string_equal(json_string_value(json_array_get(row0, 1)), LABEL);
    json_t *row1 = json_array_get(json_object_get(nodes, "rows"), 1);
    assert_true(json_real_value(json_array_get(row1, 2)) == 12.5);

    json_t *ecols = json_object_get(edges, "columns");
    assert_string_equal(json_string_value(json_array_get(ecols, 0)), "source");
    assert_string_equal(json_string_value(json_array_get(ecols, 1)), "target");
    json_t *e0 = json_array_get(json_object_get(edges, "rows"), 0);
    assert_int_equal(json_integer_value(json_array_get(e0, 0)), 0); /* smaller index first */
    assert_int_equal(json_integer_value(json_array_get(e0, 1)), 1);
    assert_int_equal(json_integer_value(json_array_get(e0, 2)), 2);
    json_t *ev = json_array_get(e0, 3);
    assert_int_equal(json_array_size(ev), 2);
    assert_string_equal(json_string_value(json_array_get(json_array_get(ev, 0), 0)), "d1");
    assert_string_equal(json_string_value(json_array_get(json_array_get(ev, 0), 1)), "text </b>");
    assert_string_equal(json_string_value(json_array_get(json_array_get(ev, 1), 1)), "second");
    json_decref(root);
    free(data);
    free(s);
}

static void test_same_graph_same_bytes(void **state)
{
    (void)state;
    char *a = written(), *b = written();
    assert_string_equal(a, b);
    free(a);
    free(b);
}

static void test_html_and_htm_are_the_html_format(void **state)
{
    (void)state;
    assert_int_equal(eg_format_from_path("out/g.html"), EG_FORMAT_HTML);
    assert_int_equal(eg_format_from_path("G.HTM"), EG_FORMAT_HTML);
    assert_int_equal(eg_format_from_path("html"), EG_FORMAT_UNKNOWN);
}

/* Evidence from absolute paths: the page holds them relative to the
 * folder they share, with where each window is; other ids unchanged. */
static void test_absolute_document_ids_lose_their_shared_folder(void **state)
{
    (void)state;
    static const char ABS[] = "/home/me/corpus/a/1.txt\x1f" "2004-09-03\x1f" "2\x1f" "10\x1f"
                              "28\x1f" "one\x1e" "/home/me/corpus/b/2.txt\x1f\x1f" "0\x1f"
                              "0\x1f" "9\x1f" "two\x1e" "jsonl-id\x1f" "three";
    assert_int_equal(SETEAS(&graph, "evidence", 0, ABS), 0);
    char *s = written();
    assert_int_equal(SETEAS(&graph, "evidence", 0, EVIDENCE), 0);
    assert_null(strstr(s, "/home/me"));
    char *data = data_of(s);
    json_t *root = json_loads(data, 0, NULL);
    assert_non_null(root);
    json_t *ev = json_array_get(json_array_get(json_object_get(json_object_get(root, "edges"),
                                                               "rows"), 0), 3);
    assert_int_equal(json_array_size(ev), 3);
    json_t *first = json_array_get(ev, 0), *second = json_array_get(ev, 1);
    assert_string_equal(json_string_value(json_array_get(first, 0)), "a/1.txt");
    assert_string_equal(json_string_value(json_array_get(first, 2)), "2004-09-03");
    assert_int_equal(json_integer_value(json_array_get(first, 3)), 2);
    assert_int_equal(json_integer_value(json_array_get(first, 4)), 10);
    assert_int_equal(json_integer_value(json_array_get(first, 5)), 28);
    assert_string_equal(json_string_value(json_array_get(second, 0)), "b/2.txt");
    assert_true(json_is_null(json_array_get(second, 2)));
    assert_string_equal(json_string_value(json_array_get(json_array_get(ev, 2), 0)), "jsonl-id");
    assert_true(json_is_null(json_array_get(json_array_get(ev, 2), 3)));
    json_decref(root);
    free(data);
    free(s);
}

/* Built without the libraries: a usage error naming the step. */
static void test_missing_libraries_fail_with_the_step(void **state)
{
    (void)state;
    if (!eg_export_html_missing())
        skip();
    eg_error_t err = {0};
    int rc;
    free(page(&rc, &err));
    assert_int_equal(rc, EG_ERR_USAGE);
    assert_non_null(strstr(eg_export_html_missing(), "npm"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_page_is_one_html_document),
        cmocka_unit_test(test_data_holds_no_angle_bracket),
        cmocka_unit_test(test_data_reads_back_as_columns_and_rows),
        cmocka_unit_test(test_same_graph_same_bytes),
        cmocka_unit_test(test_html_and_htm_are_the_html_format),
        cmocka_unit_test(test_absolute_document_ids_lose_their_shared_folder),
        cmocka_unit_test(test_missing_libraries_fail_with_the_step),
    };
    return cmocka_run_group_tests_name("html", tests, setup, teardown);
}
