/* test_window.c — window specs, token windows (--window tokens:N), line
 * paragraphs (--paragraphs line) and the no-paragraph-break count, on
 * short texts segmented for real whose links can be counted on paper.
 *
 * In the texts, a word starting with a capital A to H is a mention of
 * entity letter - 'A' (A = 0, B = 1, ...); capitalised words that follow
 * each other with the same letter are one mention ("Aa Ab" is one
 * mention of A, two words long). Lower-case words are filler. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "count/eg_cooc.h"
#include "cooc_pairs.h"
#include "graph/eg_measures.h"
#include "text/eg_segment.h"

#define MAXM 64
#define TOL 1e-12

static eg_cooc_t c;
static eg_segments_t seg;
static eg_mention_t ms[MAXM];
static size_t nms;

static int setup(void **state)
{
    (void)state;
    eg_segments_init(&seg);
    eg_cooc_options_t opt = {.evidence = 2};
    return eg_cooc_init(&c, 8, &opt);
}

static int teardown(void **state)
{
    (void)state;
    eg_cooc_free(&c);
    eg_segments_free(&seg);
    return 0;
}

/* Segment text and make its mentions (see the top of the file). */
static void mentions_of(const char *text)
{
    assert_int_equal(eg_segment(text, strlen(text), &seg), 0);
    nms = 0;
    for (uint32_t t = 0; t < seg.ntokens; t++) {
        const eg_token_t *k = &seg.tokens[t];
        char ch = text[k->start];
        if (k->kind != EG_TOK_WORD || ch < 'A' || ch > 'H')
            continue;
        eg_mention_t *prev = nms ? &ms[nms - 1] : NULL;
        if (prev && prev->first_token + prev->ntokens == t &&
            prev->entity == (uint32_t)(ch - 'A') && prev->sentence == k->sentence) {
            prev->ntokens++;
            prev->end = k->end;
            continue;
        }
        assert_true(nms < MAXM);
        ms[nms++] = (eg_mention_t){.start = k->start, .end = k->end,
                                   .entity = (uint32_t)(ch - 'A'), .alias = EG_ALIAS_NONE,
                                   .sentence = k->sentence, .first_token = t, .ntokens = 1};
    }
}

static void add_text(uint64_t index, const char *id, const char *text, eg_window_t w)
{
    mentions_of(text);
    eg_doc_info_t d = {.index = index, .id = id, .date = EG_NO_DATE, .text = text,
                       .len = strlen(text)};
    assert_int_equal(eg_cooc_add_document(&c, &d, ms, nms, &seg, w), 0);
}

static const eg_pair_t *pair(uint32_t a, uint32_t b) { return cooc_find_pair(&c, a, b); }
static uint64_t count(uint32_t a, uint32_t b) { return cooc_find_count(&c, a, b); }

enum { A, B, C, D };

/* ---- specs ---- */

static void test_window_specs_parse_and_print(void **state)
{
    (void)state;
    eg_window_t w = EG_WINDOW_DOCUMENT;
    char buf[EG_WINDOW_NAME_MAX];
    assert_int_equal(eg_window_parse("sentence", &w), 0);
    assert_int_equal(w, EG_WINDOW_SENTENCE);
    assert_int_equal(eg_window_parse("paragraph", &w), 0);
    assert_int_equal(w, EG_WINDOW_PARAGRAPH);
    assert_int_equal(eg_window_parse("document", &w), 0);
    assert_int_equal(w, EG_WINDOW_DOCUMENT);
    assert_int_equal(eg_window_parse("tokens:4", &w), 0);
    assert_int_equal(eg_window_kind(w), EG_WINDOW_TOKENS);
    assert_int_equal(eg_window_span(w), 4);
    assert_int_equal(eg_window_parse("tokens:100000,paragraphs=line", &w), 0);
    assert_int_equal(w, eg_window_tokens(100000) | EG_WINDOW_LINES);
    assert_string_equal(eg_window_name(w, buf, sizeof buf), "tokens:100000,paragraphs=line");
    assert_int_equal(eg_window_parse("paragraph,paragraphs=line", &w), 0);
    assert_int_equal(w, EG_WINDOW_PARAGRAPH | EG_WINDOW_LINES);
    assert_string_equal(eg_window_name(EG_WINDOW_SENTENCE, buf, sizeof buf), "sentence");
    assert_string_equal(eg_window_name(EG_WINDOW_DOCUMENT, buf, sizeof buf), "document");
    const char *bad[] = {"page", "Sentence", "tokens", "tokens:", "tokens:0", "tokens:100001",
                         "tokens:4x", "tokens:+4", "tokens:-1", "tokens:1234567",
                         ",paragraphs=line", "sentence,paragraphs=blank",
                         "document,paragraphs=line"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_int_equal(eg_window_parse(bad[i], &w), -1);
}

/* ---- token windows ---- */

/* Words: A(0) B(1) x(2) C(3) x(4) x(5) D(6); the distance of two
 * one-word mentions is the difference of their word numbers. */
static const char LINE[] = "A B x C x x D.";

static void test_tokens_1_links_adjacent_names_only(void **state)
{
    (void)state;
    add_text(0, "d", LINE, eg_window_tokens(1));
    assert_int_equal(count(A, B), 1);
    assert_int_equal(count(B, C), 0);
    assert_int_equal(c.npairs, 1);
    assert_int_equal(c.windows_with_entities, 1);
    assert_int_equal(c.windows[A], 1);
    assert_int_equal(c.windows[B], 1);
    assert_int_equal(c.windows[C], 0);
}

/* N = 3: A-B 1, B-C 2, A-C 3, C-D 3 link; B-D 5 and A-D 6 do not. */
static void test_tokens_3_links_names_up_to_3_words_apart(void **state)
{
    (void)state;
    add_text(0, "d", LINE, eg_window_tokens(3));
    assert_int_equal(count(A, B), 1);
    assert_int_equal(count(B, C), 1);
    assert_int_equal(count(A, C), 1);
    assert_int_equal(count(C, D), 1);
    assert_int_equal(count(B, D), 0);
    assert_int_equal(count(A, D), 0);
    assert_int_equal(c.windows_with_entities, 4);
    assert_int_equal(c.windows[C], 3);
}

/* Distance runs from the last word of the first name: "Aa Ab x B" is 2;
 * punctuation is no word: "B, C" is 1. */
static void test_tokens_distance_is_from_last_word_and_skips_punctuation(void **state)
{
    (void)state;
    add_text(0, "d", "Aa Ab x B, (C) x x x D.", eg_window_tokens(2));
    assert_int_equal(ms[0].ntokens, 2);
    assert_int_equal(count(A, B), 1);
    assert_int_equal(count(B, C), 1);
    assert_int_equal(count(A, C), 0); /* 3 */
    assert_int_equal(count(C, D), 0); /* 4 */
}

/* Links are pairs of mentions: the count does not depend on the
 * direction of the text. */
static void test_tokens_count_mention_pairs_in_either_direction(void **state)
{
    (void)state;
    add_text(0, "fwd", "A B x B.", eg_window_tokens(3));
    assert_int_equal(count(A, B), 2);
    add_text(1, "back", "B x B A.", eg_window_tokens(3));
    assert_int_equal(count(A, B), 4);
    assert_int_equal(pair(A, B)->documents, 2);
    assert_int_equal(c.windows_with_entities, 4);
}

/* A paragraph bounds a token window, whatever N. */
static void test_tokens_stop_at_a_paragraph_break(void **state)
{
    (void)state;
    add_text(0, "d", "A x.\n\nB x.", eg_window_tokens(50));
    assert_int_equal(c.npairs, 0);
    add_text(1, "e", "A x.\nB x.", eg_window_tokens(50));
    assert_int_equal(count(A, B), 1);
    add_text(2, "f", "A x.\nB x.", eg_window_tokens(50) | EG_WINDOW_LINES);
    assert_int_equal(count(A, B), 1);
}

/* "A B C A", N = 50: links A-B, A-C, B-C, B-A, C-A (A-A is none):
 * W = 5, n_A = 4, n_B = 3, n_C = 3, n_AB = 2, n_AC = 2, n_BC = 1.
 * A-B: pmi = ln(2*5 / (4*3)) = ln(5/6) = -0.1823215567939546,
 * npmi = ln(5/6) / -ln(2/5) = -0.19897784671578994, dice = 4/7,
 * jaccard = 2/5, assoc = 10/12; table [2 2; 1 0], rows 4 and 1,
 * columns 3 and 2: G^2 = 2 (2 ln(10/12) + 2 ln(10/8) + ln(5/3))
 * = 1.184939225613002.
 * B-C: pmi = ln(5/9) = -0.587786664902119,
 * npmi = ln(5/9) / -ln(1/5) = -0.36521238897197056. */
static void test_tokens_measures_are_over_links(void **state)
{
    (void)state;
    add_text(0, "d", "A B C A.", eg_window_tokens(50));
    assert_int_equal(c.windows_with_entities, 5);
    assert_int_equal(c.windows[A], 4);
    assert_int_equal(c.windows[B], 3);
    assert_int_equal(c.windows[C], 3);
    assert_int_equal(count(A, B), 2);
    assert_int_equal(count(A, C), 2);
    assert_int_equal(count(B, C), 1);
    double m[EG_MEASURE_N];
    eg_measures_compute(count(A, B), c.windows[A], c.windows[B], c.windows_with_entities, m);
    assert_float_equal(m[EG_MEASURE_COUNT], 2, TOL);
    assert_float_equal(m[EG_MEASURE_PMI], -0.1823215567939546, TOL);
    assert_float_equal(m[EG_MEASURE_NPMI], -0.19897784671578994, TOL);
    assert_float_equal(m[EG_MEASURE_DICE], 4.0 / 7.0, TOL);
    assert_float_equal(m[EG_MEASURE_JACCARD], 0.4, TOL);
    assert_float_equal(m[EG_MEASURE_ASSOC], 10.0 / 12.0, TOL);
    assert_float_equal(m[EG_MEASURE_LLR], 1.184939225613002, 1e-9);
    eg_measures_compute(count(B, C), c.windows[B], c.windows[C], c.windows_with_entities, m);
    assert_float_equal(m[EG_MEASURE_PMI], -0.587786664902119, TOL);
    assert_float_equal(m[EG_MEASURE_NPMI], -0.36521238897197056, TOL);
}

/* The links of an anchor share one evidence window: its sentence through
 * its farthest partner's, numbered by the anchor's place. */
static void test_tokens_evidence_spans_anchor_to_farthest_partner(void **state)
{
    (void)state;
    add_text(0, "d", "A met B. Then C  came.\n\nD.", eg_window_tokens(50));
    const eg_evidence_t *e = eg_cooc_evidence(&c, pair(A, C)->evidence);
    assert_string_equal(e->text, "A met B. Then C came.");
    assert_string_equal(e->doc, "d");
    assert_int_equal(e->window, 0);
    assert_int_equal(e->sentence, 0);
    assert_int_equal(e->start, 0);
    assert_int_equal(e->end, 22); /* the bytes of the document, two spaces kept */
    e = eg_cooc_evidence(&c, pair(B, C)->evidence);
    assert_string_equal(e->text, "A met B. Then C came."); /* B's sentence is A's */
    assert_int_equal(e->window, 1);
    assert_int_equal(e->sentence, 0);
    assert_null(pair(C, D));
}

/* ---- line paragraphs ---- */

static void test_lines_make_every_line_a_paragraph(void **state)
{
    (void)state;
    const char *text = "A x\nB x\nC x.\n\nD.";
    add_text(0, "d", text, EG_WINDOW_PARAGRAPH);
    assert_int_equal(count(A, B), 1);
    assert_int_equal(count(B, C), 1);
    add_text(1, "e", text, EG_WINDOW_PARAGRAPH | EG_WINDOW_LINES);
    assert_int_equal(count(A, B), 1);
    assert_int_equal(count(B, C), 1);
    assert_null(pair(C, D));
    assert_int_equal(c.windows_with_entities, 2 + 4);
    const eg_evidence_t *e = eg_cooc_evidence(&c, pair(A, B)->evidence);
    assert_string_equal(e->text, "A x B x C x.");
    assert_int_equal(e->start, 0);
    assert_int_equal(e->end, 12);
}

/* With lines, a sentence ends at a line end too. */
static void test_lines_end_a_sentence(void **state)
{
    (void)state;
    add_text(0, "d", "A met\nB there. C and D.", EG_WINDOW_SENTENCE | EG_WINDOW_LINES);
    assert_null(pair(A, B));
    assert_null(pair(B, C));
    assert_int_equal(count(C, D), 1);
    const eg_evidence_t *e = eg_cooc_evidence(&c, pair(C, D)->evidence);
    assert_string_equal(e->text, "C and D.");
    assert_int_equal(e->sentence, 1);
    assert_int_equal(e->start, 15);
    assert_int_equal(e->end, 23);
    add_text(1, "e", "A met\nB there. C and D.", EG_WINDOW_SENTENCE);
    assert_int_equal(count(A, B), 1);
}

/* ---- documents without a paragraph break ---- */

static char *long_text(const char *head, const char *sep)
{
    size_t n = EG_COOC_UNBROKEN_BYTES + 100;
    char *t = malloc(n + 32); /* room for the last "and so on " past n */
    assert_non_null(t);
    size_t at = (size_t)sprintf(t, "%s%s", head, sep);
    while (at < n)
        at += (size_t)sprintf(t + at, "%s", "and so on ");
    return t;
}

static void test_unbroken_documents_are_counted_with_the_first_id(void **state)
{
    (void)state;
    char *one = long_text("A x B.", " "), *two = long_text("A x B.", "\n\n");
    add_text(0, "short", "A x B.", EG_WINDOW_PARAGRAPH);
    add_text(1, "broken", two, EG_WINDOW_PARAGRAPH);
    assert_int_equal(c.unbroken_documents, 0);
    add_text(3, "third", one, EG_WINDOW_PARAGRAPH);
    add_text(4, "fourth", one, EG_WINDOW_PARAGRAPH);
    add_text(5, "lines", one, EG_WINDOW_PARAGRAPH | EG_WINDOW_LINES);
    add_text(6, "sentences", one, EG_WINDOW_SENTENCE);
    assert_int_equal(c.unbroken_documents, 2);
    assert_string_equal(c.unbroken_id, "third");
    /* merged from a counter that saw an earlier one: its id wins */
    eg_cooc_t other;
    assert_int_equal(eg_cooc_init(&other, 8, &c.opt), 0);
    eg_doc_info_t d = {.index = 2, .id = "second", .date = EG_NO_DATE, .text = one,
                       .len = strlen(one)};
    mentions_of(one);
    assert_int_equal(eg_cooc_add_document(&other, &d, ms, nms, &seg, EG_WINDOW_PARAGRAPH), 0);
    assert_int_equal(eg_cooc_merge(&c, &other), 0);
    eg_cooc_free(&other);
    assert_int_equal(c.unbroken_documents, 3);
    assert_string_equal(c.unbroken_id, "second");
    free(one);
    free(two);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_window_specs_parse_and_print),
        T(test_tokens_1_links_adjacent_names_only),
        T(test_tokens_3_links_names_up_to_3_words_apart),
        T(test_tokens_distance_is_from_last_word_and_skips_punctuation),
        T(test_tokens_count_mention_pairs_in_either_direction),
        T(test_tokens_stop_at_a_paragraph_break),
        T(test_tokens_measures_are_over_links),
        T(test_tokens_evidence_spans_anchor_to_farthest_partner),
        T(test_lines_make_every_line_a_paragraph),
        T(test_lines_end_a_sentence),
        T(test_unbroken_documents_are_counted_with_the_first_id),
    };
    return cmocka_run_group_tests_name("window", tests, NULL, NULL);
}
