/* test_arena.c — a bump allocator: pieces stay put until the arena is freed. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdalign.h>
#include <stdio.h>
#include <string.h>

#include "base/eg_arena.h"

static void test_zeroed_arena_is_empty_and_freeable(void **state)
{
    (void)state;
    eg_arena_t a = EG_ARENA_INIT;
    eg_arena_free(&a);
    assert_null(a.chunks);
}

static void test_strndup_copies_and_terminates(void **state)
{
    (void)state;
    eg_arena_t a = EG_ARENA_INIT;
    const char src[] = "abcdef";
    char *s = eg_arena_strndup(&a, src, 3);
    assert_non_null(s);
    assert_string_equal(s, "abc");
    assert_ptr_not_equal(s, src);
    char *empty = eg_arena_strndup(&a, NULL, 0);
    assert_non_null(empty);
    assert_string_equal(empty, "");
    eg_arena_free(&a);
}

static void test_aligned_pieces_are_max_aligned(void **state)
{
    (void)state;
    eg_arena_t a = EG_ARENA_INIT;
    for (int i = 0; i < 1000; i++) {
        assert_non_null(eg_arena_alloc_bytes(&a, (size_t)i % 7 + 1));
        void *p = eg_arena_alloc(&a, (size_t)i % 33 + 1);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % alignof(max_align_t), 0);
    }
    eg_arena_free(&a);
}

/* Many pieces across many chunks keep their contents: no chunk moves. */
static void test_pieces_survive_later_allocations(void **state)
{
    (void)state;
    enum { N = 50000 };
    eg_arena_t a = EG_ARENA_INIT;
    static char *piece[N];
    char text[32];
    for (int i = 0; i < N; i++) {
        int n = snprintf(text, sizeof text, "piece-%d", i);
        piece[i] = eg_arena_strndup(&a, text, (size_t)n);
        assert_non_null(piece[i]);
    }
    for (int i = 0; i < N; i++) {
        snprintf(text, sizeof text, "piece-%d", i);
        assert_string_equal(piece[i], text);
    }
    eg_arena_free(&a);
}

/* A piece bigger than a chunk gets its own, and the current chunk's free
 * room is still used afterwards. */
static void test_huge_piece_does_not_waste_the_current_chunk(void **state)
{
    (void)state;
    eg_arena_t a = EG_ARENA_INIT;
    char *small = eg_arena_alloc_bytes(&a, 10);
    assert_non_null(small);
    char *huge = eg_arena_alloc_bytes(&a, (size_t)4 << 20);
    assert_non_null(huge);
    memset(huge, 'x', (size_t)4 << 20);
    char *next = eg_arena_alloc_bytes(&a, 10);
    assert_ptr_equal(next, small + 10);
    eg_arena_free(&a);
}

static void test_free_leaves_a_reusable_arena(void **state)
{
    (void)state;
    eg_arena_t a = EG_ARENA_INIT;
    assert_non_null(eg_arena_alloc(&a, 100));
    eg_arena_free(&a);
    assert_null(a.chunks);
    char *s = eg_arena_strndup(&a, "again", 5);
    assert_string_equal(s, "again");
    eg_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_zeroed_arena_is_empty_and_freeable),
        cmocka_unit_test(test_strndup_copies_and_terminates),
        cmocka_unit_test(test_aligned_pieces_are_max_aligned),
        cmocka_unit_test(test_pieces_survive_later_allocations),
        cmocka_unit_test(test_huge_piece_does_not_waste_the_current_chunk),
        cmocka_unit_test(test_free_leaves_a_reusable_arena),
    };
    return cmocka_run_group_tests_name("arena", tests, NULL, NULL);
}
