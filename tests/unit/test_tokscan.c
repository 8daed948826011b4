/* test_tokscan.c — the token bitmaps give exactly eg_tokenize's tokens.
 *
 * Every check goes through same_as_tokenize(): the text is cut by both
 * tokenizers and must give the same number of tokens and, token by
 * token, the same start, end, base_end, kind and flags; rank and select
 * must invert each other, the walk by next_start must visit every token,
 * and the upper, newline and mark bitmaps must hold what a plain decode
 * of the text says. The hand cases also state the tokens they expect, so
 * that a bug the two tokenizers shared would still show. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "base/eg_error.h"
#include "text/eg_segment.h"
#include "text/eg_tokscan.h"

static eg_segments_t g_seg;
static eg_tokscan_t g_ts;

static int setup(void **state)
{
    (void)state;
    eg_segments_init(&g_seg);
    eg_tokscan_init(&g_ts);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    eg_segments_free(&g_seg);
    eg_tokscan_free(&g_ts);
    return 0;
}

static int bit(const uint64_t *bitmap, size_t i)
{
    return (int)((bitmap[i / 64] >> (i % 64)) & 1);
}

/* The upper, newline and mark bits of text as one decode of every
 * character says they are (bitmap-free, slow, obviously right). */
static void assert_char_bitmaps(const char *text, size_t len)
{
    size_t i = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)text + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        assert_true(n > 0);
        int cat = utf8proc_category(cp);
        int upper = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
        int nl = cp == '\n' || cp == 0x85 || cp == 0x2028 || cp == 0x2029;
        int mark = cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x203C ||
                   cp == 0x2047 || cp == 0x3002;
        for (utf8proc_ssize_t j = 0; j < n; j++) {
            if (bit(g_ts.upper, i + (size_t)j) != (upper && j == 0) ||
                bit(g_ts.newline, i + (size_t)j) != ((nl && j == 0) || (cp == 0x2029 && j == 1)) ||
                bit(g_ts.mark, i + (size_t)j) != (mark && j == 0))
                fail_msg("byte %zu of U+%04X: upper %d newline %d mark %d", i + (size_t)j,
                         (unsigned)cp, bit(g_ts.upper, i + (size_t)j),
                         bit(g_ts.newline, i + (size_t)j), bit(g_ts.mark, i + (size_t)j));
        }
        i += (size_t)n;
    }
    /* nothing past len, in any bitmap */
    for (size_t p = len + 1; p < 64 * g_ts.nblocks; p++)
        assert_false(bit(g_ts.tok_start, p) | bit(g_ts.word_start, p) | bit(g_ts.tok_end, p) |
                     bit(g_ts.upper, p) | bit(g_ts.newline, p) | bit(g_ts.mark, p));
}

static void fail_token(const char *text, size_t k, const eg_token_t *want, const eg_token_t *got)
{
    fail_msg("token %zu: tokenize [%u,%u) base %u kind %u flags 0x%02x '%.*s'; "
             "tokscan [%u,%u) base %u kind %u flags 0x%02x '%.*s'",
             k, want->start, want->end, want->base_end, want->kind, want->flags,
             (int)(want->end - want->start), text + want->start, got->start, got->end,
             got->base_end, got->kind, got->flags,
             got->end > got->start ? (int)(got->end - got->start) : 0, text + got->start);
}

static int token_differs(const eg_token_t *a, const eg_token_t *b)
{
    return a->start != b->start || a->end != b->end || a->base_end != b->base_end ||
           a->kind != b->kind || a->flags != b->flags || b->sentence != 0;
}

/* The differential check: text[0..len) cut both ways (see the top). */
static void same_as_tokenize(const char *text, size_t len)
{
    assert_int_equal(eg_tokenize(text, len, &g_seg), 0);
    assert_int_equal(eg_tokscan(text, len, &g_ts), 0);
    if (g_ts.ntokens != g_seg.ntokens)
        fail_msg("'%.*s': tokenize %zu tokens, tokscan %zu", (int)len, text, g_seg.ntokens,
                 g_ts.ntokens);
    size_t words = 0, pos = eg_tokscan_next_start(&g_ts, 0);
    for (size_t k = 0; k < g_seg.ntokens; k++) {
        const eg_token_t *want = &g_seg.tokens[k];
        eg_token_t got;
        eg_tokscan_token(&g_ts, text, k, &got);
        if (token_differs(want, &got))
            fail_token(text, k, want, &got);
        words += want->kind == EG_TOK_WORD;
        assert_int_equal(eg_tokscan_rank(&g_ts, got.start), k);
        assert_int_equal(eg_tokscan_rank(&g_ts, got.start + 1), k + 1);
        /* the walk in order meets the same token */
        assert_int_equal(pos, want->start);
        eg_tokscan_token_at(&g_ts, text, pos, &got);
        if (token_differs(want, &got))
            fail_token(text, k, want, &got);
        pos = eg_tokscan_next_start(&g_ts, pos + 1);
        assert_true(bit(g_ts.tok_end, want->end));
    }
    assert_int_equal(pos, len);
    assert_int_equal(g_ts.nwords, words);
    assert_int_equal(eg_tokscan_rank(&g_ts, len), g_seg.ntokens);
    /* no start or end bit but the tokens' own */
    size_t starts = 0, ends = 0;
    for (size_t p = 0; p <= len; p++) {
        starts += (size_t)bit(g_ts.tok_start, p);
        ends += (size_t)bit(g_ts.tok_end, p);
    }
    assert_int_equal(starts, g_seg.ntokens);
    assert_int_equal(ends, g_seg.ntokens);
    assert_char_bitmaps(text, len);
}

/* The same for every prefix of text that ends between characters: text
 * that stops mid-pattern ("O'", "2.", a half-read word). */
static void same_for_every_prefix(const char *text)
{
    size_t len = strlen(text);
    for (size_t n = 0; n <= len; n++)
        if (n == len || ((unsigned char)text[n] & 0xC0) != 0x80)
            same_as_tokenize(text, n);
}

/* text cuts into exactly the tokens listed (NULL-terminated), both ways. */
static void assert_tokens(const char *text, const char *const *want)
{
    same_for_every_prefix(text); /* the whole text last: g_ts holds it */
    size_t n = 0;
    while (want[n])
        n++;
    if (g_ts.ntokens != n)
        fail_msg("'%s': %zu tokens, want %zu", text, g_ts.ntokens, n);
    for (size_t k = 0; k < n; k++) {
        eg_token_t t;
        eg_tokscan_token(&g_ts, text, k, &t);
        size_t tn = t.end - t.start;
        if (tn != strlen(want[k]) || memcmp(text + t.start, want[k], tn) != 0)
            fail_msg("'%s': token %zu is '%.*s', want '%s'", text, k, (int)tn, text + t.start,
                     want[k]);
    }
}

#define TOKENS(text, ...)                                                                      \
    do {                                                                                       \
        static const char *const want_[] = {__VA_ARGS__, NULL};                                \
        assert_tokens(text, want_);                                                            \
    } while (0)

static void test_apostrophe_joins_before_a_letter(void **state)
{
    (void)state;
    TOKENS("O'Brien said", "O'Brien", "said");
    TOKENS("Russia\xE2\x80\x99s army", "Russia\xE2\x80\x99s", "army");     /* U+2019 */
    TOKENS("Russia\xE2\x80\x98s army", "Russia\xE2\x80\x98s", "army");     /* U+2018 */
    TOKENS("Hawai\xCA\xBBi ok", "Hawai\xCA\xBBi", "ok");                   /* U+02BB: a letter */
    TOKENS("the '90s", "the", "'", "90s");
    TOKENS("90's", "90's");
    TOKENS("rock'n'roll", "rock'n'roll");
    TOKENS("dogs' bowls", "dogs", "'", "bowls");
    TOKENS("a''b", "a", "'", "'", "b");
    TOKENS("x'1", "x", "'", "1");
}

static void test_dot_and_comma_join_between_digits(void **state)
{
    (void)state;
    TOKENS("GDP grew 2.9 percent", "GDP", "grew", "2.9", "percent");
    TOKENS("1,100 people", "1,100", "people");
    TOKENS("1.2.3", "1.2.3");
    TOKENS("1..2", "1", ".", ".", "2");
    TOKENS("a.1 1.a", "a", ".", "1", "1", ".", "a");
    TOKENS("e.g. this", "e", ".", "g", ".", "this");
    TOKENS("in 2019.", "in", "2019", ".");
}

static void test_punctuation_is_one_character_a_token(void **state)
{
    (void)state;
    TOKENS("Kremlin-backed \xE2\x80\x9Cgroup\xE2\x80\x9D\xE2\x80\xA6", "Kremlin", "-", "backed",
           "\xE2\x80\x9C", "group", "\xE2\x80\x9D", "\xE2\x80\xA6");
    TOKENS("Yes!? (no)", "Yes", "!", "?", "(", "no", ")");
    TOKENS("\xE3\x80\x82\xE2\x80\xBC", "\xE3\x80\x82", "\xE2\x80\xBC");
}

static void test_unicode_spaces_and_format_characters_are_white_space(void **state)
{
    (void)state;
    TOKENS("\xEF\xBB\xBFHello", "Hello");                       /* BOM */
    TOKENS("a\xE2\x80\x8B" "b", "a", "b");                      /* zero-width space */
    TOKENS("co\xC2\xAD" "operate", "co", "operate");            /* soft hyphen */
    TOKENS("a\xC2\xA0" "b\xE2\x80\x89" "c", "a", "b", "c");     /* no-break, thin space */
    TOKENS("a\xE2\x80\xA8" "b\xC2\x85" "c", "a", "b", "c");     /* U+2028, U+0085 */
}

static void test_paragraphs_count_line_breaks_as_tokenize_does(void **state)
{
    (void)state;
#define PARAGRAPHS "One.\n\nTwo.\nThree\xE2\x80\xA9" "Four \xE2\x80\xA8 five\xC2\x85\xC2\x85six"
    TOKENS(PARAGRAPHS, "One", ".", "Two", ".", "Three", "Four", "five", "six");
    static const int para[] = {1, 0, 1, 0, 0, 1, 0, 1};
    for (size_t k = 0; k < 8; k++) {
        eg_token_t t;
        eg_tokscan_token(&g_ts, PARAGRAPHS, k, &t);
        assert_int_equal((t.flags & EG_TOKF_PARA_START) != 0, para[k]);
    }
#undef PARAGRAPHS
}

static void test_accented_capitals_and_marks_are_word_characters(void **state)
{
    (void)state;
    TOKENS("\xC3\x89mile Zola", "\xC3\x89mile", "Zola");
    TOKENS("e\xCC\x81t\xC3\xA9 x", "e\xCC\x81t\xC3\xA9", "x");  /* combining acute */
    TOKENS("\xCC\x81x", "\xCC\x81x");                             /* a mark starts a word */
    TOKENS("\xC7\x85ubrovnik", "\xC7\x85ubrovnik");               /* U+01C5, title case */
    TOKENS("\xD9\xA3.\xD9\xA4", "\xD9\xA3", ".", "\xD9\xA4");     /* Arabic-Indic digits do not join */
    TOKENS("\xE5\x8C\x97\xE4\xBA\xAC\xE3\x80\x82\xF0\x9F\x98\x80!", "\xE5\x8C\x97\xE4\xBA\xAC",
           "\xE3\x80\x82", "\xF0\x9F\x98\x80", "!");
    same_as_tokenize("\xC3\x89mile", 6);
    eg_token_t t;
    eg_tokscan_token(&g_ts, "\xC3\x89mile", 0, &t);
    assert_true(t.flags & EG_TOKF_CAP);
    assert_false(t.flags & EG_TOKF_ASCII);
}

static void test_possessive_base(void **state)
{
    (void)state;
    const char *text = "Putin's Russia\xE2\x80\x99s Ukraine\xCA\xBCS it's";
    same_as_tokenize(text, strlen(text));
    eg_token_t t;
    eg_tokscan_token(&g_ts, text, 0, &t);
    assert_int_equal(t.base_end, 5);
    eg_tokscan_token(&g_ts, text, 1, &t);
    assert_int_equal(t.base_end, t.end - 4);
}

static void test_empty_and_blank_text_have_no_tokens(void **state)
{
    (void)state;
    same_as_tokenize("", 0);
    assert_int_equal(g_ts.ntokens, 0);
    assert_int_equal(eg_tokscan_next_start(&g_ts, 0), 0);
    char blank[200];
    memset(blank, ' ', sizeof blank);
    blank[64] = '\n';
    same_as_tokenize(blank, sizeof blank);
    assert_int_equal(g_ts.ntokens, 0);
}

/* Fragments whose tokens depend on the characters around them, each put
 * at every offset across a 64-byte block edge, after spaces and after
 * letters, with and without text after it. */
static const char *const EDGE_CASES[] = {
    "O'Brien", "Russia\xE2\x80\x99s", "x\xE2\x80\x99", "1,100", "2.9", "3.", "e.g.",
    "\xC3\x89mile", "x\xCC\x81y", "a\xE2\x80\xA9\xE2\x80\xA9" "b", "\xE2\x80\x9C" "A\xE2\x80\x9D",
    "\xEF\xBB\xBF" "A", "\xF0\x9F\x98\x80" "a", "a\n\nb", "4'\xC3\xA9", "\xC3\xA9'\xC3\xA9",
    "9.\xD9\xA3", "Mr. X", "a\xC2\x85" "b",
};

static void test_tokens_straddling_block_edges(void **state)
{
    (void)state;
    char buf[400];
    for (size_t c = 0; c < sizeof EDGE_CASES / sizeof *EDGE_CASES; c++) {
        size_t n = strlen(EDGE_CASES[c]);
        for (size_t off = 40; off < 140; off++)
            for (int fill = 0; fill < 2; fill++) {
                memset(buf, fill ? 'w' : ' ', off);
                if (fill)
                    buf[0] = ' ';
                memcpy(buf + off, EDGE_CASES[c], n);
                same_as_tokenize(buf, off + n); /* the text ends with it */
                memcpy(buf + off + n, "7a b", 4);
                same_as_tokenize(buf, off + n + 4);
            }
    }
}

/* Every line, and every whole file, of the test texts. */
static void test_real_text_lines(void **state)
{
    (void)state;
    glob_t g;
    assert_int_equal(glob("tests/data/*/*.txt", 0, NULL, &g), 0);
    size_t files = 0, lines = 0;
    for (size_t f = 0; f < g.gl_pathc; f++) {
        FILE *fp = fopen(g.gl_pathv[f], "rb");
        assert_non_null(fp);
        fseek(fp, 0, SEEK_END);
        long size = ftell(fp);
        rewind(fp);
        char *text = malloc((size_t)size + 1);
        assert_int_equal(fread(text, 1, (size_t)size, fp), (size_t)size);
        fclose(fp);
        same_as_tokenize(text, (size_t)size);
        for (char *p = text, *end = text + size; p < end; lines++) {
            char *nl = memchr(p, '\n', (size_t)(end - p));
            size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
            same_as_tokenize(p, n);
            p += n + 1;
        }
        free(text);
        files++;
    }
    globfree(&g);
    assert_true(files >= 5 && lines >= 100); /* the texts were found */
}

/* Random documents made of the fragments news text mixes. */
static const char *const FRAGMENTS[] = {
    "a", "Z", "s", "O", "9", "0", " ", " ", "  ", "\n", "\n\n", "\t", "\r\n", "'", ".", ",", "-",
    "!", "?", "\"", "(", ")", "\xE2\x80\x99", "\xE2\x80\x98", "\xCA\xBC", "\xE2\x80\x9C",
    "\xE2\x80\x9D", "\xE2\x80\x94", "\xE2\x80\xA6", "\xE3\x80\x82", "\xE2\x80\xBC",
    "\xE2\x81\x87", "\xC3\x89", "\xC3\xA9", "\xCC\x81", "\xE4\xB8\xAD", "\xE2\x80\xA9",
    "\xE2\x80\xA8", "\xC2\x85", "\xEF\xBB\xBF", "\xE2\x80\x8B", "\xC2\xAD", "\xC2\xA0",
    "\xF0\x9F\x98\x80", "\xC7\x85", "\xD9\xA3", "\xCE\xA9", "\x7F", "\x01", "Putin", "1,100",
    "2.9", "O'Brien", "Mr.", "e.g.", "'s", "\xE2\x80\x99s", "word", "THE",
};

static void test_random_mixes(void **state)
{
    (void)state;
    uint64_t seed = 20240611;
    char buf[4096];
    for (int doc = 0; doc < 20000; doc++) {
        size_t len = 0;
        seed = seed * 6364136223846793005u + 1442695040888963407u;
        size_t nfrag = (size_t)(seed >> 33) % 400;
        for (size_t f = 0; f < nfrag; f++) {
            seed = seed * 6364136223846793005u + 1442695040888963407u;
            const char *frag = FRAGMENTS[(seed >> 33) % (sizeof FRAGMENTS / sizeof *FRAGMENTS)];
            size_t n = strlen(frag);
            if (len + n > sizeof buf)
                break;
            memcpy(buf + len, frag, n);
            len += n;
        }
        same_as_tokenize(buf, len);
    }
}

static void test_select_finds_tokens_after_long_gaps(void **state)
{
    (void)state;
    /* tokens far apart: a sample of the select directory spans many words */
    static char text[20000];
    memset(text, ' ', sizeof text);
    for (size_t i = 0; i < sizeof text; i += 997)
        text[i] = 'x';
    for (size_t i = 5000; i < 5300; i += 2)
        text[i] = ',';
    same_as_tokenize(text, sizeof text);
    size_t k = 0;
    for (size_t i = eg_tokscan_next_start(&g_ts, 0); i < sizeof text;
         i = eg_tokscan_next_start(&g_ts, i + 1))
        assert_int_equal(eg_tokscan_select(&g_ts, k++), i);
    assert_int_equal(k, g_ts.ntokens);
}

static void test_too_long_text_is_refused(void **state)
{
    (void)state;
    if (sizeof(size_t) > 4)
        assert_int_equal(eg_tokscan("", (size_t)EG_SEGMENT_MAX_BYTES + 1, &g_ts), EG_ERR_DATA);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_apostrophe_joins_before_a_letter),
        cmocka_unit_test(test_dot_and_comma_join_between_digits),
        cmocka_unit_test(test_punctuation_is_one_character_a_token),
        cmocka_unit_test(test_unicode_spaces_and_format_characters_are_white_space),
        cmocka_unit_test(test_paragraphs_count_line_breaks_as_tokenize_does),
        cmocka_unit_test(test_accented_capitals_and_marks_are_word_characters),
        cmocka_unit_test(test_possessive_base),
        cmocka_unit_test(test_empty_and_blank_text_have_no_tokens),
        cmocka_unit_test(test_tokens_straddling_block_edges),
        cmocka_unit_test(test_real_text_lines),
        cmocka_unit_test(test_random_mixes),
        cmocka_unit_test(test_select_finds_tokens_after_long_gaps),
        cmocka_unit_test(test_too_long_text_is_refused),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
