/* eg_tokview.c — the dense filling of the token view: shapes for every
 * token, ids for capitalised words and their neighbours. The scan has
 * looked most capitalised words up already (their ids are remembered in
 * the scratch), so the lookups here are mostly of lower-case neighbours
 * ("President", "spokesman", "of", "de"). */
#include "eg_tokview.h"

#include <stdlib.h>
#include <string.h>

void eg_tokview_free(eg_tokview_t *v)
{
    free(v->shape);
    free(v->id);
    free(v->cls);
    memset(v, 0, sizeof *v);
}

static int reserve(eg_tokview_t *v, size_t n)
{
    if (n <= v->cap)
        return 0;
    size_t cap = n + n / 2 + 16;
    uint8_t *shape = realloc(v->shape, cap);
    if (shape)
        v->shape = shape;
    int32_t *id = realloc(v->id, cap * sizeof *id);
    if (id)
        v->id = id;
    uint16_t *cls = realloc(v->cls, cap * sizeof *cls);
    if (cls)
        v->cls = cls;
    if (!shape || !id || !cls)
        return -1;
    v->cap = cap;
    return 0;
}

static uint8_t word_shape(const char *text, const eg_token_t *t)
{
    uint8_t sh = EG_SHAPE_WORD;
    int upper = (t->flags & EG_TOKF_HAS_UPPER) != 0;
    int lower = (t->flags & EG_TOKF_HAS_LOWER) != 0;
    if (upper && !(t->flags & EG_TOKF_FIRST_LOWER)) {
        unsigned char c = (unsigned char)text[t->start];
        /* a digit first ("2nd") is no capital */
        if (!(c >= '0' && c <= '9'))
            sh |= EG_SHAPE_CAP;
    }
    if (upper && !lower && t->end - t->start >= 2)
        sh |= EG_SHAPE_ALLCAPS;
    return sh;
}

/* Shapes of one sentence's tokens (ids and classes reset on the way). */
static void shape_sentence(eg_tokview_t *v, const char *text, const eg_segments_t *seg,
                           const eg_sentence_t *sn)
{
    int start_seen = 0;
    size_t words = 0, caps = 0;
    for (size_t k = sn->first_token; k < sn->end_token; k++) {
        const eg_token_t *t = &seg->tokens[k];
        v->id[k] = EG_TOKVIEW_UNSET;
        v->cls[k] = 0;
        if (t->kind != EG_TOK_WORD) {
            v->shape[k] = 0;
            continue;
        }
        uint8_t sh = word_shape(text, t);
        if (!start_seen)
            sh |= EG_SHAPE_SENT_START, start_seen = 1;
        if ((sh & EG_SHAPE_CAP) && t->end - t->start == 1 && k + 1 < sn->end_token &&
            seg->tokens[k + 1].kind == EG_TOK_PUNCT && text[seg->tokens[k + 1].start] == '.' &&
            seg->tokens[k + 1].start == t->end)
            sh |= EG_SHAPE_INITIAL;
        v->shape[k] = sh;
        words++;
        caps += (sh & EG_SHAPE_CAP) != 0;
    }
    if (words >= 3 && caps == words)
        for (size_t k = sn->first_token; k < sn->end_token; k++)
            if (v->shape[k])
                v->shape[k] |= EG_SHAPE_HEADLINE;
}

static void look_up(eg_tokview_t *v, const eg_matcher_t *m, eg_match_scratch_t *s,
                    const char *text, const eg_segments_t *seg, size_t k)
{
    if (v->id[k] != EG_TOKVIEW_UNSET || seg->tokens[k].kind != EG_TOK_WORD)
        return;
    int32_t id = eg_matcher_token_id(m, s, text, seg, k);
    int32_t base = eg_matcher_base_id(m, s, text, seg, k);
    v->id[k] = id >= 0 ? id : base;
    v->cls[k] = (uint16_t)(eg_matcher_word_classes(m, id) | eg_matcher_word_classes(m, base));
}

int eg_tokview_fill(eg_tokview_t *v, const eg_matcher_t *m, eg_match_scratch_t *s,
                    const char *text, const eg_segments_t *seg)
{
    if (reserve(v, seg->ntokens))
        return EG_ERR_RUNTIME;
    v->text = text;
    v->seg = seg;
    v->n = seg->ntokens;
    for (size_t si = 0; si < seg->nsentences; si++)
        shape_sentence(v, text, seg, &seg->sentences[si]);
    for (size_t k = 0; k < seg->ntokens; k++) {
        if (!(v->shape[k] & EG_SHAPE_CAP))
            continue;
        look_up(v, m, s, text, seg, k);
        /* the word before (a title: "spokesman Dmitry Peskov") and a
         * lower-case word between two capitalised ones (a particle:
         * "Charles de Gaulle"); a title before "." ("Mr. Smith") is
         * capitalised, so looked up as such */
        if (k > 0 && seg->tokens[k - 1].sentence == seg->tokens[k].sentence)
            look_up(v, m, s, text, seg, k - 1);
        if (k + 2 < seg->ntokens && (v->shape[k + 2] & EG_SHAPE_CAP) &&
            !(v->shape[k + 1] & EG_SHAPE_CAP))
            look_up(v, m, s, text, seg, k + 1);
    }
    return s->oom ? EG_ERR_RUNTIME : 0;
}
