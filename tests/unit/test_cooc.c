/* test_cooc.c — co-occurrence counting over sentence, paragraph and
 * document windows, from hand-made mention lists whose counts can be
 * worked out on paper. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "count/eg_cooc.h"
#include "cooc_pairs.h"
#include "text/eg_segment.h"

/* A hand-made document of three sentences: sentences 0 and 1 in
 * paragraph 0, sentence 2 in paragraph 1. Only the paragraph field is
 * read when no evidence is asked for. */
static eg_sentence_t g_sentences[3] = {
    {.start = 0, .end = 10, .first_token = 0, .end_token = 3, .paragraph = 0},
    {.start = 11, .end = 20, .first_token = 3, .end_token = 6, .paragraph = 0},
    {.start = 22, .end = 30, .first_token = 6, .end_token = 9, .paragraph = 1},
};
static eg_segments_t g_seg = {.sentences = g_sentences, .nsentences = 3, .nparagraphs = 2};

static eg_cooc_t c;

static int teardown(void **state)
{
    (void)state;
    eg_cooc_free(&c);
    return 0;
}

static eg_mention_t mention(uint32_t entity, uint32_t sentence)
{
    eg_mention_t m = {.entity = entity, .sentence = sentence};
    return m;
}

static eg_doc_info_t doc(uint64_t index)
{
    eg_doc_info_t d = {.index = index, .id = "doc", .date = EG_NO_DATE};
    return d;
}

static void add(uint64_t index, const eg_mention_t *ms, size_t n, eg_window_t w)
{
    eg_doc_info_t d = doc(index);
    assert_int_equal(eg_cooc_add_document(&c, &d, ms, n, &g_seg, w), 0);
}

static const eg_pair_t *pair(uint32_t a, uint32_t b) { return cooc_find_pair(&c, a, b); }
static uint64_t count(uint32_t a, uint32_t b) { return cooc_find_count(&c, a, b); }

/* Sentence 0: e0 e1 e0 | sentence 1: e1 e2 | sentence 2 (paragraph 1): e3 e0 */
static const eg_mention_t STORY[] = {
    {.entity = 0, .sentence = 0}, {.entity = 1, .sentence = 0}, {.entity = 0, .sentence = 0},
    {.entity = 1, .sentence = 1}, {.entity = 2, .sentence = 1},
    {.entity = 3, .sentence = 2}, {.entity = 0, .sentence = 2},
};
#define NSTORY (sizeof STORY / sizeof *STORY)

static void test_sentence_window_counts_pairs_within_sentences(void **state)
{
    (void)state;
    assert_int_equal(eg_cooc_init(&c, 5, NULL), 0);
    add(0, STORY, NSTORY, EG_WINDOW_SENTENCE);
    assert_int_equal(c.npairs, 3);
    assert_int_equal(count(0, 1), 1);
    assert_int_equal(count(1, 2), 1);
    assert_int_equal(count(0, 3), 1);
    assert_int_equal(count(0, 2), 0);
    assert_int_equal(count(2, 3), 0);
    assert_int_equal(c.windows_with_entities, 3);
    const uint64_t windows[5] = {2, 2, 1, 1, 0};
    const uint64_t mentions[5] = {3, 2, 1, 1, 0};
    for (size_t e = 0; e < 5; e++) {
        assert_int_equal(c.windows[e], windows[e]);
        assert_int_equal(c.mentions[e], mentions[e]);
        assert_int_equal(c.documents[e], e < 4 ? 1 : 0);
    }
    assert_int_equal(c.ndocuments, 1);
}

static void test_paragraph_window_joins_sentences_of_a_paragraph(void **state)
{
    (void)state;
    assert_int_equal(eg_cooc_init(&c, 5, NULL), 0);
    add(0, STORY, NSTORY, EG_WINDOW_PARAGRAPH);
    assert_int_equal(c.npairs, 4);
    assert_int_equal(count(0, 1), 1);
    assert_int_equal(count(0, 2), 1);
    assert_int_equal(count(1, 2), 1);
    assert_int_equal(count(0, 3), 1);
    assert_int_equal(count(1, 3), 0);
    assert_int_equal(c.windows_with_entities, 2);
    assert_int_equal(c.windows[0], 2);
    assert_int_equal(c.windows[1], 1);
    assert_int_equal(c.windows[3], 1);
    assert_int_equal(c.mentions[0], 3);
}

static void test_document_window_pairs_everyone_once(void **state)
{
    (void)state;
    assert_int_equal(eg_cooc_init(&c, 5, NULL), 0);
    add(0, STORY, NSTORY, EG_WINDOW_DOCUMENT);
    assert_int_equal(c.npairs, 6);
    for (uint32_t a = 0; a < 4; a++)
        for (uint32_t b = a + 1; b < 4; b++)
            assert_int_equal(count(a, b), 1);
    assert_int_equal(c.windows_with_entities, 1);
    for (size_t e = 0; e < 4; e++)
        assert_int_equal(c.windows[e], 1);
}

static void test_entity_twice_in_window_counts_once(void **state)
{
    (void)state;
    assert_int_equal(eg_cooc_init(&c, 3, NULL), 0);
    const eg_mention_t ms[] = {mention(0, 0), mention(1, 0), mention(0, 0), mention(1, 0),
                               mention(0, 0)};
    add(0, ms, 5, EG_WINDOW_SENTENCE);
    assert_int_equal(count(0, 1), 1);
    assert_int_equal(c.windows[0], 1);
    assert_int_equal(c.mentions[0], 3);
    assert_int_equal(c.mentions[1], 2);
}

static void test_no_self_pairs(void **state)
{
    (void)state;
    assert_int_equal(eg_cooc_init(&c, 3, NULL), 0);
    const eg_mention_t ms[] = {mention(2, 0), mention(2, 0), mention(2, 1)};
    add(0, ms, 3, EG_WINDOW_DOCUMENT);
    assert_int_equal(c.npairs, 0);
    assert_null(pair(2, 2));
    assert_int_equal(c.windows[2], 1);
    assert_int_equal(c.windows_with_entities, 1);
    assert_int_equal(c.mentions[2], 3);
}

static void test_documents_are_counted_per_pair(void **state)
{
    (void)state;
    assert_int_equal(eg_cooc_init(&c, 3, NULL), 0);
    /* doc 0: 0 and 1 share two sentences */
    const eg_mention_t d0[] = {mention(0, 0), mention(1, 0), mention(1, 1), mention(0, 1)};
    add(0, d0, 4, EG_WINDOW_SENTENCE);
    /* doc 1: they share one sentence; 2 joins them */
    const eg_mention_t d1[] = {mention(0, 0), mention(1, 0), mention(2, 0)};
    add(1, d1, 3, EG_WINDOW_SENTENCE);
    /* doc 2: both present, but in different sentences */
    const eg_mention_t d2[] = {mention(0, 0), mention(1, 1)};
    add(2, d2, 2, EG_WINDOW_SENTENCE);
    assert_int_equal(pair(0, 1)->count, 3);
    assert_int_equal(pair(0, 1)->documents, 2);
    assert_int_equal(pair(0, 2)->count, 1);
    assert_int_equal(pair(0, 2)->documents, 1);
    assert_int_equal(c.documents[0], 3);
    assert_int_equal(c.documents[1], 3);
    assert_int_equal(c.documents[2], 1);
    assert_int_equal(c.ndocuments, 3);
}

static void test_document_without_mentions_is_still_counted(void **state)
{
    (void)state;
    assert_int_equal(eg_cooc_init(&c, 2, NULL), 0);
    add(0, NULL, 0, EG_WINDOW_SENTENCE);
    add(1, NULL, 0, EG_WINDOW_SENTENCE);
    assert_int_equal(c.ndocuments, 2);
    assert_int_equal(c.windows_with_entities, 0);
    assert_int_equal(c.npairs, 0);
}

static void test_sorted_pairs_are_ordered_by_a_then_b(void **state)
{
    (void)state;
    enum { N = 60 }; /* 1770 pairs: the table grows past its first 1024 slots */
    assert_int_equal(eg_cooc_init(&c, N, NULL), 0);
    eg_mention_t ms[N];
    for (uint32_t i = 0; i < N; i++) /* in descending entity order */
        ms[i] = mention(N - 1 - i, i % 3);
    add(0, ms, N, EG_WINDOW_DOCUMENT);
    size_t n = 0;
    eg_pair_t *pairs = eg_cooc_sorted_pairs(&c, &n);
    assert_non_null(pairs);
    assert_int_equal(n, N * (N - 1) / 2);
    assert_int_equal(c.npairs, n);
    size_t k = 0;
    for (uint32_t a = 0; a < N; a++)
        for (uint32_t b = a + 1; b < N; b++, k++) {
            if (pairs[k].a != a || pairs[k].b != b)
                fail_msg("pair %zu is (%u, %u), want (%u, %u)", k, pairs[k].a,
                         pairs[k].b, a, b);
            assert_int_equal(pairs[k].count, 1);
            assert_int_equal(pairs[k].documents, 1);
        }
    free(pairs);
}

static void test_sorted_pairs_of_empty_counter(void **state)
{
    (void)state;
    assert_int_equal(eg_cooc_init(&c, 2, NULL), 0);
    size_t n = 99;
    eg_pair_t *pairs = eg_cooc_sorted_pairs(&c, &n);
    assert_non_null(pairs);
    assert_int_equal(n, 0);
    free(pairs);
}

static void test_dates_widen_first_and_last(void **state)
{
    (void)state;
    assert_int_equal(eg_cooc_init(&c, 3, NULL), 0);
    const eg_mention_t ms[] = {mention(0, 0), mention(1, 0)};
    eg_doc_info_t d = doc(0);
    d.date = 100;
    assert_int_equal(eg_cooc_add_document(&c, &d, ms, 2, &g_seg, EG_WINDOW_SENTENCE), 0);
    d = doc(1);
    d.date = 50;
    assert_int_equal(eg_cooc_add_document(&c, &d, ms, 2, &g_seg, EG_WINDOW_SENTENCE), 0);
    d = doc(2); /* undated: changes nothing */
    assert_int_equal(eg_cooc_add_document(&c, &d, ms, 2, &g_seg, EG_WINDOW_SENTENCE), 0);
    assert_int_equal(pair(0, 1)->first, 50);
    assert_int_equal(pair(0, 1)->last, 100);
    assert_int_equal(c.first[0], 50);
    assert_int_equal(c.last[1], 100);
    assert_int_equal(c.first[2], EG_NO_DATE);
    assert_int_equal(c.last[2], EG_NO_DATE);
}

static void test_merge_equals_counting_all_documents_in_one_counter(void **state)
{
    (void)state;
    const eg_mention_t d0[] = {mention(0, 0), mention(1, 0), mention(2, 1), mention(0, 1)};
    const eg_mention_t d1[] = {mention(1, 0), mention(2, 0), mention(0, 2)};
    eg_cooc_t one, two;
    assert_int_equal(eg_cooc_init(&c, 3, NULL), 0);
    assert_int_equal(eg_cooc_init(&one, 3, NULL), 0);
    assert_int_equal(eg_cooc_init(&two, 3, NULL), 0);
    eg_doc_info_t x = doc(0), y = doc(1);
    assert_int_equal(eg_cooc_add_document(&c, &x, d0, 4, &g_seg, EG_WINDOW_SENTENCE), 0);
    assert_int_equal(eg_cooc_add_document(&c, &y, d1, 3, &g_seg, EG_WINDOW_SENTENCE), 0);
    assert_int_equal(eg_cooc_add_document(&one, &x, d0, 4, &g_seg, EG_WINDOW_SENTENCE), 0);
    assert_int_equal(eg_cooc_add_document(&two, &y, d1, 3, &g_seg, EG_WINDOW_SENTENCE), 0);
    assert_int_equal(eg_cooc_merge(&one, &two), 0);
    assert_int_equal(one.ndocuments, c.ndocuments);
    assert_int_equal(one.windows_with_entities, c.windows_with_entities);
    assert_int_equal(one.npairs, c.npairs);
    for (size_t e = 0; e < 3; e++) {
        assert_int_equal(one.mentions[e], c.mentions[e]);
        assert_int_equal(one.documents[e], c.documents[e]);
        assert_int_equal(one.windows[e], c.windows[e]);
    }
    size_t n1, n2;
    eg_pair_t *p1 = eg_cooc_sorted_pairs(&one, &n1), *p2 = eg_cooc_sorted_pairs(&c, &n2);
    assert_int_equal(n1, n2);
    for (size_t i = 0; i < n1; i++) {
        assert_int_equal(p1[i].a, p2[i].a);
        assert_int_equal(p1[i].b, p2[i].b);
        assert_int_equal(p1[i].count, p2[i].count);
        assert_int_equal(p1[i].documents, p2[i].documents);
    }
    free(p1);
    free(p2);
    eg_cooc_free(&one);
    eg_cooc_free(&two);
}

/* ---- evidence, on a really segmented text ---- */

static const char EVIDENCE_TEXT[] = "Putin met\nErdogan. Peskov spoke.\n\nPutin and Peskov left.";

static void evidence_document(eg_segments_t *seg, eg_mention_t *ms)
{
    eg_segments_init(seg);
    assert_int_equal(eg_segment(EVIDENCE_TEXT, sizeof EVIDENCE_TEXT - 1, seg), 0);
    assert_int_equal(seg->nsentences, 3);
    /* 0 Putin, 1 Erdogan, 2 Peskov */
    const eg_mention_t m[] = {mention(0, 0), mention(1, 0), mention(2, 1), mention(0, 2),
                              mention(2, 2)};
    memcpy(ms, m, sizeof m);
}

/* The evidence document, segmented, and the counter c keeping k. */
static void evidence_counter(eg_segments_t *seg, eg_mention_t *ms, unsigned k)
{
    evidence_document(seg, ms);
    eg_cooc_options_t opt = {.evidence = k};
    assert_int_equal(eg_cooc_init(&c, 3, &opt), 0);
}

/* Add the evidence document as document index with id. */
static void add_evidence_doc(const eg_segments_t *seg, const eg_mention_t *ms, uint64_t index,
                             const char *id, eg_window_t w)
{
    eg_doc_info_t d = {.index = index, .id = id, .date = EG_NO_DATE, .text = EVIDENCE_TEXT,
                       .len = sizeof EVIDENCE_TEXT - 1};
    assert_int_equal(eg_cooc_add_document(&c, &d, ms, 5, seg, w), 0);
}

static void test_evidence_keeps_first_window_text_with_space_collapsed(void **state)
{
    (void)state;
    eg_segments_t seg;
    eg_mention_t ms[5];
    evidence_counter(&seg, ms, 1);
    add_evidence_doc(&seg, ms, 0, "beslan-1", EG_WINDOW_SENTENCE);
    const eg_pair_t *p = pair(0, 1);
    assert_non_null(p);
    assert_int_equal(p->nevidence, 1);
    const eg_evidence_t *e = eg_cooc_evidence(&c, p->evidence);
    assert_non_null(e);
    assert_string_equal(e->text, "Putin met Erdogan.");
    assert_string_equal(e->doc, "beslan-1");
    assert_null(eg_cooc_evidence(&c, e->next));
    e = eg_cooc_evidence(&c, pair(0, 2)->evidence);
    assert_string_equal(e->text, "Putin and Peskov left.");
    eg_segments_free(&seg);
}

static void test_evidence_is_capped_at_k_per_pair(void **state)
{
    (void)state;
    eg_segments_t seg;
    eg_mention_t ms[5];
    evidence_counter(&seg, ms, 2);
    for (uint64_t i = 0; i < 3; i++)
        add_evidence_doc(&seg, ms, i, i == 0 ? "a" : i == 1 ? "b" : "c", EG_WINDOW_PARAGRAPH);
    const eg_pair_t *p = pair(0, 2);
    assert_int_equal(p->count, 6);
    assert_int_equal(p->nevidence, 2);
    const eg_evidence_t *e = eg_cooc_evidence(&c, p->evidence);
    assert_string_equal(e->text, "Putin met Erdogan. Peskov spoke.");
    assert_string_equal(e->doc, "a");
    e = eg_cooc_evidence(&c, e->next);
    assert_non_null(e);
    assert_string_equal(e->text, "Putin and Peskov left.");
    assert_string_equal(e->doc, "a");
    assert_null(eg_cooc_evidence(&c, e->next));
    eg_segments_free(&seg);
}

/* Documents in descending id order push the kept evidence out every
 * time: what is pushed out must not stay allocated. 300,000 windows of
 * one pair with K = 2 keep the item array and the texts near their
 * floor, and the two smallest ids are the ones kept. */
static void test_evidence_pushed_out_is_reclaimed(void **state)
{
    (void)state;
    eg_segments_t seg;
    eg_mention_t ms[5];
    evidence_counter(&seg, ms, 2);
    enum { N = 300000 };
    for (uint64_t i = 0; i < N; i++) {
        char id[32];
        snprintf(id, sizeof id, "doc-%08u", (unsigned)(N - i));
        add_evidence_doc(&seg, ms, i, id, EG_WINDOW_SENTENCE);
    }
    assert_true(c.nevidence < 3 * 65536);
    assert_true(c.ntexts < 3 * 65536);
    const eg_pair_t *p = pair(0, 2);
    const eg_evidence_t *e = eg_cooc_evidence(&c, p->evidence);
    assert_string_equal(e->doc, "doc-00000001");
    e = eg_cooc_evidence(&c, e->next);
    assert_string_equal(e->doc, "doc-00000002");
    assert_null(eg_cooc_evidence(&c, e->next));
    eg_segments_free(&seg);
}

/* Evidence offered by a reader (a shard): a text and a document id over
 * the limit are cut like build cuts a window, and a million offers to
 * one pair keep memory at the floor. */
static void test_offered_evidence_is_cut_and_reclaimed(void **state)
{
    (void)state;
    eg_cooc_options_t opt = {.evidence = 2};
    assert_int_equal(eg_cooc_init(&c, 2, &opt), 0);
    eg_pair_t *p = eg_cooc_pair(&c, 0, 1);
    assert_non_null(p);
    char *big = malloc(10001);
    memset(big, 'x', 10000);
    big[10000] = '\0';
    eg_evidence_t offer = {.doc = big, .text = big, .date = EG_NO_DATE};
    assert_int_equal(eg_cooc_offer_evidence(&c, p, &offer), 0);
    const eg_evidence_t *e = eg_cooc_evidence(&c, p->evidence);
    assert_true(strlen(e->doc) <= EG_EVIDENCE_MAX_BYTES + 3);
    assert_true(strlen(e->text) <= EG_EVIDENCE_MAX_BYTES + 3);
    assert_string_equal(e->text + strlen(e->text) - 3, "\xe2\x80\xa6"); /* … */
    free(big);
    for (unsigned i = 1000000; i > 0; i--) {
        char id[32];
        snprintf(id, sizeof id, "d%07u", i);
        eg_evidence_t e1 = {.doc = id, .text = "Beslan and Russia.", .sentence = i};
        assert_int_equal(eg_cooc_offer_evidence(&c, p, &e1), 0);
    }
    assert_true(c.nevidence < 3 * 65536);
    assert_true(c.ntexts < 3 * 65536);
    e = eg_cooc_evidence(&c, p->evidence);
    assert_string_equal(e->doc, "d0000001");
    assert_string_equal(eg_cooc_evidence(&c, e->next)->doc, "d0000002");
}

#define T(f) cmocka_unit_test_teardown(f, teardown)

/* A window capped to 3 of its entities: dictionary entities 0 (three
 * mentions) and 1 (two), then found names 2, 3, 4 (one each, ids in the
 * order threads met them). The third place is a tie among found names:
 * none of them is kept, whatever their ids, so only 0-1 is paired. */
static void test_capped_window_leaves_out_found_names_tied_across_the_cap(void **state)
{
    (void)state;
    const uint32_t orders[2][3] = {{2, 3, 4}, {4, 2, 3}};
    for (int o = 0; o < 2; o++) {
        eg_cooc_options_t opt = {.max_window_entities = 3};
        assert_int_equal(eg_cooc_init(&c, 2, &opt), 0);
        const eg_mention_t ms[] = {mention(0, 0), mention(orders[o][0], 0), mention(1, 0),
                                   mention(0, 0), mention(orders[o][1], 0), mention(1, 0),
                                   mention(0, 0), mention(orders[o][2], 0)};
        add(0, ms, 8, EG_WINDOW_SENTENCE);
        assert_int_equal(c.capped_windows, 1);
        assert_int_equal(count(0, 1), 1);
        for (uint32_t f = 2; f <= 4; f++) {
            assert_null(pair(0, f));
            assert_int_equal(c.windows[f], 1); /* each still counts the window */
        }
        eg_cooc_free(&c);
    }
    /* a dictionary entity tied across the cap goes by dictionary order */
    eg_cooc_options_t opt = {.max_window_entities = 1};
    assert_int_equal(eg_cooc_init(&c, 3, &opt), 0);
    const eg_mention_t ms[] = {mention(2, 0), mention(1, 0), mention(5, 0)};
    add(0, ms, 3, EG_WINDOW_SENTENCE);
    assert_int_equal(c.capped_windows, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_sentence_window_counts_pairs_within_sentences),
        T(test_capped_window_leaves_out_found_names_tied_across_the_cap),
        T(test_paragraph_window_joins_sentences_of_a_paragraph),
        T(test_document_window_pairs_everyone_once),
        T(test_entity_twice_in_window_counts_once),
        T(test_no_self_pairs),
        T(test_documents_are_counted_per_pair),
        T(test_document_without_mentions_is_still_counted),
        T(test_sorted_pairs_are_ordered_by_a_then_b),
        T(test_sorted_pairs_of_empty_counter),
        T(test_dates_widen_first_and_last),
        T(test_merge_equals_counting_all_documents_in_one_counter),
        T(test_evidence_keeps_first_window_text_with_space_collapsed),
        T(test_evidence_is_capped_at_k_per_pair),
        T(test_evidence_pushed_out_is_reclaimed),
        T(test_offered_evidence_is_cut_and_reclaimed),
    };
    return cmocka_run_group_tests_name("cooc", tests, NULL, NULL);
}
