/* eg_tokview.h — one document's tokens as the tagging rules see them.
 *
 * The rules after the scan (discovery, resolution, document rules) read
 * this view and nothing else: they never call back into the matcher
 * token by token. Per token it holds
 *
 *   shape  what the token looks like where it stands (EG_SHAPE_*):
 *          capitalised, all capitals, an initial ("F."), at a sentence
 *          start (after opening punctuation only), in a headline-like
 *          sentence (every word capitalised);
 *   cls    the word lists holding it (eg_matcher_word_classes bits).
 *
 * cls is filled for every capitalised word, the word before it and a
 * lower-case word between two capitalised ones, which is all a rule
 * looks at (a title before a name, a particle inside one; "of" and
 * "and" are read as text); elsewhere it is 0. The dense path (eg_tokview_fill) fills it up front from a scanned
 * document; a sparse path may fill the same fields around candidates
 * only, and must give the same answers there.
 *
 * The view owns its arrays, grown per document and reused (no allocation
 * per token once grown). Not thread-safe; one per thread.
 */
#ifndef EG_TOKVIEW_H
#define EG_TOKVIEW_H

#include "eg_matcher.h"

#include <stdint.h>
#include <string.h>

#define EG_TOKVIEW_LOOKED_UP 0x8000u /* in cls: the word was looked up */

enum eg_shape {
    EG_SHAPE_CAP = 1 << 0,        /* word, first letter upper, some letter */
    EG_SHAPE_ALLCAPS = 1 << 1,    /* word with capitals and no lower case */
    EG_SHAPE_INITIAL = 1 << 2,    /* one capital letter followed by "." */
    EG_SHAPE_SENT_START = 1 << 3, /* first word of its sentence */
    EG_SHAPE_HEADLINE = 1 << 4,   /* its sentence has 3+ words, all capitalised */
    EG_SHAPE_WORD = 1 << 5,       /* a word token (else punctuation) */
    EG_SHAPE_BLOCKED = 1 << 6,    /* inside a stop-list form ("Monroe Doctrine") */
};

typedef struct eg_tokview {
    const char *text;
    const eg_segments_t *seg;
    uint8_t *shape;
    uint16_t *cls;    /* word lists (bit 1 << k); EG_TOKVIEW_LOOKED_UP once filled */
    size_t n, cap;
    /* Where the rules look, in token order: every capitalised word, and
     * every "(" that opens a bracketed acronym "(ECHR)". A rule walks
     * these lists, not every token. */
    uint32_t *caps;
    size_t ncaps;
    uint32_t *brackets;
    size_t nbrackets;
    size_t nopen;      /* words in capitals next to a "(" ("(ECHR", "ECHR (") */
} eg_tokview_t;

void eg_tokview_free(eg_tokview_t *v);

/* Fill the view of a document that eg_matcher_scan has just scanned with
 * this scratch. Returns 0 or EG_ERR_RUNTIME (out of memory). */
int eg_tokview_fill(eg_tokview_t *v, const eg_matcher_t *m, eg_match_scratch_t *s,
                    const char *text, const eg_segments_t *seg);

static inline int eg_tokview_has(const eg_tokview_t *v, size_t k, unsigned shape)
{
    return k < v->n && (v->shape[k] & shape) != 0;
}

/* Is token k on word list `list` (enum eg_wordlist)? */
static inline int eg_tokview_in(const eg_tokview_t *v, size_t k, int list)
{
    return k < v->n && ((v->cls[k] >> list) & 1);
}

/* Token k is the one character ch (punctuation: "(", ".", "-"). */
static inline int eg_tokview_is_char(const eg_tokview_t *v, size_t k, char ch)
{
    const eg_token_t *t = &v->seg->tokens[k];
    return t->kind == EG_TOK_PUNCT && t->end - t->start == 1 && v->text[t->start] == ch;
}

/* Token k is the word w, as written ("of", "and"). */
static inline int eg_tokview_word_is(const eg_tokview_t *v, size_t k, const char *w)
{
    const eg_token_t *t = &v->seg->tokens[k];
    size_t n = strlen(w);
    return t->end - t->start == n && memcmp(v->text + t->start, w, n) == 0;
}

/* No white space before token k ("Jean-Pierre", "F."). */
static inline int eg_tokview_glued(const eg_tokview_t *v, size_t k)
{
    return !(v->seg->tokens[k].flags & EG_TOKF_SPACE_BEFORE);
}

/* Token k is a possessive ("Peskov's"). */
static inline int eg_tokview_possessive(const eg_tokview_t *v, size_t k)
{
    return v->seg->tokens[k].base_end != v->seg->tokens[k].end;
}

/* The next word token after k, before `end`, or `end`; the previous one
 * before k, not before `first`, or SIZE_MAX. */
static inline size_t eg_tokview_next_word(const eg_tokview_t *v, size_t k, size_t end)
{
    for (k++; k < end; k++)
        if (v->seg->tokens[k].kind == EG_TOK_WORD)
            return k;
    return end;
}

static inline size_t eg_tokview_prev_word(const eg_tokview_t *v, size_t k, size_t first)
{
    while (k > first) {
        k--;
        if (v->seg->tokens[k].kind == EG_TOK_WORD)
            return k;
    }
    return SIZE_MAX;
}

/* Is token k a capitalised word (wherever it stands) that no stop-list
 * form covers? */
static inline int eg_tokview_cap(const eg_tokview_t *v, size_t k)
{
    return k < v->n && (v->shape[k] & (EG_SHAPE_CAP | EG_SHAPE_BLOCKED)) == EG_SHAPE_CAP;
}

#endif
