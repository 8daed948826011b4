/* test_glob.c — the patterns of --include and --exclude: stars stop at
 * '/', "**" crosses folders, sets, escapes, UTF-8 characters, malformed
 * patterns, and no pattern that can make matching slow. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/eg_glob.h"

static int matches(const char *pattern, const char *s)
{
    const char *why = NULL;
    eg_glob_t *g = eg_glob_compile(pattern, &why);
    if (!g)
        fail_msg("'%s' does not compile: %s", pattern, why);
    int m = eg_glob_match(g, s);
    eg_glob_free(g);
    return m;
}

#define YES(p, s) assert_true(matches(p, s))
#define NO(p, s) assert_false(matches(p, s))

static void test_star_and_question_mark_stay_in_one_name(void **state)
{
    (void)state;
    YES("*.txt", "doc.txt");
    YES("*.txt", ".txt");
    NO("*.txt", "doc.json");
    NO("*.txt", "a/doc.txt");
    YES("a/*.txt", "a/doc.txt");
    NO("a/*.txt", "a/b/doc.txt");
    YES("doc?.txt", "doc1.txt");
    NO("doc?.txt", "doc.txt");
    NO("a?b", "a/b");
    YES("*", "anything");
    NO("*", "a/b");
    NO("doc.txt", "doc.txt.gz"); /* the whole string */
    NO("DOC.txt", "doc.txt");    /* case matters */
}

static void test_globstar_crosses_folders(void **state)
{
    (void)state;
    YES("**/*.txt", "doc.txt");
    YES("**/*.txt", "a/b/c/doc.txt");
    YES("2024/**/*.txt", "2024/doc.txt");
    YES("2024/**/*.txt", "2024/may/3/doc.txt");
    NO("2024/**/*.txt", "2023/may/doc.txt");
    YES("drafts/**", "drafts/a/b.txt");
    YES("**", "a/b/c");
    YES("a**z", "a/b/z");
}

static void test_sets_and_escapes(void **state)
{
    (void)state;
    YES("doc[0-9].txt", "doc7.txt");
    NO("doc[0-9].txt", "docx.txt");
    YES("doc[!0-9].txt", "docx.txt");
    YES("doc[^0-9].txt", "docx.txt");
    NO("doc[!0-9].txt", "doc7.txt");
    YES("[]]", "]");
    YES("[a-]", "-");
    NO("a[/]b", "a/b"); /* a set never matches '/' */
    YES("\\*.txt", "*.txt");
    NO("\\*.txt", "a.txt");
    YES("[\\]]", "]");
}

static void test_characters_are_utf8(void **state)
{
    (void)state;
    YES("caf?.txt", "caf\xc3\xa9.txt");
    YES("[\xc3\xa9\xc3\xa8]t\xc3\xa9", "\xc3\xa8t\xc3\xa9");
    YES("[\xc3\xa0-\xc3\xbf]", "\xc3\xa9");
    YES("?", "\xff"); /* a stray byte is one character */
}

static void test_malformed_patterns_are_refused(void **state)
{
    (void)state;
    const char *bad[] = {"", "[abc", "doc\\", "[a-\\"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        const char *why = NULL;
        eg_glob_t *g = eg_glob_compile(bad[i], &why);
        if (g)
            fail_msg("'%s' compiled", bad[i]);
        assert_non_null(why);
    }
}

static void test_slash_marks_a_path_pattern(void **state)
{
    (void)state;
    eg_glob_t *a = eg_glob_compile("*.txt", NULL), *b = eg_glob_compile("a/*.txt", NULL),
              *c = eg_glob_compile("**.txt", NULL);
    assert_false(eg_glob_has_slash(a));
    assert_true(eg_glob_has_slash(b));
    assert_true(eg_glob_has_slash(c));
    eg_glob_free(a), eg_glob_free(b), eg_glob_free(c);
}

/* A backtracking matcher takes exponential time here; the automaton
 * takes (pattern x path) steps. */
static void test_many_stars_stay_fast(void **state)
{
    (void)state;
    char s[4001];
    memset(s, 'a', 4000);
    s[4000] = 0;
    clock_t t0 = clock();
    NO("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", s);
    NO("**a**a**a**a**a**a**a**a**a**a**a**a**b", s);
    assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 2.0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_star_and_question_mark_stay_in_one_name),
        cmocka_unit_test(test_globstar_crosses_folders),
        cmocka_unit_test(test_sets_and_escapes),
        cmocka_unit_test(test_characters_are_utf8),
        cmocka_unit_test(test_malformed_patterns_are_refused),
        cmocka_unit_test(test_slash_marks_a_path_pattern),
        cmocka_unit_test(test_many_stars_stay_fast),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
