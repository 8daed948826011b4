/* test_registry.c — entities found in text get run indexes past the
 * dictionary's, votes that do not depend on order, and their final place
 * in id order; the counts follow them (eg_cooc_reserve, eg_cooc_remap). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "count/eg_cooc.h"
#include "count/eg_registry.h"
#include "tag/eg_dict.h"

static void load(eg_dict_t *d)
{
    static const char TSV[] = "id\tname\nparis\tParis\nberlin\tBerlin\n";
    eg_error_t err = {0};
    eg_dict_init(d);
    assert_int_equal(eg_dict_load_text(d, "places.tsv", TSV, strlen(TSV), NULL, &err), 0);
}

static void test_ids_get_indexes_past_the_dictionary(void **state)
{
    (void)state;
    eg_dict_t d;
    load(&d);
    eg_registry_t *r = eg_registry_new(&d);
    long a = eg_registry_vote(r, "zyx-plonk", "Zyx Plonk", "person", 1);
    long b = eg_registry_vote(r, "acme-ltd", "Acme Ltd", "organisation", 1);
    assert_int_equal(a, 2);
    assert_int_equal(b, 3);
    assert_int_equal(eg_registry_vote(r, "zyx-plonk", "ZYX PLONK", "person", 1), 2);
    assert_int_equal(eg_registry_find(r, "acme-ltd"), 3);
    assert_int_equal(eg_registry_find(r, "nobody"), -1);
    assert_int_equal(eg_registry_count(r), 2);
    eg_registry_free(r);
    eg_dict_free(&d);
}

/* The same votes in another order give the same label, type and order. */
static void finish_in_order(const char *const *votes, size_t n, char *out, size_t size)
{
    eg_dict_t d;
    load(&d);
    eg_registry_t *r = eg_registry_new(&d);
    for (size_t i = 0; i < n; i += 3)
        assert_true(eg_registry_vote(r, votes[i], votes[i + 1], votes[i + 2], 1) >= 0);
    uint32_t *map = NULL;
    size_t nmap = 0;
    assert_int_equal(eg_registry_finish(r, &d, &map, &nmap), 0);
    assert_int_equal(nmap, d.nentities);
    out[0] = '\0';
    for (size_t e = 2; e < d.nentities; e++) {
        const eg_entity_t *x = &d.entities[e];
        assert_true(x->found);
        snprintf(out + strlen(out), size - strlen(out), "%s=%s/%s;", x->id, x->label, x->type);
    }
    free(map);
    eg_registry_free(r);
    eg_dict_free(&d);
}

static void test_votes_do_not_depend_on_order(void **state)
{
    (void)state;
    const char *v1[] = {"zyx", "Zyx", "person", "abc", "ABC", "organisation",
                        "zyx", "ZYX", "organisation", "zyx", "Zyx", "person"};
    const char *v2[] = {"zyx", "ZYX", "organisation", "zyx", "Zyx", "person",
                        "zyx", "Zyx", "person", "abc", "ABC", "organisation"};
    char a[256], b[256];
    finish_in_order(v1, 12, a, sizeof a);
    finish_in_order(v2, 12, b, sizeof b);
    assert_string_equal(a, b);
    /* id order; zyx is a person by 2 votes to 1 */
    assert_string_equal(a, "abc=ABC/organisation;zyx=Zyx/person;");
}

static void test_counts_follow_the_renumbering(void **state)
{
    (void)state;
    eg_cooc_t c;
    assert_int_equal(eg_cooc_init(&c, 2, NULL), 0);
    /* a run numbered zyx 2 and abc 3; their final places are 3 and 2 */
    assert_int_equal(eg_cooc_reserve(&c, 4), 0);
    c.mentions[2] = 5;
    c.mentions[3] = 7;
    eg_pair_t *p = eg_cooc_pair(&c, 0, 2);
    assert_non_null(p);
    p->count = 4;
    p = eg_cooc_pair(&c, 2, 3);
    p->count = 9;
    uint32_t map[4] = {0, 1, 3, 2};
    assert_int_equal(eg_cooc_remap(&c, map, 4), 0);
    assert_int_equal(c.mentions[3], 5);
    assert_int_equal(c.mentions[2], 7);
    assert_int_equal(eg_cooc_pair(&c, 0, 3)->count, 4);
    assert_int_equal(eg_cooc_pair(&c, 2, 3)->count, 9); /* a < b again */
    eg_cooc_free(&c);
}

static void test_a_document_past_the_end_grows_the_counts(void **state)
{
    (void)state;
    eg_cooc_t c;
    assert_int_equal(eg_cooc_init(&c, 1, NULL), 0);
    eg_segments_t seg;
    eg_segments_init(&seg);
    const char *text = "Paris and Zyx met.";
    assert_int_equal(eg_segment(text, strlen(text), &seg), 0);
    eg_mention_t ms[2] = {
        {.start = 0, .end = 5, .entity = 0, .sentence = 0, .first_token = 0, .ntokens = 1},
        {.start = 10, .end = 13, .entity = 40, .sentence = 0, .first_token = 2, .ntokens = 1},
    };
    eg_doc_info_t info = {.index = 0, .id = "d", .date = EG_NO_DATE, .text = text,
                          .len = strlen(text)};
    assert_int_equal(eg_cooc_add_document(&c, &info, ms, 2, &seg, EG_WINDOW_SENTENCE), 0);
    assert_int_equal(c.nentities, 41);
    assert_int_equal(c.mentions[40], 1);
    assert_int_equal(c.mentions[7], 0);
    assert_int_equal(c.first[7], EG_NO_DATE);
    assert_int_equal(eg_cooc_pair(&c, 0, 40)->count, 1);
    eg_segments_free(&seg);
    eg_cooc_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ids_get_indexes_past_the_dictionary),
        cmocka_unit_test(test_votes_do_not_depend_on_order),
        cmocka_unit_test(test_counts_follow_the_renumbering),
        cmocka_unit_test(test_a_document_past_the_end_grows_the_counts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
