/* eg_tokview.c — filling the token view: per sentence its first word
 * and whether it reads as a headline, the stop-list forms, and ids for
 * capitalised words and their neighbours. Nothing here visits every
 * token: the segmenter has listed the capitalised words, and a token's
 * shape is derived from its flags when a rule asks (eg_tokview_shape).
 * The scan has looked most capitalised words up already (their ids are
 * remembered in the scratch), so the lookups here are mostly of
 * lower-case neighbours ("President", "spokesman", "of", "de"). */
#include "eg_tokview.h"

#include <stdlib.h>
#include <string.h>

void eg_tokview_free(eg_tokview_t *v)
{
    free(v->cls);
    free(v->brackets);
    free(v->blocked);
    free(v->sent_shape);
    free(v->sent_first_word);
    memset(v, 0, sizeof *v);
}

static int grow(void **p, size_t n, size_t size)
{
    void *q = realloc(*p, n * size);
    if (!q)
        return -1;
    *p = q;
    return 0;
}

static int reserve(eg_tokview_t *v, size_t ntokens, size_t nsentences)
{
    if (ntokens > v->cap) {
        size_t cap = ntokens + ntokens / 2 + 64;
        if (grow((void **)&v->cls, cap, sizeof *v->cls) ||
            grow((void **)&v->brackets, cap, sizeof *v->brackets) ||
            grow((void **)&v->blocked, cap / 64 + 1, sizeof *v->blocked))
            return -1;
        v->cap = cap;
    }
    if (nsentences > v->sent_cap) {
        size_t cap = nsentences + nsentences / 2 + 16;
        if (grow((void **)&v->sent_shape, cap, sizeof *v->sent_shape) ||
            grow((void **)&v->sent_first_word, cap, sizeof *v->sent_first_word))
            return -1;
        v->sent_cap = cap;
    }
    return 0;
}

/* Does sentence sn have three or more words, all capitalised? Asked
 * only of sentences with three capitalised words or more, and most stop
 * at their first lower-case word. */
static int all_words_capitalised(const eg_segments_t *seg, const eg_sentence_t *sn)
{
    for (size_t k = sn->first_token; k < sn->end_token; k++)
        if (seg->tokens[k].kind == EG_TOK_WORD && !(seg->tokens[k].flags & EG_TOKF_CAP))
            return 0;
    return 1;
}

/* Bracketed acronyms of sentence sn onto their list: word k in capitals
 * with "(" on either side counts for nopen, "( WORD )" is a bracket. */
static void note_bracket(eg_tokview_t *v, const eg_segments_t *seg, const eg_sentence_t *sn,
                         size_t k)
{
    const eg_token_t *t = &seg->tokens[k];
    if ((t->flags & EG_TOKF_HAS_LOWER) || t->end - t->start < 2)
        return; /* not a word in capitals (EG_SHAPE_ALLCAPS) */
    int open_before = k > sn->first_token && eg_tokview_is_char(v, k - 1, '(');
    int open_after = k + 1 < sn->end_token && eg_tokview_is_char(v, k + 1, '(');
    v->nopen += open_before || open_after; /* "(ECHR" or "ECHR (" */
    if (open_before && k + 1 < sn->end_token && eg_tokview_is_char(v, k + 1, ')'))
        v->brackets[v->nbrackets++] = (uint32_t)(k - 1);
}

/* Per sentence: its first word, EG_SHAPE_HEADLINE when it reads as a
 * headline, and its bracketed acronyms, from its capitalised words (the
 * segmenter's list is in token order). */
static void shape_sentences(eg_tokview_t *v, const eg_segments_t *seg)
{
    size_t ci = 0;
    for (size_t si = 0; si < seg->nsentences; si++) {
        const eg_sentence_t *sn = &seg->sentences[si];
        size_t k = sn->first_token;
        while (k < sn->end_token && seg->tokens[k].kind != EG_TOK_WORD)
            k++;
        v->sent_first_word[si] = (uint32_t)k;
        size_t caps = 0;
        for (; ci < v->ncaps && v->caps[ci] < sn->end_token; ci++, caps++)
            note_bracket(v, seg, sn, v->caps[ci]);
        v->sent_shape[si] =
            caps >= 3 && all_words_capitalised(seg, sn) ? EG_SHAPE_HEADLINE : 0;
    }
}

static inline uint16_t class_of(const uint16_t *table, size_t n, int32_t id)
{
    return id >= 0 && (size_t)id < n ? table[id] : 0;
}

static inline int cap_at(const eg_segments_t *seg, size_t k)
{
    return k < seg->ntokens && (seg->tokens[k].flags & EG_TOKF_CAP);
}

/* Is token k one whose lists a rule may ask: a capitalised word, the
 * word before one in its sentence (a title: "spokesman Dmitry Peskov"),
 * or a lower-case word between two ("Charles de Gaulle")? A title before
 * "." ("Mr. Smith") is capitalised, so asked as such. */
static int may_ask(const eg_segments_t *seg, size_t k)
{
    if (cap_at(seg, k))
        return 1;
    if (cap_at(seg, k + 1) && seg->tokens[k].sentence == seg->tokens[k + 1].sentence)
        return 1;
    return k > 0 && cap_at(seg, k - 1) && cap_at(seg, k + 1);
}

uint16_t eg_tokview_look_up(const eg_tokview_t *v, size_t k)
{
    const eg_segments_t *seg = v->seg;
    const eg_token_t *t = &seg->tokens[k];
    uint16_t c = EG_TOKVIEW_LOOKED_UP;
    if (t->kind != EG_TOK_WORD || !may_ask(seg, k))
        return v->cls[k] = c;
    if (!(t->flags & EG_TOKF_CAP) && (t->flags & EG_TOKF_ASCII)) {
        /* a lower-case word matters only as a title or particle: most are
         * neither, and the filter says so without a lookup */
        const uint64_t *filter = eg_matcher_class_filter(v->matcher);
        unsigned bit = eg_class_filter_bit((unsigned char)v->text[t->start], t->end - t->start);
        if (!((filter[bit >> 6] >> (bit & 63)) & 1))
            return v->cls[k] = c;
    }
    size_t n;
    const uint16_t *table = eg_matcher_class_table(v->matcher, &n);
    int32_t id = eg_matcher_token_id(v->matcher, v->match, v->text, seg, k);
    int32_t base = t->base_end == t->end ? -1
                                         : eg_matcher_base_id(v->matcher, v->match, v->text, seg, k);
    c |= class_of(table, n, id) | class_of(table, n, base);
    return v->cls[k] = c;
}

int eg_tokview_fill(eg_tokview_t *v, const eg_matcher_t *m, eg_match_scratch_t *s,
                    const char *text, const eg_segments_t *seg)
{
    if (reserve(v, seg->ntokens, seg->nsentences))
        return EG_ERR_RUNTIME;
    v->text = text;
    v->seg = seg;
    v->n = seg->ntokens;
    v->matcher = m;
    v->match = s;
    v->caps = seg->capwords;
    v->ncaps = seg->ncapwords;
    v->nbrackets = v->nopen = 0;
    v->entity_class = eg_matcher_entity_classes(m);
    v->nentities = eg_matcher_dict(m)->nentities;
    memset(v->cls, 0, seg->ntokens * sizeof *v->cls);
    memset(v->blocked, 0, (seg->ntokens / 64 + 1) * sizeof *v->blocked);
    for (size_t i = 0; i < s->blocked.n; i++) {
        const eg_mention_t *b = &s->blocked.items[i];
        for (size_t k = b->first_token; k < b->first_token + b->ntokens; k++)
            v->blocked[k >> 6] |= 1ULL << (k & 63);
    }
    v->no_lists = eg_matcher_has_classes(m) ? 0 : EG_TOKVIEW_LOOKED_UP;
    shape_sentences(v, seg);
    return 0;
}
