/* eg_discover.c — capitalised chunks and what their words say. One pass
 * over the token view per sentence; a chunk is classified by its last
 * word (organisation head or suffix), its first word (given name) or the
 * word before it (title). Found mentions are collected apart and merged
 * into the dictionary's in one pass at the end, so that the cost is
 * linear in the document. */
#include "eg_discover.h"

#include "eg_acronym.h"

#include <stdlib.h>
#include <string.h>

#define MAX_CHUNK_WORDS 8

typedef struct chunk {
    size_t first, last; /* tokens of its first and last word */
    size_t words;
    int titled;         /* a title word stood before it: 1, 0, or -1 when
                           only the word before `front` can tell (titled) */
    size_t front;       /* its first word when the titles were cut */
} chunk_t;

/* Any capitalised word may stand in a name: months and demonyms too
 * ("American Scientific Affiliation", "Sheffield Wednesday"); a person's
 * name is cut to the words that are not on the non-names list. */
static inline int name_word(const eg_tokview_t *v, size_t k)
{
    return eg_tokview_cap(v, k);
}

/* The chunk that starts at word k (a name word) and runs to at most
 * `end`; returns the token after it. */
static size_t grow_chunk(const eg_tokview_t *v, size_t k, size_t end, chunk_t *c)
{
    *c = (chunk_t){k, k, 1, 0, k};
    size_t j = k + 1;
    if (eg_tokview_possessive(v, k))
        return j;
    while (j < end && c->words < MAX_CHUNK_WORDS) {
        size_t last = c->last;
        if (name_word(v, j)) {
            c->last = j, c->words++, j++;
            if (eg_tokview_possessive(v, c->last))
                break;
            continue;
        }
        /* "F." of an initial, "Mr." of a title, then a name word */
        if (j == last + 1 && eg_tokview_is_char(v, j, '.') && eg_tokview_glued(v, j) && j + 1 < end &&
            name_word(v, j + 1) &&
            (eg_tokview_has(v, last, EG_SHAPE_INITIAL) || eg_tokview_in(v, last, EG_LIST_TITLES))) {
            j++;
            continue;
        }
        /* "de Gaulle", "van Beethoven" */
        if (!eg_tokview_cap(v, j) && j + 1 < end && name_word(v, j + 1) &&
            eg_tokview_in(v, j, EG_LIST_PARTICLES)) {
            j++;
            continue;
        }
        /* "Jean-Pierre" */
        if (eg_tokview_is_char(v, j, '-') && eg_tokview_glued(v, j) && j + 1 < end && name_word(v, j + 1) &&
            eg_tokview_glued(v, j + 1)) {
            j++;
            continue;
        }
        break;
    }
    return c->last + 1;
}

/* Cut the chunk's front up to its last title word before its last word
 * ("On Monday President Zyxwer Plonk", "Prime Minister Theresa May"), and
 * note that a title stood before what is left. Whether a lower-case
 * title stands before the chunk is left to titled: only a name that no
 * other rule takes asks, and the word before is most often on no list
 * another rule reads. */
static void cut_titles(const eg_tokview_t *v, chunk_t *c)
{
    size_t cut = SIZE_MAX;
    for (size_t k = c->first; k < c->last; k = eg_tokview_next_word(v, k, c->last + 1))
        if (eg_tokview_in(v, k, EG_LIST_TITLES))
            cut = k;
    if (cut != SIZE_MAX && cut < c->last) {
        size_t k = eg_tokview_next_word(v, cut, c->last + 1);
        for (size_t i = c->first; i < k; i = eg_tokview_next_word(v, i, c->last + 1))
            c->words--;
        c->first = k;
        c->titled = 1;
    } else {
        c->titled = -1;
    }
    c->front = c->first;
}

/* Did a title stand before the chunk as cut_titles left it: a title
 * word inside, or a lower-case one before ("spokesman Dmitry Peskov")? */
static int titled(const eg_tokview_t *v, size_t sent_first, const chunk_t *c)
{
    return c->titled >= 0 ? c->titled : eg_tokview_title_before(v, c->front, sent_first);
}

static inline void cut_sentence_start(const eg_tokview_t *v, chunk_t *c)
{
    size_t k = c->first;
    if (c->words > 1 && eg_tokview_has(v, k, EG_SHAPE_SENT_START) &&
        eg_tokview_in(v, k, EG_LIST_WORDS) && !eg_tokview_in(v, k, EG_LIST_GIVEN)) {
        c->first = eg_tokview_next_word(v, k, c->last + 1);
        c->words--;
    }
}

/* A connector then a chunk of name words after token `last`: the end of
 * that chunk (its last word), or 0. Connectors: "of" and "for" (each
 * maybe with "the"), "and" and "&" when `and` is set. */
static size_t joined_chunk(const eg_tokview_t *v, size_t last, size_t end, int and)
{
    size_t j = last + 1;
    if (j >= end)
        return 0;
    if (eg_tokview_word_is(v, j, "of") || eg_tokview_word_is(v, j, "for")) {
        j++;
        if (j < end && eg_tokview_word_is(v, j, "the"))
            j++;
    } else if (and && (eg_tokview_word_is(v, j, "and") || eg_tokview_is_char(v, j, '&'))) {
        j++;
    } else {
        return 0;
    }
    if (j >= end || !name_word(v, j))
        return 0;
    chunk_t c;
    grow_chunk(v, j, end, &c);
    return c.last;
}

/* After an organisation head: "of"/"for" (+ "the") and a chunk, then
 * more of the same or "and"/"&" and a chunk ("Department of Physics and
 * Astronomy", "Church of Our Lady of Compassion"). The end of the last
 * one, or 0 when none follows. */
static size_t head_extension(const eg_tokview_t *v, size_t last, size_t end)
{
    size_t ext = joined_chunk(v, last, end, 0);
    for (int more = 0; ext && more < 3; more++) {
        size_t next = joined_chunk(v, ext, end, 1);
        if (!next)
            break;
        ext = next;
    }
    return ext;
}

/* "London and South Western Railway", "Community and Technical
 * College": the chunk goes on through "and"/"&" when what follows ends
 * in an organisation head. */
static void join_and_head(const eg_tokview_t *v, size_t end, chunk_t *c)
{
    size_t j = c->last + 1;
    if (j + 1 >= end || !(eg_tokview_word_is(v, j, "and") || eg_tokview_is_char(v, j, '&')) || !name_word(v, j + 1))
        return;
    chunk_t next;
    grow_chunk(v, j + 1, end, &next);
    if (!eg_tokview_in(v, next.last, EG_LIST_ORG_HEADS))
        return;
    c->last = next.last;
    c->words += next.words;
}

/* A person's name neither starts nor ends with a month, a weekday or a
 * demonym ("Russian President Vladimir Putin Monday"). */
static void trim_non_names(const eg_tokview_t *v, chunk_t *c)
{
    while (c->words > 0 && eg_tokview_in(v, c->first, EG_LIST_NON_NAMES)) {
        c->first = eg_tokview_next_word(v, c->first, c->last + 1);
        c->words--;
    }
    while (c->words > 0 && eg_tokview_in(v, c->last, EG_LIST_NON_NAMES)) {
        size_t p = eg_tokview_prev_word(v, c->last, c->first);
        c->words--;
        if (p == SIZE_MAX)
            break;
        c->last = p;
    }
}

/* "Delwyn J. Langejans": a word, an initial, a word, even when the
 * first is on no list of given names. */
static int middle_initial(const eg_tokview_t *v, const chunk_t *c)
{
    if (c->words < 3 || eg_tokview_has(v, c->first, EG_SHAPE_INITIAL | EG_SHAPE_ALLCAPS) ||
        eg_tokview_in(v, c->first, EG_LIST_WORDS))
        return 0;
    for (size_t k = eg_tokview_next_word(v, c->first, c->last + 1); k < c->last;
         k = eg_tokview_next_word(v, k, c->last + 1))
        if (eg_tokview_has(v, k, EG_SHAPE_INITIAL))
            return 1;
    return 0;
}

/* Classify one chunk; returns the token to go on from, or SIZE_MAX on
 * out of memory. */
static size_t classify(const eg_tokview_t *v, unsigned rules, size_t sent_first, size_t end,
                       chunk_t c, eg_found_t *found, eg_docrules_scratch_t *s)
{
    if (rules & EG_DISCOVER_ORG)
        join_and_head(v, end, &c);
    size_t after = c.last + 1;
    int rc = 0;
    if (rules & EG_DISCOVER_ORG) {
        /* title words stay in an organisation's name ("Washington
         * Metropolitan Area Transit Authority", "General Services
         * Administration"), but a title and a head alone are a role or a
         * common phrase ("the General Government") */
        chunk_t whole = c;
        int role = c.words == 2 && eg_tokview_in(v, c.first, EG_LIST_TITLES);
        cut_sentence_start(v, &c);
        int head = eg_tokview_in(v, c.last, EG_LIST_ORG_HEADS);
        int suffix = eg_tokview_in(v, c.last, EG_LIST_ORG_SUFFIXES);
        size_t ext = head ? head_extension(v, c.last, end) : 0;
        if (ext) {
            rc = eg_docrules_add_found(v, c.first, ext, EG_TYPE_ORGANISATION, EG_WHY_ORG_HEAD, found, s);
            return rc ? SIZE_MAX : ext + 1;
        }
        /* a capitalised function word in front ('wrote: "The Court held')
         * stays in the name but is no word of it: "The Court" is nothing,
         * "The Aerospace Corporation" an organisation */
        size_t words = c.words - (eg_tokview_in(v, c.first, EG_LIST_WORDS) &&
                                  eg_tokview_in(v, c.first, EG_LIST_NON_NAMES));
        if ((head || suffix) && words >= 2 && !role) {
            rc = eg_docrules_add_found(v, c.first, c.last, EG_TYPE_ORGANISATION,
                           head ? EG_WHY_ORG_HEAD : EG_WHY_ORG_SUFFIX, found, s);
            return rc ? SIZE_MAX : after;
        }
        c = whole;
    }
    cut_titles(v, &c);
    cut_sentence_start(v, &c);
    if ((rules & EG_DISCOVER_PLACE) && c.words >= 2 &&
        (eg_tokview_in(v, c.last, EG_LIST_PLACE_HEADS) ||
         (c.words <= 3 && eg_tokview_in(v, c.first, EG_LIST_PLACE_HEADS)))) {
        rc = eg_docrules_add_found(v, c.first, c.last, EG_TYPE_PLACE, EG_WHY_PLACE_HEAD, found, s);
        return rc ? SIZE_MAX : after;
    }
    trim_non_names(v, &c);
    if (c.words < 2 || eg_tokview_in(v, c.last, EG_LIST_GENERICS) ||
        eg_tokview_in(v, c.last, EG_LIST_ORG_HEADS) || eg_tokview_in(v, c.last, EG_LIST_MISC_HEADS))
        return after; /* "Iran Hostage Crisis" names no person */
    if ((rules & EG_DISCOVER_GIVEN) &&
        (eg_tokview_in(v, c.first, EG_LIST_GIVEN) || middle_initial(v, &c)))
        rc = eg_docrules_add_found(v, c.first, c.last, EG_TYPE_PERSON, EG_WHY_GIVEN_NAME, found, s);
    /* after a title, words ending in a title are a role ("Mr. Vice
     * President", "Mr. Majority Leader"); a given name first makes a
     * surname of it ("Alexander Pope", "Stephen King") */
    else if ((rules & EG_DISCOVER_TITLE) && titled(v, sent_first, &c) &&
             !eg_tokview_in(v, c.last, EG_LIST_TITLES))
        rc = eg_docrules_add_found(v, c.first, c.last, EG_TYPE_PERSON, EG_WHY_TITLE, found, s);
    return rc ? SIZE_MAX : after;
}

/* Can a one-word chunk still become a name: an organisation head with
 * "of"/"for" after it, or a word before "and"/"&"? */
static int may_grow(const eg_tokview_t *v, const chunk_t *c, size_t end)
{
    size_t j = c->last + 1;
    if (j >= end)
        return 0;
    if (eg_tokview_word_is(v, j, "and") || eg_tokview_is_char(v, j, '&'))
        return 1;
    return (eg_tokview_word_is(v, j, "of") || eg_tokview_word_is(v, j, "for")) &&
           eg_tokview_in(v, c->last, EG_LIST_ORG_HEADS);
}

static int all_caps_run(const eg_tokview_t *v, const chunk_t *c)
{
    if (c->words < 3)
        return 0;
    for (size_t k = c->first; k <= c->last; k++)
        if (v->seg->tokens[k].kind == EG_TOK_WORD && !eg_tokview_has(v, k, EG_SHAPE_ALLCAPS))
            return 0;
    return 1;
}

/* Most capitalised words stand alone: told here from the next token
 * alone, without growing a chunk. 1 when nothing after word k can join
 * it (grow_chunk) or let it grow (may_grow); 0 when unsure. */
static inline int stands_alone(const eg_tokview_t *v, size_t k, size_t end)
{
    size_t j = k + 1;
    if (j >= end)
        return 1;
    const eg_token_t *t = &v->seg->tokens[j];
    if (t->flags & EG_TOKF_CAP)
        return 0;
    int cap_after = j + 1 < end && (v->seg->tokens[j + 1].flags & EG_TOKF_CAP);
    if (t->kind == EG_TOK_WORD) /* "and", "of", "for"; a particle before a name word */
        return !eg_tokview_word_is(v, j, "and") && !eg_tokview_word_is(v, j, "of") &&
               !eg_tokview_word_is(v, j, "for") &&
               !(cap_after && eg_tokview_in(v, j, EG_LIST_PARTICLES));
    if (t->end - t->start != 1)
        return 1;
    char c = v->text[t->start]; /* "F. Kennedy", "Jean-Pierre", "Marks & Spencer" */
    return c == '&' ? 0 : !(cap_after && (c == '.' || c == '-'));
}

static int find_chunks(const eg_tokview_t *v, unsigned rules, eg_found_t *found,
                       eg_docrules_scratch_t *s)
{
    const eg_segments_t *seg = v->seg;
    size_t done = 0; /* tokens before this are taken */
    for (size_t i = 0; i < v->ncaps; i++) {
        size_t k = v->caps[i];
        if (k < done)
            continue;
        /* most capitalised words stand alone: told first, as a word a
         * stop-list form holds (skipped next) would be */
        const eg_sentence_t *sn = &seg->sentences[seg->tokens[k].sentence];
        if (stands_alone(v, k, sn->end_token)) {
            done = k + 1;
            continue;
        }
        /* k is capitalised: a name word unless a stop-list form holds it */
        if (eg_tokview_has(v, k, EG_SHAPE_BLOCKED | EG_SHAPE_HEADLINE))
            continue;
        {
            chunk_t c;
            size_t next = grow_chunk(v, k, sn->end_token, &c);
            done = next;
            if (c.words == 1 && !may_grow(v, &c, sn->end_token))
                continue; /* most capitalised words stand alone */
            if (all_caps_run(v, &c))
                continue;
            size_t go = classify(v, rules, sn->first_token, sn->end_token, c, found, s);
            if (go == SIZE_MAX)
                return EG_ERR_RUNTIME;
            done = go > k ? go : k + 1;
        }
    }
    return 0;
}

/* ---- merging found mentions with the dictionary's ---- */

/* Is the word before one-word organisation x, inside found name f, one
 * that makes x the head of a name of its own: a place mention ending
 * there (prev: the mention before x, or NULL), a demonym or a word no
 * list knows ("Ohio Senate", "Puerto Rico Senate", "Prussian Army"), not
 * a common word ("the General Government", "Under the Constitution
 * Congress")? */
static int names_a_head(const eg_tokview_t *v, const eg_found_t *found, const eg_mention_t *f,
                        const eg_mention_t *x, const eg_mention_t *prev)
{
    if (x->ntokens != 1 || x->end != f->end || x->first_token == 0)
        return 0;
    size_t k = x->first_token - 1;
    if (prev && prev->first_token + prev->ntokens == x->first_token && prev->start >= f->start &&
        eg_mention_class(v, found, prev) == EG_TC_PLACE)
        return 1;
    if (eg_tokview_in(v, k, EG_LIST_NON_NAMES) && !eg_tokview_in(v, k, EG_LIST_WORDS))
        return 1; /* "Iraqi Parliament" */
    /* a capitalised word no list knows, unless a sentence start
     * capitalised it ("Proroguing Parliament is the legal way") */
    return eg_tokview_cap(v, k) && !eg_tokview_in(v, k, EG_LIST_WORDS) &&
           !eg_tokview_has(v, k, EG_SHAPE_SENT_START);
}

static int swallows(const eg_tokview_t *v, const eg_found_t *found, const eg_mention_t *f,
                    const eg_mention_t *x, const eg_mention_t *prev)
{
    if (x->start < f->start || x->end > f->end)
        return 0; /* crosses */
    if (x->start == f->start && x->end == f->end)
        return 0; /* the dictionary wins an equal span */
    unsigned char cls = eg_mention_class(v, found, x);
    if (cls == EG_TC_PERSON)
        return 0;
    if (f->why == EG_WHY_ACRONYM) /* the mention's rule: another may have found the name too */
        return 1; /* the text spells this name out: "London and South Western Railway (LSWR)" */
    if (found->items[f->alias].tclass == EG_TC_ORGANISATION)
        /* a one-word organisation that ends the name may be its head */
        return cls != EG_TC_ORGANISATION || names_a_head(v, found, f, x, prev);
    /* a person's name takes in a one-word place ("Jack London"), never a
     * longer name ("Nova Scotia House": Nova is a given name too) */
    return x->ntokens == 1;
}

/* Is dictionary mention x of a country, a region or a continent? */
static int large_place(const eg_dict_t *d, long kind_attr, const eg_mention_t *x)
{
    const char *kind = kind_attr >= 0 && x->entity < d->nentities
                           ? eg_entity_attr(&d->entities[x->entity], (size_t)kind_attr)
                           : NULL;
    return kind && (strstr(kind, "country") || strstr(kind, "region") || strstr(kind, "continent"));
}

/* "India Pranab Mukherjee dies", "then-governor of Alaska Sarah Palin": a
 * found person's name that opens with a country or region, then a given
 * name and at least one more word, is the person after the place, the
 * place a modifier ("India" is a given name too). f is cut to the rest,
 * with the found entity of that label. Returns 0, or -1 when memory runs
 * out. */
static int cut_leading_place(const eg_dict_t *d, long kind_attr, const eg_tokview_t *v,
                             eg_found_t *found, eg_docrules_scratch_t *s, eg_mention_t *f,
                             const eg_mention_t *x)
{
    if (found->items[f->alias].tclass != EG_TC_PERSON || x->entity == EG_ENTITY_FOUND ||
        x->start != f->start || x->ntokens + 2 > f->ntokens ||
        eg_tokview_entity_class(v, x->entity) != EG_TC_PLACE || !large_place(d, kind_attr, x))
        return 0;
    size_t first = x->first_token + x->ntokens, last = f->first_token + f->ntokens - 1;
    if (!eg_tokview_cap(v, first) || !eg_tokview_in(v, first, EG_LIST_GIVEN))
        return 0; /* no name starts again: "Leon van Biljon", "Florida Highway Patrol" */
    long idx = eg_docrules_found_entity(v, first, last, EG_TYPE_PERSON, f->why, found, s);
    if (idx == -1)
        return -1;
    if (idx < 0)
        return 0;
    f->alias = (uint32_t)idx;
    f->start = v->seg->tokens[first].start;
    f->first_token = (uint32_t)first;
    f->ntokens = (uint32_t)(last - first + 1);
    return 0;
}

static int merge_found(const eg_dict_t *d, long kind_attr, const eg_tokview_t *v,
                       eg_found_t *found, eg_docrules_scratch_t *s, eg_mentions_t *out)
{
    if (s->extra.n == 0)
        return 0;
    /* keep a found mention only when every mention it overlaps is one it
     * swallows; one pass: j finds what f overlaps, a what goes before it */
    if (eg_docrules_reserve_merged(s, out->n + s->extra.n + 1))
        return EG_ERR_RUNTIME;
    eg_mention_t *m = s->merged;
    size_t n = 0, a = 0, j = 0;
    for (size_t i = 0; i < s->extra.n; i++) {
        eg_mention_t *f = &s->extra.items[i];
        while (j < out->n && out->items[j].end <= f->start)
            j++;
        if (j < out->n && cut_leading_place(d, kind_attr, v, found, s, f, &out->items[j]))
            return EG_ERR_RUNTIME;
        while (j < out->n && out->items[j].end <= f->start)
            j++;
        int ok = 1;
        size_t covered = 0, x = j; /* tokens of f that dictionary mentions hold */
        for (; x < out->n && out->items[x].start < f->end && ok; x++) {
            ok = swallows(v, found, f, &out->items[x], x > 0 ? &out->items[x - 1] : NULL);
            covered += out->items[x].ntokens;
        }
        /* "Melbourne Australia's capital": a person made only of places, one
         * of them a country or region, is those places ("Alma Gilbert",
         * two towns, stays a person); the kinds are read only then */
        if (ok && found->items[f->alias].tclass == EG_TC_PERSON && covered >= f->ntokens)
            for (size_t y = j; y < x && ok; y++)
                ok = !large_place(d, kind_attr, &out->items[y]);
        if (!ok)
            continue;
        /* kept: the mentions that start before f, copied as one run, then
         * f in place of those it swallows */
        for (;;) {
            size_t run = a;
            while (run < out->n && out->items[run].start < f->start)
                run++;
            if (run > a) {
                memcpy(m + n, out->items + a, (run - a) * sizeof *m);
                n += run - a;
                a = run;
            }
            if (a < out->n && out->items[a].end <= f->end) {
                a++; /* swallowed */
                continue;
            }
            break;
        }
        m[n++] = *f;
    }
    if (out->n > a) {
        memcpy(m + n, out->items + a, (out->n - a) * sizeof *m);
        n += out->n - a;
    }
    eg_docrules_take_merged(s, out, n);
    return 0;
}

/* "Lewisburg, Pennsylvania": one to three capitalised words, then a
 * comma, then a place mention (not a possessive), with nothing tagged
 * before: the words name a place in that place. Not when they open a
 * sentence with a common word, start with a given name or hold a title
 * ("Smith, Florida's governor" is the rare miss this keeps out). */
static int places_before_places(const eg_dict_t *d, const eg_tokview_t *v, eg_found_t *found,
                                eg_docrules_scratch_t *s, const eg_mentions_t *ms)
{
    s->extra.n = 0;
    size_t prev_end = 0;
    for (size_t i = 0; i < ms->n; prev_end = ms->items[i].first_token + ms->items[i].ntokens, i++) {
        const eg_mention_t *mn = &ms->items[i];
        size_t comma = mn->first_token - 1, b = comma - 1;
        /* the comma first: the entity's class is a read far away */
        if (mn->first_token < 2 || !eg_tokview_is_char(v, comma, ',') ||
            mn->entity == EG_ENTITY_FOUND || b < prev_end || !name_word(v, b) ||
            eg_mention_class(v, found, mn) != EG_TC_PLACE ||
            eg_tokview_possessive(v, mn->first_token + mn->ntokens - 1))
            continue;
        size_t first = v->seg->sentences[mn->sentence].first_token;
        size_t a = b, words = 1;
        while (a > first && a - 1 >= prev_end && name_word(v, a - 1) && words < 3)
            a--, words++;
        if (a > first && a - 1 >= prev_end &&
            (name_word(v, a - 1) || eg_long_name_joint(v, a - 1)))
            continue; /* a piece of a longer name ("Coalition for Men, U.S.") */
        size_t after = mn->first_token + mn->ntokens;
        if (after < v->seg->sentences[mn->sentence].end_token &&
            v->seg->tokens[after].kind == EG_TOK_WORD)
            continue; /* "Adrian Wojnarowski, US sport columnist": an apposition */
        if ((eg_tokview_has(v, a, EG_SHAPE_SENT_START) && eg_tokview_in(v, a, EG_LIST_WORDS)) ||
            eg_tokview_in(v, a, EG_LIST_GIVEN) || eg_tokview_has(v, a, EG_SHAPE_HEADLINE))
            continue;
        int bad = 0;
        for (size_t k = a; k <= b; k++)
            bad |= eg_tokview_in(v, k, EG_LIST_TITLES) || eg_tokview_in(v, k, EG_LIST_NON_NAMES) ||
                   eg_tokview_has(v, k, EG_SHAPE_ALLCAPS | EG_SHAPE_INITIAL);
        if (!bad && eg_docrules_add_found(v, a, b, EG_TYPE_PLACE, EG_WHY_PLACE_HEAD, found, s))
            return -1;
    }
    return 0;
}

int eg_discover(const eg_dict_t *d, long kind_attr, const eg_tokview_t *v, unsigned rules,
                eg_found_t *found, eg_docrules_scratch_t *s, eg_mentions_t *mentions)
{
    s->extra.n = 0;
    if (rules & (EG_DISCOVER_GIVEN | EG_DISCOVER_TITLE | EG_DISCOVER_ORG | EG_DISCOVER_PLACE))
        if (find_chunks(v, rules, found, s))
            return EG_ERR_RUNTIME;
    if ((rules & EG_DISCOVER_ACRONYM) && eg_acronym_long_names(v, found, s))
        return EG_ERR_RUNTIME;
    if (s->extra.n && merge_found(d, kind_attr, v, found, s, mentions))
        return EG_ERR_RUNTIME;
    if ((rules & EG_DISCOVER_PLACE) &&
        (places_before_places(d, v, found, s, mentions) ||
         (s->extra.n && merge_found(d, kind_attr, v, found, s, mentions))))
        return EG_ERR_RUNTIME;
    if (rules & EG_DISCOVER_ACRONYM)
        return eg_acronym_uses(v, s, mentions);
    return 0;
}
