/* test_nodedocs.c — the documents kept per entity (--node-docs K): the K
 * smallest ids whatever the order of the offers, mentions added for an
 * id offered twice, merge, trim and renumbering; and the counter offering
 * each document once per entity with its mentions in it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "count/eg_cooc.h"
#include "count/eg_nodedocs.h"
#include "cooc_pairs.h"

/* "id:mentions id:mentions" of entity e. */
static const char *shown(const eg_nodedocs_t *d, uint32_t e)
{
    static char out[256];
    size_t n, at = 0;
    const eg_node_doc_t *docs = eg_nodedocs_of(d, e, &n);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++)
        at += (size_t)snprintf(out + at, sizeof out - at, "%s%s:%llu", i ? " " : "",
                               docs[i].doc, (unsigned long long)docs[i].mentions);
    return out;
}

static void offer_all(eg_nodedocs_t *d, const char *const *ids, size_t n, int reverse)
{
    for (size_t i = 0; i < n; i++)
        assert_int_equal(eg_nodedocs_offer(d, 3, ids[reverse ? n - 1 - i : i], 1), 0);
}

static void test_the_k_smallest_ids_in_any_order(void **state)
{
    (void)state;
    static const char *const ids[] = {"d", "b", "e", "a", "c", "b"};
    eg_nodedocs_t fwd, back;
    eg_nodedocs_init(&fwd, 3);
    eg_nodedocs_init(&back, 3);
    offer_all(&fwd, ids, 6, 0);
    offer_all(&back, ids, 6, 1);
    assert_string_equal(shown(&fwd, 3), "a:1 b:2 c:1");
    assert_string_equal(shown(&back, 3), "a:1 b:2 c:1");
    assert_string_equal(shown(&fwd, 0), "");
    assert_string_equal(shown(&fwd, 99), "");
    eg_nodedocs_free(&fwd);
    eg_nodedocs_free(&back);
}

static void test_merge_trim_and_remap(void **state)
{
    (void)state;
    eg_nodedocs_t a, b;
    eg_nodedocs_init(&a, 2);
    eg_nodedocs_init(&b, 2);
    assert_int_equal(eg_nodedocs_offer(&a, 0, "x2", 4), 0);
    assert_int_equal(eg_nodedocs_offer(&a, 1, "y", 1), 0);
    assert_int_equal(eg_nodedocs_offer(&b, 0, "x1", 2), 0);
    assert_int_equal(eg_nodedocs_offer(&b, 0, "x3", 9), 0);
    assert_int_equal(eg_nodedocs_merge(&a, &b), 0);
    assert_string_equal(shown(&a, 0), "x1:2 x2:4");
    uint32_t map[2] = {1, 0};
    assert_int_equal(eg_nodedocs_remap(&a, map, 2), 0);
    assert_string_equal(shown(&a, 1), "x1:2 x2:4");
    assert_string_equal(shown(&a, 0), "y:1");
    eg_nodedocs_trim(&a, 1);
    assert_string_equal(shown(&a, 1), "x1:2");
    assert_int_equal(eg_nodedocs_offer(&a, 1, "x0", 1), 0);
    assert_string_equal(shown(&a, 1), "x0:1");
    eg_nodedocs_trim(&a, 0);
    assert_string_equal(shown(&a, 0), "");
    eg_nodedocs_free(&a);
    eg_nodedocs_free(&b);
}

static eg_sentence_t g_sentences[1] = {{.start = 0, .end = 10}};
static eg_segments_t g_seg = {.sentences = g_sentences, .nsentences = 1, .nparagraphs = 1};

/* Entity 0 twice and entity 2 once in "doc-b", entity 0 once in "doc-a". */
static void test_counting_offers_each_entity_its_mentions_per_document(void **state)
{
    (void)state;
    eg_cooc_t c;
    eg_cooc_options_t opt = {.node_docs = 5};
    assert_int_equal(eg_cooc_init(&c, 3, &opt), 0);
    const eg_mention_t b[] = {{.entity = 0}, {.entity = 2}, {.entity = 0}};
    const eg_mention_t a[] = {{.entity = 0}};
    eg_doc_info_t db = {.index = 0, .id = "doc-b", .date = EG_NO_DATE};
    eg_doc_info_t da = {.index = 1, .id = "doc-a", .date = EG_NO_DATE};
    assert_int_equal(eg_cooc_add_document(&c, &db, b, 3, &g_seg, EG_WINDOW_SENTENCE), 0);
    assert_int_equal(eg_cooc_add_document(&c, &da, a, 1, &g_seg, EG_WINDOW_SENTENCE), 0);
    assert_string_equal(shown(&c.node_docs, 0), "doc-a:1 doc-b:2");
    assert_string_equal(shown(&c.node_docs, 2), "doc-b:1");
    assert_string_equal(shown(&c.node_docs, 1), "");
    assert_int_equal(cooc_find_count(&c, 0, 2), 1); /* the window still counted */
    assert_int_equal(c.windows[0], 2);
    eg_cooc_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_k_smallest_ids_in_any_order),
        cmocka_unit_test(test_merge_trim_and_remap),
        cmocka_unit_test(test_counting_offers_each_entity_its_mentions_per_document),
    };
    return cmocka_run_group_tests_name("nodedocs", tests, NULL, NULL);
}
