/* test_alias_index.c — an alias is the same alias only on the same entity
 * with the same case policy, before and after its entity has so many
 * aliases that it moves from the walk to the hash set. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tag/eg_alias_index.h"

enum { MAX = 7000 };
static eg_alias_t aliases[MAX];
static char texts[MAX][16];
static size_t n;
static eg_alias_index_t *x;

static int setup(void **state)
{
    (void)state;
    n = 0;
    x = eg_alias_index_new();
    return x ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    eg_alias_index_free(x);
    return 0;
}

static int has(uint32_t entity, uint8_t policy, const char *text)
{
    return eg_alias_index_has(x, aliases, entity, policy, text, strlen(text));
}

/* Add like the loader: only when the index does not have it yet. */
static int add(uint32_t entity, uint8_t policy, const char *text)
{
    if (has(entity, policy, text))
        return 0;
    snprintf(texts[n], sizeof texts[n], "%s", text);
    aliases[n] = (eg_alias_t){.text = texts[n], .entity = entity, .policy = policy};
    assert_int_equal(eg_alias_index_add(x, aliases, n), 0);
    n++;
    return 1;
}

static void test_same_triple_is_added_once(void **state)
{
    (void)state;
    assert_true(add(0, EG_CASE_AUTO, "ECHR"));
    assert_false(add(0, EG_CASE_AUTO, "ECHR"));
    assert_int_equal(n, 1);
}

static void test_other_entity_policy_or_text_is_another_alias(void **state)
{
    (void)state;
    assert_true(add(0, EG_CASE_AUTO, "Court"));
    assert_true(add(1, EG_CASE_AUTO, "Court"));
    assert_true(add(0, EG_CASE_EXACT, "Court"));
    assert_true(add(0, EG_CASE_AUTO, "Cour"));   /* a prefix is not the alias */
    assert_true(add(0, EG_CASE_AUTO, "Courts")); /* nor a longer text */
    assert_false(has(2, EG_CASE_AUTO, "Court"));
}

/* Past EG_ALIAS_INDEX_WALK aliases an entity's aliases are in the set:
 * every one of them is still found, and only them. */
static void test_entity_with_many_aliases_finds_each_once(void **state)
{
    (void)state;
    char t[16];
    for (int i = 0; i < 3000; i++) {
        snprintf(t, sizeof t, "a%d", i);
        assert_true(add(7, EG_CASE_FOLD, t));
        assert_true(add((uint32_t)(100 + i % 3), EG_CASE_FOLD, t)); /* small entities too */
    }
    for (int i = 0; i < 3000; i++) {
        snprintf(t, sizeof t, "a%d", i);
        assert_true(has(7, EG_CASE_FOLD, t));
        assert_false(has(7, EG_CASE_AUTO, t));
        assert_false(add(7, EG_CASE_FOLD, t));
    }
    assert_false(has(7, EG_CASE_FOLD, "a3000"));
    assert_int_equal(n, 6000);
}

static void test_entity_numbers_far_apart(void **state)
{
    (void)state;
    assert_true(add(100000, EG_CASE_AUTO, "Far"));
    assert_false(add(100000, EG_CASE_AUTO, "Far"));
    assert_false(has(99999, EG_CASE_AUTO, "Far"));
    assert_false(has(200000, EG_CASE_AUTO, "Far")); /* beyond any entity seen */
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_same_triple_is_added_once),
        T(test_other_entity_policy_or_text_is_another_alias),
        T(test_entity_with_many_aliases_finds_each_once),
        T(test_entity_numbers_far_apart),
    };
    return cmocka_run_group_tests_name("alias_index", tests, NULL, NULL);
}
