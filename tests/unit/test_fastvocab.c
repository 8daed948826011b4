/* test_fastvocab.c — keys of short ASCII tokens, the table and the set. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "tag/eg_fastvocab.h"

/* A word's key is its lower-case bytes, however it is read: from a
 * buffer with 16 readable bytes or from exactly its own bytes. */
static void test_key_is_the_lower_case_bytes(void **state)
{
    (void)state;
    const char *padded = "O'Brien, 2.9 and more text";
    eg_tokkey_t a = eg_tokkey_make(padded, 7, strlen(padded), 1);
    eg_tokkey_t b = eg_tokkey_make("o'brien", 7, 7, 0);
    assert_true(a.lo == b.lo && a.hi == b.hi);
    eg_tokkey_t c = eg_tokkey_make("ABCDEFGHIJKLMNOP", 16, 16, 1);
    eg_tokkey_t d = eg_tokkey_make("abcdefghijklmnop", 16, 16, 0);
    assert_true(c.lo == d.lo && c.hi == d.hi);
    /* a prefix is a different key */
    eg_tokkey_t e = eg_tokkey_make("abcdefghijklmno", 15, 15, 0);
    assert_false(e.lo == d.lo && e.hi == d.hi);
    assert_int_not_equal(eg_tokkey_hash(d), eg_tokkey_hash(e));
}

static void test_table_finds_what_was_added(void **state)
{
    (void)state;
    eg_fastvocab_t v;
    enum { N = 5000 };
    assert_int_equal(eg_fastvocab_init(&v, N), 0);
    char w[32];
    for (int i = 0; i < N; i++) {
        int n = snprintf(w, sizeof w, "w%dx", i);
        assert_int_equal(eg_fastvocab_add(&v, eg_tokkey_make(w, (size_t)n, (size_t)n, 0), i, -i,
                                          (uint64_t)i << 32),
                         0);
    }
    /* the same key again keeps its first values */
    assert_int_equal(eg_fastvocab_add(&v, eg_tokkey_make("w7x", 3, 3, 0), 99, 99, 99), 0);
    for (int i = 0; i < N; i++) {
        int n = snprintf(w, sizeof w, "W%dX", i); /* text case: lower-cased */
        eg_tokkey_t k = eg_tokkey_make(w, (size_t)n, (size_t)n, 1);
        const eg_fastvocab_entry_t *e = eg_fastvocab_find(&v, k, eg_tokkey_hash(k));
        assert_non_null(e);
        assert_int_equal(e->id, i);
        assert_int_equal(e->aux, -i);
        assert_true(e->extra == (uint64_t)i << 32);
    }
    eg_tokkey_t k = eg_tokkey_make("w5000x", 6, 6, 0);
    assert_null(eg_fastvocab_find(&v, k, eg_tokkey_hash(k)));
    /* full: more keys than the table was made for are refused */
    eg_fastvocab_t small;
    assert_int_equal(eg_fastvocab_init(&small, 1), 0);
    int refused = 0;
    for (int i = 0; i < 100 && !refused; i++) {
        int n = snprintf(w, sizeof w, "k%d", i);
        refused = eg_fastvocab_add(&small, eg_tokkey_make(w, (size_t)n, (size_t)n, 0), i, 0, 0) != 0;
    }
    assert_true(refused);
    eg_fastvocab_free(&small);
    eg_fastvocab_free(&v);
}

/* The set never forgets a member; most non-members are told apart. */
static void test_set_has_no_false_negatives(void **state)
{
    (void)state;
    eg_tokset_t s;
    enum { N = 2000 };
    assert_int_equal(eg_tokset_init(&s, N), 0);
    char w[32];
    for (int i = 0; i < N; i++) {
        int n = snprintf(w, sizeof w, "m%d", i);
        eg_tokset_add(&s, eg_tokkey_hash(eg_tokkey_make(w, (size_t)n, (size_t)n, 0)));
    }
    int maybe = 0;
    for (int i = 0; i < N; i++) {
        int n = snprintf(w, sizeof w, "m%d", i);
        assert_true(eg_tokset_maybe(&s, eg_tokkey_hash(eg_tokkey_make(w, (size_t)n, (size_t)n, 0))));
        n = snprintf(w, sizeof w, "other%d", i);
        maybe += eg_tokset_maybe(&s, eg_tokkey_hash(eg_tokkey_make(w, (size_t)n, (size_t)n, 0)));
    }
    assert_true(maybe < N / 10); /* about 3% expected */
    eg_tokset_free(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_key_is_the_lower_case_bytes),
        cmocka_unit_test(test_table_finds_what_was_added),
        cmocka_unit_test(test_set_has_no_false_negatives),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
