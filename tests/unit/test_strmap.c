/* test_strmap.c — interning byte strings to dense ids in insertion order. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "base/eg_strmap.h"

static eg_strmap_t m;

static int setup(void **state)
{
    (void)state;
    eg_strmap_init(&m);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    eg_strmap_free(&m);
    return 0;
}

static long intern(const char *s, int *added)
{
    return eg_strmap_intern(&m, s, strlen(s), added);
}

static long find(const char *s)
{
    return eg_strmap_find(&m, s, strlen(s));
}

static void test_empty_map_finds_nothing(void **state)
{
    (void)state;
    assert_int_equal(find("kremlin"), -1);
    assert_int_equal(find(""), -1);
    assert_int_equal(m.count, 0);
}

static void test_ids_are_dense_in_insertion_order(void **state)
{
    (void)state;
    int added = -1;
    assert_int_equal(intern("putin", &added), 0);
    assert_int_equal(added, 1);
    assert_int_equal(intern("peskov", &added), 1);
    assert_int_equal(added, 1);
    assert_int_equal(intern("erdogan", &added), 2);
    assert_int_equal(added, 1);
    assert_int_equal(m.count, 3);
}

static void test_interning_again_returns_same_id_and_adds_nothing(void **state)
{
    (void)state;
    int added = -1;
    intern("putin", NULL);
    intern("peskov", NULL);
    assert_int_equal(intern("putin", &added), 0);
    assert_int_equal(added, 0);
    assert_int_equal(intern("peskov", NULL), 1);
    assert_int_equal(m.count, 2);
}

static void test_find_returns_id_of_interned_key_only(void **state)
{
    (void)state;
    intern("putin", NULL);
    intern("peskov", NULL);
    assert_int_equal(find("peskov"), 1);
    assert_int_equal(find("putin"), 0);
    assert_int_equal(find("Putin"), -1);
    assert_int_equal(find("puti"), -1);
    assert_int_equal(find("putinn"), -1);
}

static void test_map_owns_a_copy_of_the_key(void **state)
{
    (void)state;
    char key[16] = "beslan";
    assert_int_equal(eg_strmap_intern(&m, key, 6, NULL), 0);
    strcpy(key, "moscow");
    assert_string_equal(eg_strmap_key(&m, 0), "beslan");
    assert_int_equal(find("beslan"), 0);
    assert_int_equal(find("moscow"), -1);
}

static void test_key_is_nul_terminated_copy_of_given_length(void **state)
{
    (void)state;
    assert_int_equal(eg_strmap_intern(&m, "russia's", 6, NULL), 0);
    assert_string_equal(eg_strmap_key(&m, 0), "russia");
    assert_int_equal(find("russia"), 0);
    assert_int_equal(find("russia's"), -1);
}

static void test_keys_with_embedded_nul_bytes_are_distinct(void **state)
{
    (void)state;
    assert_int_equal(eg_strmap_intern(&m, "a\0b", 3, NULL), 0);
    assert_int_equal(eg_strmap_intern(&m, "a\0c", 3, NULL), 1);
    assert_int_equal(eg_strmap_intern(&m, "a", 1, NULL), 2);
    assert_int_equal(eg_strmap_intern(&m, "a\0", 2, NULL), 3);
    assert_int_equal(eg_strmap_find(&m, "a\0b", 3), 0);
    assert_int_equal(eg_strmap_find(&m, "a\0c", 3), 1);
    assert_int_equal(eg_strmap_find(&m, "a", 1), 2);
    assert_int_equal(eg_strmap_find(&m, "a\0", 2), 3);
    assert_int_equal(eg_strmap_find(&m, "a\0d", 3), -1);
    assert_memory_equal(eg_strmap_key(&m, 1), "a\0c", 4);
    assert_int_equal(m.key_lens[1], 3);
}

static void test_keys_with_high_bytes(void **state)
{
    (void)state;
    assert_int_equal(intern("песков", NULL), 0);
    assert_int_equal(eg_strmap_intern(&m, "\xFF\xFE\x80", 3, NULL), 1);
    assert_int_equal(find("песков"), 0);
    assert_int_equal(eg_strmap_find(&m, "\xFF\xFE\x80", 3), 1);
}

static void test_empty_key_is_a_key(void **state)
{
    (void)state;
    intern("x", NULL);
    int added = 0;
    assert_int_equal(eg_strmap_intern(&m, "", 0, &added), 1);
    assert_int_equal(added, 1);
    assert_int_equal(eg_strmap_find(&m, "", 0), 1);
    assert_string_equal(eg_strmap_key(&m, 1), "");
}

static void test_growth_past_many_keys_keeps_every_id(void **state)
{
    (void)state;
    enum { N = 100000 };
    char key[32];
    for (long i = 0; i < N; i++) {
        int n = snprintf(key, sizeof key, "key-%ld", i);
        int added = 0;
        long id = eg_strmap_intern(&m, key, (size_t)n, &added);
        if (id != i || !added)
            fail_msg("intern of %s gave %ld (added %d)", key, id, added);
    }
    assert_int_equal(m.count, N);
    /* load stays at most one half */
    assert_true(m.nslots >= 2 * (size_t)N);
    assert_int_equal(m.nslots & (m.nslots - 1), 0);
    for (long i = 0; i < N; i++) {
        int n = snprintf(key, sizeof key, "key-%ld", i);
        long id = eg_strmap_find(&m, key, (size_t)n);
        if (id != i)
            fail_msg("find of %s gave %ld", key, id);
        if (strcmp(eg_strmap_key(&m, (size_t)i), key) != 0)
            fail_msg("key %ld is %s", i, eg_strmap_key(&m, (size_t)i));
    }
    assert_int_equal(find("key-100000"), -1);
    assert_int_equal(find("key-"), -1);
    int added = 1;
    assert_int_equal(intern("key-99999", &added), 99999);
    assert_int_equal(added, 0);
}

static void test_free_leaves_an_empty_reusable_map(void **state)
{
    (void)state;
    intern("a", NULL);
    intern("b", NULL);
    eg_strmap_free(&m);
    assert_int_equal(m.count, 0);
    assert_int_equal(find("a"), -1);
    assert_int_equal(intern("b", NULL), 0);
}

static void test_reserve_makes_room_without_changing_ids(void **state)
{
    (void)state;
    assert_int_equal(intern("first", NULL), 0);
    assert_int_equal(eg_strmap_reserve(&m, 10000), 0);
    assert_true(m.nslots >= 20000);
    assert_true(m.cap >= 10000);
    size_t slots = m.nslots;
    char key[32];
    for (int i = 0; i < 9999; i++) {
        snprintf(key, sizeof key, "key-%d", i);
        assert_int_equal(intern(key, NULL), i + 1);
    }
    assert_int_equal(m.nslots, slots); /* no growth past the reservation */
    assert_int_equal(find("first"), 0);
    assert_int_equal(find("key-9998"), 9999);
    assert_int_equal(eg_strmap_reserve(&m, 5), 0); /* never shrinks */
    assert_int_equal(m.nslots, slots);
}

static void test_intern_hashed_is_intern_with_the_hash_given(void **state)
{
    (void)state;
    uint64_t h = eg_strmap_hash("abc", 3);
    int added = 0;
    assert_int_equal(eg_strmap_intern_hashed(&m, "abc", 3, h, &added), 0);
    assert_int_equal(added, 1);
    assert_int_equal(intern("abc", &added), 0);
    assert_int_equal(added, 0);
    assert_int_equal(eg_strmap_find_hashed(&m, "abc", 3, h), 0);
}

/* Keys are packed in an arena: each stays where it is as others arrive. */
static void test_key_addresses_are_stable_while_the_map_grows(void **state)
{
    (void)state;
    intern("stable", NULL);
    const char *first = eg_strmap_key(&m, 0);
    char key[32];
    for (int i = 0; i < 50000; i++) {
        snprintf(key, sizeof key, "k%d", i);
        intern(key, NULL);
    }
    assert_ptr_equal(eg_strmap_key(&m, 0), first);
    assert_string_equal(first, "stable");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_empty_map_finds_nothing),
        T(test_ids_are_dense_in_insertion_order),
        T(test_interning_again_returns_same_id_and_adds_nothing),
        T(test_find_returns_id_of_interned_key_only),
        T(test_map_owns_a_copy_of_the_key),
        T(test_key_is_nul_terminated_copy_of_given_length),
        T(test_keys_with_embedded_nul_bytes_are_distinct),
        T(test_keys_with_high_bytes),
        T(test_empty_key_is_a_key),
        T(test_growth_past_many_keys_keeps_every_id),
        T(test_free_leaves_an_empty_reusable_map),
        T(test_reserve_makes_room_without_changing_ids),
        T(test_intern_hashed_is_intern_with_the_hash_given),
        T(test_key_addresses_are_stable_while_the_map_grows),
    };
    return cmocka_run_group_tests_name("strmap", tests, NULL, NULL);
}
