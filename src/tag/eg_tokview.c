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
    free(v->cls);
    free(v->caps);
    free(v->brackets);
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
    uint16_t *cls = realloc(v->cls, cap * sizeof *cls);
    if (cls)
        v->cls = cls;
    uint32_t *caps = realloc(v->caps, cap * sizeof *caps);
    if (caps)
        v->caps = caps;
    uint32_t *brackets = realloc(v->brackets, cap * sizeof *brackets);
    if (brackets)
        v->brackets = brackets;
    if (!shape || !cls || !caps || !brackets)
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

/* Shapes of one sentence's tokens, its capitalised words and bracketed
 * acronyms onto the lists. */
static void shape_sentence(eg_tokview_t *v, const char *text, const eg_segments_t *seg,
                           const eg_sentence_t *sn)
{
    int start_seen = 0;
    size_t words = 0, caps = 0;
    for (size_t k = sn->first_token; k < sn->end_token; k++) {
        const eg_token_t *t = &seg->tokens[k];
        if (t->kind != EG_TOK_WORD) {
            v->shape[k] = 0;
            continue;
        }
        uint8_t sh = word_shape(text, t);
        if (!start_seen)
            sh |= EG_SHAPE_SENT_START, start_seen = 1;
        v->shape[k] = sh;
        words++;
        if (!(sh & EG_SHAPE_CAP))
            continue;
        caps++;
        v->caps[v->ncaps++] = (uint32_t)k;
        if (k + 1 < sn->end_token && t->end - t->start == 1 &&
            eg_tokview_is_char(v, k + 1, '.') && seg->tokens[k + 1].start == t->end)
            v->shape[k] |= EG_SHAPE_INITIAL;
        if (!(sh & EG_SHAPE_ALLCAPS))
            continue;
        int open_before = k > sn->first_token && eg_tokview_is_char(v, k - 1, '(');
        int open_after = k + 1 < sn->end_token && eg_tokview_is_char(v, k + 1, '(');
        v->nopen += open_before || open_after; /* "(ECHR" or "ECHR (" */
        if (open_before && k + 1 < sn->end_token && eg_tokview_is_char(v, k + 1, ')'))
            v->brackets[v->nbrackets++] = (uint32_t)(k - 1);
    }
    if (words >= 3 && caps == words)
        for (size_t k = sn->first_token; k < sn->end_token; k++)
            if (v->shape[k])
                v->shape[k] |= EG_SHAPE_HEADLINE;
}

typedef struct classes {
    const uint16_t *table;
    size_t n;
    const uint64_t *filter; /* eg_matcher_class_filter */
} classes_t;

static inline uint16_t class_of(const classes_t *c, int32_t id)
{
    return id >= 0 && (size_t)id < c->n ? c->table[id] : 0;
}

static void look_up(eg_tokview_t *v, const eg_matcher_t *m, eg_match_scratch_t *s,
                    const classes_t *cls, size_t k)
{
    const eg_segments_t *seg = v->seg;
    const eg_token_t *t = &seg->tokens[k];
    if ((v->cls[k] & EG_TOKVIEW_LOOKED_UP) || t->kind != EG_TOK_WORD)
        return;
    if (!(v->shape[k] & EG_SHAPE_CAP) && (t->flags & EG_TOKF_ASCII)) {
        /* a lower-case word matters only as a title or particle: most are
         * neither, and the filter says so without a lookup */
        unsigned bit = eg_class_filter_bit((unsigned char)v->text[t->start], t->end - t->start);
        if (!((cls->filter[bit >> 6] >> (bit & 63)) & 1)) {
            v->cls[k] = EG_TOKVIEW_LOOKED_UP;
            return;
        }
    }
    int32_t id = eg_matcher_token_id(m, s, v->text, seg, k);
    int32_t base = seg->tokens[k].base_end == seg->tokens[k].end
                       ? -1
                       : eg_matcher_base_id(m, s, v->text, seg, k);
    v->cls[k] = (uint16_t)(class_of(cls, id) | class_of(cls, base) | EG_TOKVIEW_LOOKED_UP);
}

int eg_tokview_fill(eg_tokview_t *v, const eg_matcher_t *m, eg_match_scratch_t *s,
                    const char *text, const eg_segments_t *seg)
{
    if (reserve(v, seg->ntokens))
        return EG_ERR_RUNTIME;
    v->text = text;
    v->seg = seg;
    v->n = seg->ntokens;
    v->ncaps = v->nbrackets = v->nopen = 0;
    memset(v->cls, 0, seg->ntokens * sizeof *v->cls);
    for (size_t si = 0; si < seg->nsentences; si++)
        shape_sentence(v, text, seg, &seg->sentences[si]);
    for (size_t i = 0; i < s->blocked.n; i++) {
        const eg_mention_t *b = &s->blocked.items[i];
        for (size_t k = b->first_token; k < b->first_token + b->ntokens; k++)
            v->shape[k] |= EG_SHAPE_BLOCKED;
    }
    classes_t cls;
    cls.table = eg_matcher_class_table(m, &cls.n);
    cls.filter = eg_matcher_class_filter(m);
    for (size_t i = 0; i < v->ncaps; i++) {
        size_t k = v->caps[i];
        look_up(v, m, s, &cls, k);
        /* the word before (a title: "spokesman Dmitry Peskov") and a
         * lower-case word between two capitalised ones (a particle:
         * "Charles de Gaulle"); a title before "." ("Mr. Smith") is
         * capitalised, so looked up as such */
        if (k > 0 && seg->tokens[k - 1].sentence == seg->tokens[k].sentence)
            look_up(v, m, s, &cls, k - 1);
        if (k + 2 < seg->ntokens && (v->shape[k + 2] & EG_SHAPE_CAP) &&
            !(v->shape[k + 1] & EG_SHAPE_CAP))
            look_up(v, m, s, &cls, k + 1);
    }
    return s->oom ? EG_ERR_RUNTIME : 0;
}
