/* eg_docrules.c — partial, initial and embedded, on the token view.
 * A name's words are compared by their bytes (the base of a possessive),
 * hashed: a surname is rarely a vocabulary word, so ids would not do. */
#include "eg_docrules.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

typedef struct part {
    uint64_t hash;      /* of the word's bytes */
    uint32_t start, len;
    uint32_t entity, alias; /* the person (alias: the found index when
                               entity is EG_ENTITY_FOUND, else unused) */
    uint32_t after;     /* token after the full mention */
    uint32_t last;      /* 1: the name's last word (a surname) */
} part_t;

void eg_docrules_scratch_free(eg_docrules_scratch_t *s)
{
    free(s->parts);
    free(s->merged);
    eg_mentions_free(&s->extra);
    eg_mentions_free(&s->lone);
    eg_buf_free(&s->label);
    memset(s, 0, sizeof *s);
}

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t n = need + need / 2 + 16;
    void *q = realloc(*p, n * size);
    if (!q)
        return -1;
    *p = q;
    *cap = n;
    return 0;
}

/* ---- the scratch the rules share ---- */

/* Room for n mentions in s->merged, grown geometrically (it is reused
 * document after document). */
int eg_docrules_reserve_merged(eg_docrules_scratch_t *s, size_t n)
{
    if (n <= s->merged_cap)
        return 0;
    size_t cap = n + n / 2 + 16;
    eg_mention_t *m = realloc(s->merged, cap * sizeof *m);
    if (!m)
        return -1;
    s->merged = m;
    s->merged_cap = cap;
    return 0;
}

void eg_docrules_take_merged(eg_docrules_scratch_t *s, eg_mentions_t *out, size_t n)
{
    eg_mention_t *items = out->items;
    size_t cap = out->cap;
    out->items = s->merged;
    out->cap = s->merged_cap;
    out->n = n;
    s->merged = items;
    s->merged_cap = cap;
}

/* The label of tokens [first, last]: their text with any run of white
 * space between two tokens made one space. Most names are written with
 * one space between words, and their label is the text itself: *label
 * then points into it; else the label is built in out (never longer
 * than the text it spans, so one reservation covers it). */
static int make_label(const eg_tokview_t *v, size_t first, size_t last, eg_buf_t *out,
                      const char **label, size_t *n)
{
    const eg_token_t *tokens = v->seg->tokens;
    uint32_t start = tokens[first].start, end = tokens[last].base_end;
    unsigned odd = 0; /* a gap that is not one space or nothing */
    for (size_t k = first + 1; k <= last; k++) {
        uint32_t gap = tokens[k].start - tokens[k - 1].end;
        unsigned space = (tokens[k].flags & EG_TOKF_SPACE_BEFORE) != 0;
        odd |= (gap != space) | (space & (v->text[tokens[k - 1].end] != ' '));
    }
    if (!odd) {
        *label = v->text + start;
        *n = end - start;
        return 0;
    }
    eg_buf_clear(out);
    if (eg_buf_reserve(out, end - start))
        return -1;
    char *d = out->data;
    size_t len = 0;
    for (size_t k = first; k <= last; k++) {
        const eg_token_t *t = &tokens[k];
        if (k > first && (t->flags & EG_TOKF_SPACE_BEFORE))
            d[len++] = ' ';
        uint32_t e = k == last ? t->base_end : t->end;
        memcpy(d + len, v->text + t->start, e - t->start);
        len += e - t->start;
    }
    out->len = len;
    d[len] = '\0';
    *label = out->data;
    *n = len;
    return 0;
}

long eg_docrules_found_entity(const eg_tokview_t *v, size_t first, size_t last,
                              const char *type, uint8_t why, eg_found_t *found,
                              eg_docrules_scratch_t *s)
{
    const char *label;
    size_t n;
    if (make_label(v, first, last, &s->label, &label, &n))
        return -1;
    return eg_found_add(found, label, n, type, why);
}

int eg_docrules_add_found(const eg_tokview_t *v, size_t first, size_t last, const char *type,
                          uint8_t why, eg_found_t *found, eg_docrules_scratch_t *s)
{
    long idx = eg_docrules_found_entity(v, first, last, type, why, found, s);
    if (idx == -2)
        return 0;
    if (idx < 0)
        return -1;
    const eg_token_t *a = &v->seg->tokens[first], *b = &v->seg->tokens[last];
    eg_mention_t mn = {
        .start = a->start, .end = b->base_end, .entity = EG_ENTITY_FOUND,
        .alias = (uint32_t)idx, .sentence = a->sentence, .first_token = (uint32_t)first,
        .ntokens = (uint32_t)(last - first + 1), .why = why,
    };
    if (s->extra.n < s->extra.cap) { /* the list is reused: it has room */
        s->extra.items[s->extra.n++] = mn;
        return 0;
    }
    return eg_mentions_push(&s->extra, &mn);
}

/* ---- initial and embedded ---- */

static int initial_common(const eg_tokview_t *v, const eg_mention_t *mn)
{
    size_t k = mn->first_token;
    if (mn->ntokens != 1 || !eg_tokview_has(v, k, EG_SHAPE_SENT_START))
        return 0;
    if (!(v->seg->tokens[k].flags & EG_TOKF_HAS_LOWER)) /* ECHR, US: written as a name */
        return 0;
    return eg_tokview_in(v, k, EG_LIST_WORDS);
}

static int name_piece(const eg_tokview_t *v, size_t k, size_t lo, size_t hi)
{
    return k >= lo && k < hi && eg_tokview_has(v, k, EG_SHAPE_CAP) &&
           !eg_tokview_has(v, k, EG_SHAPE_SENT_START);
}

static int compare_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

int eg_docrules_drop(const eg_tokview_t *v, eg_docrules_scratch_t *s, eg_mentions_t *out,
                     int initial, int embedded)
{
    const eg_segments_t *seg = v->seg;
    uint32_t *seen = NULL;
    size_t nseen = 0;
    if (initial) {
        if (grow(&s->parts, &s->parts_cap, out->n / (sizeof(part_t) / sizeof(uint32_t)) + 1,
                 sizeof(part_t)))
            return EG_ERR_RUNTIME;
        /* the entities named elsewhere matter only when a mention may
         * be dropped, which most documents have none of */
        size_t candidates = 0;
        for (size_t i = 0; i < out->n && !candidates; i++)
            candidates = out->items[i].entity != EG_ENTITY_FOUND &&
                         initial_common(v, &out->items[i]);
        initial = candidates != 0;
        seen = s->parts;
        for (size_t i = 0; initial && i < out->n; i++)
            if (out->items[i].entity != EG_ENTITY_FOUND && !initial_common(v, &out->items[i]))
                seen[nseen++] = out->items[i].entity;
        if (nseen > 1)
            qsort(seen, nseen, sizeof *seen, compare_u32);
    }
    size_t w = 0;
    for (size_t i = 0; i < out->n; i++) {
        const eg_mention_t *mn = &out->items[i];
        int drop = 0;
        if (initial && mn->entity != EG_ENTITY_FOUND && initial_common(v, mn) &&
            !(nseen && bsearch(&mn->entity, seen, nseen, sizeof *seen, compare_u32)))
            drop = 1;
        if (!drop && embedded) {
            const eg_sentence_t *sn = &seg->sentences[mn->sentence];
            size_t before = mn->first_token - 1, after = mn->first_token + mn->ntokens;
            size_t prev_end = w > 0 ? out->items[w - 1].first_token + out->items[w - 1].ntokens
                                    : 0;
            size_t next_start = i + 1 < out->n ? out->items[i + 1].first_token : SIZE_MAX;
            if (mn->first_token > sn->first_token && before >= prev_end &&
                name_piece(v, before, sn->first_token, sn->end_token))
                drop = 1;
            if (after < next_start && name_piece(v, after, sn->first_token, sn->end_token))
                drop = 1;
        }
        if (!drop)
            out->items[w++] = *mn;
    }
    out->n = w;
    return 0;
}

/* ---- partial ---- */

static uint32_t word_end(const eg_segments_t *seg, size_t k)
{
    return seg->tokens[k].base_end;
}

static int compare_part(const void *a, const void *b)
{
    const part_t *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    if (x->entity != y->entity)
        return x->entity < y->entity ? -1 : 1;
    if (x->alias != y->alias)
        return x->alias < y->alias ? -1 : 1;
    if (x->after != y->after)
        return x->after < y->after ? -1 : 1;
    return x->start < y->start ? -1 : x->start > y->start; /* the text order */
}

/* Sort parts (a total order: the same for any sort, and the text order
 * among the words of one name, as they were collected): a document has
 * a few dozen at most, which an insertion sort orders without a call per
 * comparison. */
static void sort_parts(part_t *p, size_t n)
{
    if (n > 64) {
        qsort(p, n, sizeof *p, compare_part);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        part_t x = p[i];
        size_t j = i;
        for (; j > 0 && compare_part(&p[j - 1], &x) > 0; j--)
            p[j] = p[j - 1];
        p[j] = x;
    }
}

/* The words of multi-word person mentions; returns how many, -1 on OOM. */
static long collect_parts(const eg_dict_t *d, const eg_found_t *found, const eg_tokview_t *v,
                          eg_docrules_scratch_t *s, const eg_mentions_t *ms)
{
    const eg_segments_t *seg = v->seg;
    size_t n = 0;
    for (size_t i = 0; i < ms->n; i++) {
        const eg_mention_t *mn = &ms->items[i];
        if (mn->ntokens < 2)
            continue;
        uint32_t first = mn->first_token, end = mn->first_token + mn->ntokens;
        unsigned char cls = eg_mention_class(v, found, mn);
        /* "Datecs Ltd": the one word before a legal suffix names the
         * company on its own later ("Datecs") */
        if (cls == EG_TC_ORGANISATION && mn->ntokens == 2 &&
            eg_tokview_in(v, first + 1, EG_LIST_ORG_SUFFIXES))
            end = first + 1;
        else if (cls != EG_TC_PERSON)
            continue;
        if (grow(&s->parts, &s->parts_cap, n + mn->ntokens, sizeof(part_t)))
            return -1;
        part_t *parts = s->parts;
        for (uint32_t k = first; k < end; k++) {
            const eg_token_t *t = &seg->tokens[k];
            if (!eg_tokview_has(v, k, EG_SHAPE_CAP) || eg_tokview_has(v, k, EG_SHAPE_INITIAL) ||
                word_end(seg, k) - t->start < 2 || eg_tokview_in(v, k, EG_LIST_WORDS) ||
                eg_tokview_in(v, k, EG_LIST_TITLES))
                continue;
            uint32_t len = word_end(seg, k) - t->start;
            parts[n] = (part_t){XXH3_64bits(v->text + t->start, len), t->start, len,
                                mn->entity, mn->entity == EG_ENTITY_FOUND ? mn->alias : 0,
                                mn->first_token + mn->ntokens,
                                k + 1 == mn->first_token + mn->ntokens && cls == EG_TC_PERSON};
            n++;
        }
    }
    sort_parts(s->parts, n);
    return (long)n;
}

/* A filter of the parts' words: one bit of 256 per word, picked by its
 * length and its first and last bytes. Most capitalised words of a
 * document are no part; the filter rules them out without hashing. */
typedef struct part_filter {
    uint64_t bits[4];
} part_filter_t;

static inline unsigned filter_slot(const char *w, uint32_t len)
{
    return (len * 37u + (unsigned char)w[0] * 11u + (unsigned char)w[len - 1]) & 255u;
}

static void filter_add(part_filter_t *f, const char *w, uint32_t len)
{
    unsigned b = filter_slot(w, len);
    f->bits[b >> 6] |= 1ULL << (b & 63);
}

static inline int filter_may_hold(const part_filter_t *f, const char *w, uint32_t len)
{
    unsigned b = filter_slot(w, len);
    return (f->bits[b >> 6] >> (b & 63)) & 1;
}

/* part_of past the filter. */
static long part_lookup(const eg_tokview_t *v, const part_t *parts, size_t n, size_t k,
                        const eg_token_t *t, uint32_t len)
{
    uint64_t h = XXH3_64bits(v->text + t->start, len);
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (parts[mid].hash < h)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == n || parts[lo].hash != h || parts[lo].len != len ||
        memcmp(v->text + parts[lo].start, v->text + t->start, len))
        return -1;
    /* the person named in full last before k ("Duane Bobick ... Rodney
     * Bobick ... Bobick": Rodney) */
    long best = -1;
    for (size_t j = lo; j < n && parts[j].hash == h; j++)
        if (k >= parts[j].after && (best < 0 || parts[j].after > parts[best].after))
            best = (long)j;
    return best;
}

/* The person a lone word at token k refers to (index into parts), or -1:
 * unknown, ambiguous, or before the person's first full mention. */
static inline long part_of(const eg_tokview_t *v, const part_t *parts, size_t n, size_t k,
                           const part_filter_t *filter)
{
    const eg_token_t *t = &v->seg->tokens[k];
    uint32_t len = word_end(v->seg, k) - t->start;
    if (len == 0 || !filter_may_hold(filter, v->text + t->start, len))
        return -1;
    return part_lookup(v, parts, n, k, t, len);
}

int eg_docrules_partial(const eg_dict_t *d, const eg_found_t *found, const eg_tokview_t *v,
                        eg_docrules_scratch_t *s, eg_mentions_t *out)
{
    long nparts = collect_parts(d, found, v, s, out);
    if (nparts < 0)
        return EG_ERR_RUNTIME;
    if (nparts == 0)
        return 0;
    const eg_segments_t *seg = v->seg;
    part_filter_t filter = {{0}};
    size_t from = SIZE_MAX; /* no word before a first full mention is a part */
    for (long i = 0; i < nparts; i++) {
        const part_t *p = &((const part_t *)s->parts)[i];
        filter_add(&filter, v->text + p->start, p->len);
        if (p->after < from)
            from = p->after;
    }
    const part_t *parts = s->parts;
    /* a one-word place named like a person of the document, unless
     * resolution had evidence for the place ("crowds in Lincoln") */
    for (size_t i = 0; i < out->n; i++) {
        eg_mention_t *mn = &out->items[i];
        long p;
        if (mn->ntokens == 1 && mn->entity != EG_ENTITY_FOUND && mn->why != EG_WHY_LOCATIVE &&
            eg_mention_class(v, found, mn) == EG_TC_PLACE && eg_tokview_cap(v, mn->first_token) &&
            (p = part_of(v, parts, (size_t)nparts, mn->first_token, &filter)) >= 0 &&
            parts[p].last) { /* a surname: "Lincoln", never "Melbourne" of a
                              * "Melbourne Smith" */
            mn->entity = parts[p].entity;
            mn->alias = parts[p].entity == EG_ENTITY_FOUND ? parts[p].alias : EG_ALIAS_NONE;
            mn->why = EG_WHY_PERSON;
        }
    }
    /* capitalised words outside the mentions: the filter first, since
     * nearly every word fails it */
    s->lone.n = 0;
    size_t ci = 0;
    while (ci < v->ncaps && v->caps[ci] < from)
        ci++;
    for (size_t mi = 0; ci < v->ncaps; ci++) {
        size_t k = v->caps[ci];
        const eg_token_t *t = &seg->tokens[k];
        uint32_t len = word_end(seg, k) - t->start;
        if (len == 0 || !filter_may_hold(&filter, v->text + t->start, len))
            continue;
        while (mi < out->n && out->items[mi].first_token + out->items[mi].ntokens <= k)
            mi++;
        if (mi < out->n && out->items[mi].first_token <= k)
            continue; /* inside a mention */
        if (!eg_tokview_cap(v, k) || eg_tokview_has(v, k, EG_SHAPE_INITIAL))
            continue;
        long p = part_lookup(v, parts, (size_t)nparts, k, t, len);
        if (p < 0)
            continue;
        eg_mention_t mn = {
            .start = t->start,
            .end = t->base_end,
            .entity = parts[p].entity,
            .alias = parts[p].entity == EG_ENTITY_FOUND ? parts[p].alias : EG_ALIAS_NONE,
            .sentence = t->sentence,
            .first_token = (uint32_t)k,
            .ntokens = 1,
            .why = EG_WHY_PARTIAL,
        };
        if (eg_mentions_push(&s->lone, &mn))
            return EG_ERR_RUNTIME;
    }
    if (s->lone.n == 0)
        return 0;
    /* the new mentions into the others, in token order */
    if (eg_docrules_reserve_merged(s, out->n + s->lone.n))
        return EG_ERR_RUNTIME;
    size_t n = 0, a = 0, b = 0;
    while (a < out->n || b < s->lone.n)
        if (b == s->lone.n ||
            (a < out->n && out->items[a].first_token <= s->lone.items[b].first_token))
            s->merged[n++] = out->items[a++];
        else
            s->merged[n++] = s->lone.items[b++];
    eg_docrules_take_merged(s, out, n);
    return 0;
}
