/* eg_acronym.c — acronyms that a text defines in brackets. The
 * definitions are few (a word in capitals beside a "(", counted by the
 * token view), so a document without one costs one test; with one, the
 * acronym's later uses are found by walking the capitalised words. */
#include "eg_acronym.h"

#include <stdlib.h>
#include <string.h>

/* Does the acronym at token k spell the initials of tokens [a, b]
 * (capitalised words; "of", "the", "and", "for" skipped)? */
static int spells(const eg_tokview_t *v, size_t k, size_t a, size_t b)
{
    const eg_token_t *t = &v->seg->tokens[k];
    size_t i = t->start;
    for (size_t j = a; j <= b; j++) {
        const eg_token_t *w = &v->seg->tokens[j];
        if (w->kind != EG_TOK_WORD || !eg_tokview_cap(v, j))
            continue;
        if (i >= t->end || v->text[i] != v->text[w->start])
            return 0;
        i++;
    }
    return i == t->end;
}

static int is_acronym(const eg_tokview_t *v, size_t k)
{
    const eg_token_t *t = &v->seg->tokens[k];
    return eg_tokview_cap(v, k) && eg_tokview_has(v, k, EG_SHAPE_ALLCAPS) && t->end - t->start >= 2 &&
           t->end - t->start <= 10 && (t->flags & EG_TOKF_ASCII);
}

static int by_start(const void *a, const void *b)
{
    const eg_mention_t *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

typedef struct acro {
    uint32_t start, len;  /* the acronym's bytes */
    uint32_t from;        /* uses at or after this byte are mentions */
    eg_mention_t target;  /* a mention of the long name */
} acro_t;

/* Acronyms defined as "Long Name (LN)" or "LN (Long Name)": each LN with
 * the mention of the long name. */
static size_t collect_acronyms(const eg_tokview_t *v, const eg_mentions_t *out, acro_t *acr,
                               size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < out->n && n < max; i++) {
        const eg_mention_t *mn = &out->items[i];
        if (mn->ntokens < 2)
            continue;
        size_t k = mn->first_token + mn->ntokens, f = mn->first_token;
        if (k + 2 < v->n && eg_tokview_is_char(v, k, '(') && is_acronym(v, k + 1) &&
            eg_tokview_is_char(v, k + 2, ')') && spells(v, k + 1, f, k - 1)) {
            const eg_token_t *t = &v->seg->tokens[k + 1];
            acr[n++] = (acro_t){t->start, t->end - t->start, mn->end, *mn};
        } else if (f >= 2 && k < v->n && eg_tokview_is_char(v, f - 1, '(') && eg_tokview_is_char(v, k, ')') &&
                   is_acronym(v, f - 2) && spells(v, f - 2, f, k - 1)) {
            const eg_token_t *t = &v->seg->tokens[f - 2];
            acr[n++] = (acro_t){t->start, t->end - t->start, t->start, *mn};
        }
    }
    return n;
}

int eg_acronym_uses(const eg_tokview_t *v, eg_docrules_scratch_t *s, eg_mentions_t *out)
{
    acro_t acr[32];
    if (v->nopen == 0) /* no capitals beside a bracket: no acronym defined */
        return 0;
    size_t na = collect_acronyms(v, out, acr, sizeof acr / sizeof *acr);
    if (na == 0)
        return 0;
    s->extra.n = 0;
    size_t mi = 0;
    for (size_t i = 0; i < v->ncaps; i++) { /* an acronym is in capitals */
        size_t k = v->caps[i];
        while (mi < out->n && out->items[mi].first_token + out->items[mi].ntokens <= k)
            mi++;
        if (mi < out->n && out->items[mi].first_token <= k)
            continue; /* inside a mention */
        if (!is_acronym(v, k))
            continue;
        const eg_token_t *t = &v->seg->tokens[k];
        for (size_t a = 0; a < na; a++) {
            if (acr[a].len != t->end - t->start ||
                memcmp(v->text + acr[a].start, v->text + t->start, acr[a].len) ||
                t->start < acr[a].from)
                continue;
            eg_mention_t mn = acr[a].target;
            mn.start = t->start;
            mn.end = t->end;
            mn.sentence = t->sentence;
            mn.first_token = (uint32_t)k;
            mn.ntokens = 1;
            mn.why = EG_WHY_ACRONYM;
            if (eg_mentions_push(&s->extra, &mn))
                return EG_ERR_RUNTIME;
            break;
        }
    }
    if (s->extra.n == 0)
        return 0;
    /* the new mentions touch no old one: a plain sorted merge */
    size_t total = out->n + s->extra.n;
    if (eg_docrules_reserve_merged(s, total))
        return EG_ERR_RUNTIME;
    eg_mention_t *m = s->merged;
    size_t a = 0, b = 0, n = 0;
    while (a < out->n || b < s->extra.n)
        if (b == s->extra.n || (a < out->n && out->items[a].start < s->extra.items[b].start))
            m[n++] = out->items[a++];
        else
            m[n++] = s->extra.items[b++];
    eg_docrules_take_merged(s, out, total);
    return 0;
}

/* Drop the found mentions that overlap tokens [a, b]: a name the text
 * spells out wins over the chunks found inside it. */
static void drop_overlapping(eg_docrules_scratch_t *s, size_t a, size_t b)
{
    size_t w = 0;
    for (size_t i = 0; i < s->extra.n; i++) {
        const eg_mention_t *m = &s->extra.items[i];
        if (!(m->first_token <= b && a < m->first_token + m->ntokens))
            s->extra.items[w++] = *m;
    }
    s->extra.n = w;
}

/* "Multi-State Lottery Association (MUSL)": the capitalised words before
 * an acronym in brackets whose initials spell it are an organisation's
 * name, whether or not a list or another rule knows it. */
int eg_acronym_long_names(const eg_tokview_t *v, eg_found_t *found, eg_docrules_scratch_t *s)
{
    int added = 0;
    for (size_t i = 0; i < v->nbrackets; i++) {
        size_t k = v->brackets[i];
        /* "Digital Millennium Copyright Act (DMCA)": a law, an event or
         * a system spelled out is no organisation */
        if (!is_acronym(v, k + 1) || eg_tokview_in(v, k - 1, EG_LIST_MISC_HEADS))
            continue;
        size_t first = v->seg->sentences[v->seg->tokens[k].sentence].first_token;
        size_t j = k; /* walk back over name words and joints */
        while (j > first && (eg_tokview_cap(v, j - 1) || eg_long_name_joint(v, j - 1)))
            j--;
        for (size_t a = j; a + 1 < k; a++) {
            if (!eg_tokview_cap(v, a) || !spells(v, k + 1, a, k - 1))
                continue;
            drop_overlapping(s, a, k - 1);
            if (eg_docrules_add_found(v, a, k - 1, EG_TYPE_ORGANISATION, EG_WHY_ACRONYM, found, s))
                return -1;
            added = 1;
            break;
        }
    }
    if (added && s->extra.n > 1)
        qsort(s->extra.items, s->extra.n, sizeof *s->extra.items, by_start);
    return 0;
}
