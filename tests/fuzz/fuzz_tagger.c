/* fuzz_tagger.c — segmenter, tagger (every stage) and counting on
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
#include "../../src/count/eg_registry.h"
#include "../../src/tag/eg_dict.h"
#include "../../src/tag/eg_matcher.h"
#include "../../src/tag/eg_tagger.h"
#include "../../src/text/eg_segment.h"
#include "../../src/text/eg_utf8.h"

#include <stdlib.h>
#include <string.h>

static eg_dict_t dict;
static eg_matcher_t *matcher;
static eg_tagger_t taggers[2]; /* [0]: rules from the input; [1]: all */

static void setup(void)
{
    eg_error_t err;
    eg_dict_init(&dict);
    if (eg_dict_load_text(&dict, "small.tsv", fuzz_small_dict, strlen(fuzz_small_dict), NULL,
                          &err))
        abort();
    fuzz_add_word_lists(&dict);
    if (eg_matcher_build(&matcher, &dict, NULL, &err))
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

static void check_mentions(const eg_mentions_t *m, const eg_segments_t *seg,
                           const eg_found_t *found)
{
    uint32_t prev_end = 0;
    for (size_t i = 0; i < m->n; i++) {
        const eg_mention_t *mn = &m->items[i];
        if (mn->start < prev_end || mn->start >= mn->end || mn->ntokens == 0 ||
            mn->first_token + mn->ntokens > seg->ntokens ||
            (mn->entity >= dict.nentities &&
             !(mn->entity == EG_ENTITY_FOUND && found && mn->alias < found->n)) ||
            mn->why >= EG_WHY_COUNT ||
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
static void check_padding_changes_nothing(const char *text, size_t len, const eg_tagger_t *tg,
                                          const eg_segments_t *seg, const eg_mentions_t *want)
{
    char *padded = malloc(len + 48);
    if (!padded)
        abort();
    memcpy(padded, text, len);
    memset(padded + len, ' ', 48);
    eg_segments_t seg2;
    eg_segments_init(&seg2);
    eg_tag_scratch_t scratch;
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
    if (eg_tagger_document(tg, padded, &seg2, &scratch, &got) || got.n != want->n)
        abort();
    for (size_t i = 0; i < got.n; i++) {
        const eg_mention_t *a = &want->items[i], *b = &got.items[i];
        if (a->start != b->start || a->end != b->end || a->entity != b->entity ||
            a->alias != b->alias || a->sentence != b->sentence ||
            a->first_token != b->first_token || a->ntokens != b->ntokens || a->why != b->why)
            abort();
    }
    eg_mentions_free(&got);
    eg_tag_scratch_free(&scratch);
    eg_segments_free(&seg2);
    free(padded);
}

/* Found mentions as the counting path numbers them (eg_registry.h). */
static void register_found(eg_registry_t *reg, const eg_found_t *found, eg_mentions_t *m)
{
    for (size_t i = 0; i < m->n; i++) {
        eg_mention_t *mn = &m->items[i];
        if (mn->entity != EG_ENTITY_FOUND)
            continue;
        long e = eg_registry_vote(reg, eg_found_id(found, mn->alias),
                                  eg_found_label(found, mn->alias),
                                  found->items[mn->alias].type, 1);
        if (e < (long)dict.nentities) /* the tagger maps ids the dictionary has */
            abort();
        mn->entity = (uint32_t)e;
    }
}

/* The 2x2 table of the measures exists: n_ij <= n_i <= W for every pair,
 * whatever the window, and n_i + n_j - n_ij <= W unless a window was
 * capped (a capped window holds both of a pair it does not count, so
 * that bound fails there: a known limit of --max-window-entities). */
static void check_measure_table(const eg_cooc_t *c)
{
    for (size_t i = 0; i < c->pair_slots; i++) {
        const eg_pair_t *p = &c->pairs[i];
        if (p->a == UINT32_MAX)
            continue;
        uint64_t na = c->windows[p->a], nb = c->windows[p->b];
        if (p->count == 0 || p->count > na || p->count > nb || na > c->windows_with_entities ||
            nb > c->windows_with_entities ||
            (!c->capped_windows && na + nb - p->count > c->windows_with_entities))
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!matcher)
        setup();
    if (size < 1)
        return 0;
    /* bits 0-2: partial, initial, embedded; 3: discovery; 6: resolution;
     * 4-5: the window (3: tokens:1..8); 7: line paragraphs */
    unsigned rules = (data[0] & (EG_RULE_PARTIAL | EG_RULE_INITIAL | EG_RULE_EMBEDDED)) |
                     ((data[0] & 0x08) ? EG_RULES_DISCOVERY : 0) |
                     ((data[0] & 0x40) ? EG_RULES_RESOLUTION : 0);
    eg_tagger_init(&taggers[0], matcher, NULL, rules);
    eg_tagger_init(&taggers[1], matcher, NULL, EG_RULES_ALL);
    unsigned kind = (data[0] >> 4) & 3;
    eg_window_t window = kind == EG_WINDOW_TOKENS ? eg_window_tokens(1 + (unsigned)size % 8)
                                                  : (eg_window_t)kind;
    if ((data[0] & 0x80) && kind != EG_WINDOW_DOCUMENT)
        window |= EG_WINDOW_LINES;
    eg_buf_t text = EG_BUF_INIT;
    eg_utf8_repair((const char *)data + 1, size - 1, &text);
    const char *t = text.data ? text.data : "";
    eg_segments_t seg;
    eg_segments_init(&seg);
    eg_tag_scratch_t scratch;
    memset(&scratch, 0, sizeof scratch);
    eg_mentions_t mentions = {0};
    eg_cooc_t counts;
    eg_cooc_options_t copt = {.evidence = 2, .max_window_entities = 3};
    eg_registry_t *reg = eg_registry_new(&dict);
    if (!reg || eg_cooc_init(&counts, dict.nentities, &copt))
        abort();
    if (eg_segment(t, text.len, &seg) == 0) {
        check_segments(&seg, text.len);
        for (int k = 0; k < 2; k++) {
            if (eg_tagger_document(&taggers[k], t, &seg, &scratch, &mentions) != 0)
                continue;
            check_mentions(&mentions, &seg, &scratch.found);
            check_padding_changes_nothing(t, text.len, &taggers[k], &seg, &mentions);
            register_found(reg, &scratch.found, &mentions);
            eg_doc_info_t info = {.index = (uint64_t)k, .id = "doc", .date = EG_NO_DATE,
                                  .text = t, .len = text.len};
            eg_cooc_add_document(&counts, &info, mentions.items, mentions.n, &seg, window);
        }
    }
    check_measure_table(&counts);
    eg_cooc_free(&counts);
    eg_registry_free(reg);
    eg_mentions_free(&mentions);
    eg_tag_scratch_free(&scratch);
    eg_segments_free(&seg);
    eg_buf_free(&text);
    return 0;
}
