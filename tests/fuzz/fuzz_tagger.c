/* fuzz_tagger.c — segmenter, matcher, document rules and counting on
 * arbitrary bytes (repaired to UTF-8 first, as every reader does) with
 * the small dictionary. Checks the invariants the later stages rely on:
 * tokens and sentences in order and inside the text, mentions in text
 * order, without overlaps, on token boundaries, inside one sentence.
 * And one the fast paths rely on: the same text followed by white space
 * (so that the tokenizer's 16-byte word cut and the matcher's 16-byte
 * key loads apply where near the end they cannot) gives the same tokens
 * and the same mentions. */
#include "fuzz_util.h"

#include "../../src/count/eg_cooc.h"
#include "../../src/tag/eg_dict.h"
#include "../../src/tag/eg_matcher.h"
#include "../../src/tag/eg_tagger.h"
#include "../../src/text/eg_segment.h"
#include "../../src/text/eg_utf8.h"

#include <stdlib.h>
#include <string.h>

static eg_dict_t dict;
static eg_matcher_t *matcher;

static void setup(void)
{
    eg_error_t err;
    eg_dict_init(&dict);
    if (eg_dict_load_text(&dict, "small.tsv", fuzz_small_dict, strlen(fuzz_small_dict), NULL,
                          &err) ||
        eg_matcher_build(&matcher, &dict, NULL, &err))
        abort();
}

static void check_segments(const eg_segments_t *seg, size_t len)
{
    uint32_t prev_end = 0;
    for (size_t i = 0; i < seg->ntokens; i++) {
        const eg_token_t *t = &seg->tokens[i];
        if (t->start < prev_end || t->start >= t->end || t->end > len || t->base_end > t->end ||
            t->base_end <= t->start || t->sentence >= seg->nsentences)
            abort();
        prev_end = t->end;
    }
    for (size_t i = 0; i < seg->nsentences; i++) {
        const eg_sentence_t *s = &seg->sentences[i];
        if (s->first_token >= s->end_token || s->end_token > seg->ntokens ||
            (i && s->first_token != seg->sentences[i - 1].end_token))
            abort();
    }
}

static void check_mentions(const eg_mentions_t *m, const eg_segments_t *seg)
{
    uint32_t prev_end = 0;
    for (size_t i = 0; i < m->n; i++) {
        const eg_mention_t *mn = &m->items[i];
        if (mn->start < prev_end || mn->start >= mn->end || mn->ntokens == 0 ||
            mn->first_token + mn->ntokens > seg->ntokens || mn->entity >= dict.nentities ||
            mn->sentence >= seg->nsentences)
            abort();
        const eg_token_t *a = &seg->tokens[mn->first_token];
        const eg_token_t *z = &seg->tokens[mn->first_token + mn->ntokens - 1];
        if (a->start != mn->start || (z->end != mn->end && z->base_end != mn->end) ||
            a->sentence != mn->sentence || z->sentence != mn->sentence)
            abort();
        prev_end = mn->end;
    }
}

/* Tokens and mentions of text followed by 48 spaces equal those of text. */
static void check_padding_changes_nothing(const char *text, size_t len, unsigned rules,
                                          const eg_segments_t *seg, const eg_mentions_t *want)
{
    char *padded = malloc(len + 48);
    if (!padded)
        abort();
    memcpy(padded, text, len);
    memset(padded + len, ' ', 48);
    eg_segments_t seg2;
    eg_segments_init(&seg2);
    eg_match_scratch_t scratch;
    memset(&scratch, 0, sizeof scratch);
    eg_mentions_t got = {0};
    if (eg_segment(padded, len + 48, &seg2) || seg2.ntokens != seg->ntokens ||
        seg2.nsentences != seg->nsentences)
        abort();
    for (size_t k = 0; k < seg->ntokens; k++) {
        const eg_token_t *a = &seg->tokens[k], *b = &seg2.tokens[k];
        if (a->start != b->start || a->end != b->end || a->base_end != b->base_end ||
            a->sentence != b->sentence || a->kind != b->kind || a->flags != b->flags)
            abort();
    }
    if (eg_matcher_scan(matcher, padded, &seg2, &scratch, &got) ||
        eg_tagger_resolve(matcher, padded, &seg2, &scratch, &got, rules) || got.n != want->n)
        abort();
    for (size_t i = 0; i < got.n; i++) {
        const eg_mention_t *a = &want->items[i], *b = &got.items[i];
        if (a->start != b->start || a->end != b->end || a->entity != b->entity ||
            a->alias != b->alias || a->sentence != b->sentence ||
            a->first_token != b->first_token || a->ntokens != b->ntokens)
            abort();
    }
    eg_mentions_free(&got);
    eg_match_scratch_free(&scratch);
    eg_segments_free(&seg2);
    free(padded);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!matcher)
        setup();
    if (size < 1)
        return 0;
    unsigned rules = data[0] & (EG_RULE_PARTIAL | EG_RULE_INITIAL | EG_RULE_EMBEDDED);
    eg_window_t window = (eg_window_t)((data[0] >> 4) % 3);
    eg_buf_t text = EG_BUF_INIT;
    eg_utf8_repair((const char *)data + 1, size - 1, &text);
    const char *t = text.data ? text.data : "";
    eg_segments_t seg;
    eg_segments_init(&seg);
    eg_match_scratch_t scratch;
    memset(&scratch, 0, sizeof scratch);
    eg_mentions_t mentions = {0};
    eg_cooc_t counts;
    eg_cooc_options_t copt = {.evidence = 2, .max_window_entities = 3};
    if (eg_cooc_init(&counts, dict.nentities, &copt))
        abort();
    if (eg_segment(t, text.len, &seg) == 0) {
        check_segments(&seg, text.len);
        if (eg_matcher_scan(matcher, t, &seg, &scratch, &mentions) == 0) {
            check_mentions(&mentions, &seg);
            if (eg_tagger_resolve(matcher, t, &seg, &scratch, &mentions, rules) == 0) {
                check_mentions(&mentions, &seg);
                check_padding_changes_nothing(t, text.len, rules, &seg, &mentions);
                eg_doc_info_t info = {.index = 0, .id = "doc", .date = EG_NO_DATE,
                                      .text = t, .len = text.len};
                eg_cooc_add_document(&counts, &info, mentions.items, mentions.n, &seg, window);
            }
        }
    }
    eg_cooc_free(&counts);
    eg_mentions_free(&mentions);
    eg_match_scratch_free(&scratch);
    eg_segments_free(&seg);
    eg_buf_free(&text);
    return 0;
}
