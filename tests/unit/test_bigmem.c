/* test_bigmem.c — large blocks: zeroed when asked, contents kept across
 * resizes between the malloc and the mapped sizes, aligned. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdalign.h>
#include <string.h>

#include "base/eg_bigmem.h"

static int all_zero(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return 0;
    return 1;
}

static void test_calloc_is_zeroed_small_and_big(void **state)
{
    (void)state;
    size_t sizes[] = {0, 1, 100, (size_t)1 << 20, (size_t)5 << 20};
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        unsigned char *p = eg_big_calloc(sizes[i]);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % alignof(max_align_t), 0);
        assert_true(all_zero(p, sizes[i]));
        memset(p, 0xAB, sizes[i]);
        eg_big_free(p);
    }
}

/* Grow from a malloc'd block through a mapping and shrink back: the
 * bytes kept are the bytes written. */
static void test_realloc_keeps_contents_across_kinds(void **state)
{
    (void)state;
    size_t n = 1000;
    unsigned char *p = eg_big_alloc(n);
    assert_non_null(p);
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(i * 7);
    size_t steps[] = {(size_t)3 << 20, (size_t)3 << 20 | 5, (size_t)9 << 20, 500};
    for (size_t s = 0; s < sizeof steps / sizeof *steps; s++) {
        p = eg_big_realloc(p, steps[s]);
        assert_non_null(p);
        for (size_t i = 0; i < (n < steps[s] ? n : steps[s]); i++)
            assert_int_equal(p[i], (unsigned char)(i * 7));
        memset(p + n, 1, steps[s] > n ? steps[s] - n : 0); /* all of it is usable */
    }
    eg_big_free(p);
}

static void test_realloc_of_null_allocates_and_free_of_null_is_nothing(void **state)
{
    (void)state;
    char *p = eg_big_realloc(NULL, 10);
    assert_non_null(p);
    memcpy(p, "123456789", 10);
    assert_string_equal(p, "123456789");
    eg_big_free(p);
    eg_big_free(NULL);
}

static void test_reserve_grows_a_typed_array_and_keeps_it(void **state)
{
    (void)state;
    long *a = NULL;
    size_t cap = 0;
    assert_int_equal(eg_big_reserve(&a, &cap, 10, sizeof *a), 0);
    assert_int_equal(cap, 10);
    for (long i = 0; i < 10; i++)
        a[i] = i * i;
    assert_int_equal(eg_big_reserve(&a, &cap, 5, sizeof *a), 0); /* never shrinks */
    assert_int_equal(cap, 10);
    assert_int_equal(eg_big_reserve(&a, &cap, 1 << 20, sizeof *a), 0);
    assert_int_equal(cap, 1 << 20);
    for (long i = 0; i < 10; i++)
        assert_int_equal(a[i], i * i);
    assert_int_equal(eg_big_reserve(&a, &cap, SIZE_MAX / 2, sizeof *a), -1);
    assert_int_equal(cap, 1 << 20);
    eg_big_free(a);
}

/* A mapped block's data starts a huge page and a power-of-two size fills
 * whole ones: the header is kept out of them (under AddressSanitizer
 * every block comes from malloc, and nothing is aligned so). */
static void test_power_of_two_block_fills_whole_huge_pages(void **state)
{
    (void)state;
    const size_t huge = (size_t)2 << 20;
    unsigned char *p = eg_big_calloc(2 * huge);
    assert_non_null(p);
#if !defined(__SANITIZE_ADDRESS__)
    assert_int_equal((uintptr_t)p % huge, 0);
#endif
    assert_true(all_zero(p, 2 * huge));
    memset(p, 0x5A, 2 * huge);
    unsigned char *q = eg_big_realloc(p, 2 * huge - 100); /* room: stays */
    assert_non_null(q);
    assert_int_equal(q[2 * huge - 101], 0x5A);
    q = eg_big_realloc(q, 2 * huge + 1); /* past the room: moves, keeps */
    assert_non_null(q);
    assert_true(q[0] == 0x5A && q[2 * huge - 101] == 0x5A);
    eg_big_free(q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_calloc_is_zeroed_small_and_big),
        cmocka_unit_test(test_realloc_keeps_contents_across_kinds),
        cmocka_unit_test(test_realloc_of_null_allocates_and_free_of_null_is_nothing),
        cmocka_unit_test(test_reserve_grows_a_typed_array_and_keeps_it),
        cmocka_unit_test(test_power_of_two_block_fills_whole_huge_pages),
    };
    return cmocka_run_group_tests_name("bigmem", tests, NULL, NULL);
}
