/* eg_tagger.c — rules that need the whole document. The matcher decides
 * span by span; here a document's mentions are revisited with what the
 * rest of the document says: a surname alone after the full name, a
 * common word that only looks like a name because it opens a sentence.
 * Everything works on the scan's token ids (eg_matcher_token_id: looked
 * up on first use, most already by the scan), with arrays that grow per
 * document and are reused, so the post-pass costs little next to the
 * scan. */
#include "eg_tagger.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct part {
    int32_t tok;       /* vocabulary id of one word of a name */
    uint32_t entity;
    uint32_t after;    /* token index of the end of the first full mention */
} part_t;

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

static int is_capitalised(const eg_token_t *t)
{
    return t->kind == EG_TOK_WORD && (t->flags & EG_TOKF_HAS_UPPER) &&
           !(t->flags & EG_TOKF_FIRST_LOWER);
}

/* Only opening punctuation between the sentence start and token k? */
static int at_sentence_start(const eg_segments_t *seg, size_t k)
{
    size_t first = seg->sentences[seg->tokens[k].sentence].first_token;
    while (k > first) {
        k--;
        if (seg->tokens[k].kind != EG_TOK_PUNCT)
            return 0;
    }
    return 1;
}

static int is_person(const char *type)
{
    return strcasecmp(type, "person") == 0 || strcasecmp(type, "per") == 0;
}

/* The id of token k, or of its base when only that is a vocabulary word. */
static int32_t token_id(const eg_matcher_t *m, eg_match_scratch_t *s, const char *text,
                        const eg_segments_t *seg, size_t k)
{
    int32_t id = eg_matcher_token_id(m, s, text, seg, k);
    return id >= 0 ? id : eg_matcher_base_id(m, s, text, seg, k);
}

static int compare_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* ---- INITIAL and EMBEDDED: drop mentions ---- */

static int initial_common(const eg_matcher_t *m, const char *text, const eg_segments_t *seg,
                          eg_match_scratch_t *s, const eg_mention_t *mn)
{
    if (mn->ntokens != 1 || !at_sentence_start(seg, mn->first_token))
        return 0;
    const eg_token_t *t = &seg->tokens[mn->first_token];
    if (!(t->flags & EG_TOKF_HAS_LOWER)) /* ECHR, US: written as a name */
        return 0;
    return eg_matcher_is_common_word(m, token_id(m, s, text, seg, mn->first_token));
}

static int neighbour_is_name_piece(const eg_segments_t *seg, size_t k, size_t lo,
                                   size_t hi)
{
    if (k < lo || k >= hi)
        return 0;
    return is_capitalised(&seg->tokens[k]) && !at_sentence_start(seg, k);
}

static int drop_rules(const eg_matcher_t *m, const char *text, const eg_segments_t *seg,
                      eg_match_scratch_t *s, eg_mentions_t *out, unsigned rules)
{
    /* Entities seen away from a sentence start rescue initial ones. */
    uint32_t *seen = NULL;
    size_t nseen = 0;
    if (rules & EG_RULE_INITIAL) {
        if (grow(&s->parts, &s->parts_cap, out->n * sizeof(uint32_t) / sizeof(part_t) + 1,
                 sizeof(part_t)))
            return EG_ERR_RUNTIME;
        seen = s->parts;
        for (size_t i = 0; i < out->n; i++)
            if (!initial_common(m, text, seg, s, &out->items[i]))
                seen[nseen++] = out->items[i].entity;
        qsort(seen, nseen, sizeof *seen, compare_u32);
    }
    size_t w = 0;
    for (size_t i = 0; i < out->n; i++) {
        const eg_mention_t *mn = &out->items[i];
        int drop = 0;
        if ((rules & EG_RULE_INITIAL) && initial_common(m, text, seg, s, mn) &&
            !bsearch(&mn->entity, seen, nseen, sizeof *seen, compare_u32))
            drop = 1;
        if (!drop && (rules & EG_RULE_EMBEDDED)) {
            const eg_sentence_t *sn = &seg->sentences[mn->sentence];
            size_t before = mn->first_token - 1, after = mn->first_token + mn->ntokens;
            size_t prev_end = i > 0 ? out->items[i - 1].first_token + out->items[i - 1].ntokens
                                    : 0;
            size_t next_start = i + 1 < out->n ? out->items[i + 1].first_token : SIZE_MAX;
            if (mn->first_token > sn->first_token && before >= prev_end &&
                neighbour_is_name_piece(seg, before, sn->first_token, sn->end_token))
                drop = 1;
            if (after < next_start &&
                neighbour_is_name_piece(seg, after, sn->first_token, sn->end_token))
                drop = 1;
        }
        if (!drop)
            out->items[w++] = *mn;
    }
    out->n = w;
    return 0;
}

/* ---- PARTIAL: add mentions ---- */

static int compare_part(const void *a, const void *b)
{
    const part_t *x = a, *y = b;
    if (x->tok != y->tok)
        return x->tok < y->tok ? -1 : 1;
    if (x->entity != y->entity)
        return x->entity < y->entity ? -1 : 1;
    return x->after < y->after ? -1 : x->after > y->after;
}

/* Collect the words of multi-word person mentions; returns how many. */
static long collect_parts(const eg_matcher_t *m, const char *text, const eg_segments_t *seg,
                          eg_match_scratch_t *s, const eg_mentions_t *ms)
{
    const eg_dict_t *d = eg_matcher_dict(m);
    size_t n = 0;
    for (size_t i = 0; i < ms->n; i++) {
        const eg_mention_t *mn = &ms->items[i];
        if (mn->ntokens < 2 || mn->entity >= d->nentities ||
            !is_person(d->entities[mn->entity].type))
            continue;
        if (grow(&s->parts, &s->parts_cap, n + mn->ntokens, sizeof(part_t)))
            return -1;
        part_t *parts = s->parts;
        for (uint32_t k = mn->first_token; k < mn->first_token + mn->ntokens; k++) {
            const eg_token_t *t = &seg->tokens[k];
            int32_t id = token_id(m, s, text, seg, k);
            if (id < 0 || !is_capitalised(t) || t->end - t->start < 2 ||
                eg_matcher_is_common_word(m, id))
                continue;
            parts[n].tok = id;
            parts[n].entity = mn->entity;
            parts[n].after = mn->first_token + mn->ntokens;
            n++;
        }
    }
    if (n > 1) /* qsort's base must not be NULL, even for 0 items */
        qsort(s->parts, n, sizeof(part_t), compare_part);
    return (long)n;
}

/* The entity a lone word refers to, or -1 (unknown or ambiguous). */
static long part_entity(const part_t *parts, size_t n, int32_t tok, size_t k)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (parts[mid].tok < tok)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == n || parts[lo].tok != tok)
        return -1;
    uint32_t e = parts[lo].entity;
    uint32_t after = parts[lo].after; /* the smallest for e: sorted */
    for (size_t j = lo + 1; j < n && parts[j].tok == tok; j++)
        if (parts[j].entity != e)
            return -1;
    return k >= after ? (long)e : -1;
}

static int add_partial(const eg_matcher_t *m, const char *text, const eg_segments_t *seg,
                       eg_match_scratch_t *s, eg_mentions_t *out)
{
    long nparts = collect_parts(m, text, seg, s, out);
    if (nparts < 0)
        return EG_ERR_RUNTIME;
    if (nparts == 0)
        return 0;
    const part_t *parts = s->parts;
    size_t n = 0, mi = 0;
    for (size_t k = 0; k < seg->ntokens; k++) {
        if (mi < out->n && out->items[mi].first_token == k) {
            if (grow((void **)&s->merged, &s->merged_cap, n + 1, sizeof(eg_mention_t)))
                return EG_ERR_RUNTIME;
            s->merged[n++] = out->items[mi];
            k += out->items[mi].ntokens - 1;
            mi++;
            continue;
        }
        const eg_token_t *t = &seg->tokens[k];
        if (!is_capitalised(t))
            continue;
        int32_t id = eg_matcher_token_id(m, s, text, seg, k);
        int32_t base_id = eg_matcher_base_id(m, s, text, seg, k);
        int base = 0;
        long e = id >= 0 ? part_entity(parts, (size_t)nparts, id, k) : -1;
        if (e < 0 && base_id >= 0) {
            e = part_entity(parts, (size_t)nparts, base_id, k);
            base = 1;
        }
        if (e < 0)
            continue;
        if (grow((void **)&s->merged, &s->merged_cap, n + 1, sizeof(eg_mention_t)))
            return EG_ERR_RUNTIME;
        eg_mention_t mn = {
            .start = t->start,
            .end = base ? t->base_end : t->end,
            .entity = (uint32_t)e,
            .alias = EG_ALIAS_NONE,
            .sentence = t->sentence,
            .first_token = (uint32_t)k,
            .ntokens = 1,
        };
        s->merged[n++] = mn;
    }
    if (grow((void **)&out->items, &out->cap, n, sizeof(eg_mention_t)))
        return EG_ERR_RUNTIME;
    memcpy(out->items, s->merged, n * sizeof(eg_mention_t));
    out->n = n;
    return 0;
}

int eg_tagger_resolve(const eg_matcher_t *m, const char *text,
                      const eg_segments_t *seg, eg_match_scratch_t *s,
                      eg_mentions_t *mentions, unsigned rules)
{
    if (mentions->n == 0 || !s->ids)
        return 0;
    int rc = 0;
    if (rules & (EG_RULE_INITIAL | EG_RULE_EMBEDDED))
        rc = drop_rules(m, text, seg, s, mentions, rules);
    if (rc == 0 && (rules & EG_RULE_PARTIAL))
        rc = add_partial(m, text, seg, s, mentions);
    if (rc == 0 && s->oom) /* a lookup above ran out of memory */
        rc = EG_ERR_RUNTIME;
    return rc;
}

/* ---- rule names ---- */

static const struct { const char *name; unsigned bit; } RULES[] = {
    {"partial", EG_RULE_PARTIAL},
    {"initial", EG_RULE_INITIAL},
    {"embedded", EG_RULE_EMBEDDED},
    {"patterns", EG_RULE_PATTERNS},
};

const char *eg_rules_names(void)
{
    return "partial, initial, embedded, patterns (or all, default, none)";
}

int eg_rules_parse(const char *list, unsigned *rules)
{
    unsigned r = 0;
    const char *p = list;
    while (*p) {
        size_t n = strcspn(p, ",");
        int found = 0;
        if (n == 3 && strncmp(p, "all", 3) == 0)
            r |= EG_RULES_ALL, found = 1;
        else if (n == 7 && strncmp(p, "default", 7) == 0)
            r |= EG_RULES_DEFAULT, found = 1;
        else if (n == 4 && strncmp(p, "none", 4) == 0)
            found = 1;
        for (size_t i = 0; !found && i < sizeof RULES / sizeof *RULES; i++)
            if (strlen(RULES[i].name) == n && strncmp(p, RULES[i].name, n) == 0)
                r |= RULES[i].bit, found = 1;
        if (!found)
            return -1;
        p += n;
        if (*p == ',')
            p++;
    }
    *rules = r;
    return 0;
}
