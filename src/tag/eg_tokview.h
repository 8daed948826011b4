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
 * cls holds the lists of every capitalised word, the word before it and
 * a lower-case word between two capitalised ones, which is all a rule
 * looks at (a title before a name, a particle inside one; "of" and
 * "and" are read as text); elsewhere it is 0. A word is looked up the
 * first time a rule asks (eg_tokview_in), since most words are never
 * asked about; shapes are derived from the token flags when asked.
 * eg_tokview_fill does per document only what is per sentence (first
 * words, headlines) or per capitalised word (the segmenter's list), never
 * a pass over every token. A sparse path may fill the same fields around
 * candidates only, and must give the same answers there.
 *
 * The view owns its arrays, grown per document and reused (no allocation
 * per token once grown). Not thread-safe; one per thread.
 */
#ifndef EG_TOKVIEW_H
#define EG_TOKVIEW_H

#include "eg_matcher.h"
#include "eg_types.h"

#include <stdint.h>
#include <string.h>

/* The helpers below are in every rule's inner loop; inlined, the shape
 * bits a caller does not ask for are never computed. */
#if defined(__GNUC__)
#define EG_TOKVIEW_INLINE static inline __attribute__((always_inline))
#else
#define EG_TOKVIEW_INLINE static inline
#endif

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
    uint16_t *cls;    /* word lists (bit 1 << k); EG_TOKVIEW_LOOKED_UP once looked up */
    const eg_matcher_t *matcher; /* for the lookups, with its scratch */
    eg_match_scratch_t *match;
    uint16_t no_lists; /* EG_TOKVIEW_LOOKED_UP when no word is on any list:
                          then cls needs no lookup and stays empty */
    size_t n, cap;
    /* Per sentence: EG_SHAPE_HEADLINE or 0, and its first word token. */
    uint8_t *sent_shape;
    uint32_t *sent_first_word;
    size_t sent_cap;
    uint64_t *blocked; /* bit k: token k is inside a stop-list form */
    /* Where the rules look, in token order: every capitalised word (the
     * segmenter's list), and every "(" that opens a bracketed acronym
     * "(ECHR)". A rule walks these lists, not every token. */
    const uint32_t *caps;
    size_t ncaps;
    uint32_t *brackets;
    size_t nbrackets;
    size_t nopen;      /* words in capitals next to a "(" ("(ECHR", "ECHR (") */
    const uint8_t *entity_class; /* eg_matcher_entity_classes */
    size_t nentities;
} eg_tokview_t;

void eg_tokview_free(eg_tokview_t *v);

/* Fill the view of a document that eg_matcher_scan has just scanned with
 * this scratch. Returns 0 or EG_ERR_RUNTIME (out of memory). The view
 * looks words up in that scratch until the next fill: a lookup that runs
 * out of memory answers "on no list" and sets s->oom, which the caller
 * checks after the rules. */
int eg_tokview_fill(eg_tokview_t *v, const eg_matcher_t *m, eg_match_scratch_t *s,
                    const char *text, const eg_segments_t *seg);

/* The lists of token k, looked up now (eg_tokview_in calls it once per
 * token, then reads cls). */
uint16_t eg_tokview_look_up(const eg_tokview_t *v, size_t k);

/* The class (enum eg_type_class) of dictionary entity e. */
static inline unsigned char eg_tokview_entity_class(const eg_tokview_t *v, uint32_t e)
{
    return e < v->nentities ? v->entity_class[e] : EG_TC_OTHER;
}

/* Token k is the one character ch (punctuation: "(", ".", "-"). */
EG_TOKVIEW_INLINE int eg_tokview_is_char(const eg_tokview_t *v, size_t k, char ch)
{
    const eg_token_t *t = &v->seg->tokens[k];
    return t->kind == EG_TOK_PUNCT && t->end - t->start == 1 && v->text[t->start] == ch;
}

/* Is token k inside a stop-list form? */
EG_TOKVIEW_INLINE int eg_tokview_blocked(const eg_tokview_t *v, size_t k)
{
    return (v->blocked[k >> 6] >> (k & 63)) & 1;
}

/* The bits of `mask` that token k's shape has (EG_SHAPE_*; none for
 * punctuation and past the end). Derived from the token's flags and its
 * sentence when asked: the rules ask about capitalised words and their
 * neighbours only, so no pass over all tokens computes shapes up front.
 * Callers pass a constant mask, so the tests of other bits vanish when
 * inlined. */
EG_TOKVIEW_INLINE unsigned eg_tokview_shape_bits(const eg_tokview_t *v, size_t k, unsigned mask)
{
    if (k >= v->n)
        return 0;
    const eg_token_t *t = &v->seg->tokens[k];
    if (t->kind != EG_TOK_WORD)
        return 0;
    unsigned f = t->flags, sh = EG_SHAPE_WORD;
    if (mask & EG_SHAPE_HEADLINE)
        sh |= v->sent_shape[t->sentence];
    if ((mask & EG_SHAPE_ALLCAPS) &&
        (f & (EG_TOKF_HAS_UPPER | EG_TOKF_HAS_LOWER)) == EG_TOKF_HAS_UPPER &&
        t->end - t->start >= 2)
        sh |= EG_SHAPE_ALLCAPS;
    if ((mask & EG_SHAPE_SENT_START) && v->sent_first_word[t->sentence] == k)
        sh |= EG_SHAPE_SENT_START;
    if ((mask & EG_SHAPE_BLOCKED) && eg_tokview_blocked(v, k))
        sh |= EG_SHAPE_BLOCKED;
    if ((mask & (EG_SHAPE_CAP | EG_SHAPE_INITIAL)) && (f & EG_TOKF_CAP)) {
        sh |= EG_SHAPE_CAP;
        if ((mask & EG_SHAPE_INITIAL) && t->end - t->start == 1 &&
            k + 1 < v->seg->sentences[t->sentence].end_token && eg_tokview_is_char(v, k + 1, '.') &&
            v->seg->tokens[k + 1].start == t->end)
            sh |= EG_SHAPE_INITIAL;
    }
    return sh & mask;
}

/* The whole shape of token k. */
EG_TOKVIEW_INLINE unsigned eg_tokview_shape(const eg_tokview_t *v, size_t k)
{
    return eg_tokview_shape_bits(v, k, ~0u);
}

EG_TOKVIEW_INLINE int eg_tokview_has(const eg_tokview_t *v, size_t k, unsigned shape)
{
    return eg_tokview_shape_bits(v, k, shape) != 0;
}

/* Is token k on word list `list` (enum eg_wordlist)? */
EG_TOKVIEW_INLINE int eg_tokview_in(const eg_tokview_t *v, size_t k, int list)
{
    if (k >= v->n)
        return 0;
    uint16_t c = v->cls[k] | v->no_lists;
    if (!(c & EG_TOKVIEW_LOOKED_UP))
        c = eg_tokview_look_up(v, k);
    return (c >> list) & 1;
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

/* A title right before token k, in its sentence (sent_first: the
 * sentence's first token): "spokesman Dmitry Peskov", or with its "."
 * ("Gen. Smith")? */
static inline int eg_tokview_title_before(const eg_tokview_t *v, size_t k, size_t sent_first)
{
    if (k <= sent_first)
        return 0;
    size_t p = k - 1;
    if (eg_tokview_is_char(v, p, '.') && p > sent_first)
        p--;
    return eg_tokview_in(v, p, EG_LIST_TITLES);
}

/* Is token k a capitalised word (wherever it stands) that no stop-list
 * form covers? */
EG_TOKVIEW_INLINE int eg_tokview_cap(const eg_tokview_t *v, size_t k)
{
    return k < v->n && (v->seg->tokens[k].flags & EG_TOKF_CAP) && !eg_tokview_blocked(v, k);
}

#endif
