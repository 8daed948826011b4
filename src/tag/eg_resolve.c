/* eg_resolve.c — one pass over a document's dictionary mentions, after a
 * pass that gathers the document's evidence (the countries its
 * unambiguous places point to). A mention is ambiguous when the matcher
 * has other aliases of other entities for its span; most are not, and
 * cost one call to eg_matcher_alternatives. */
#include "eg_resolve.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_ALTERNATIVES 32
#define MAX_COUNTRIES 64
#define MAX_SENSES 64

/* Is column `column` the attribute `name`, with or without a type
 * suffix ("population:long")? */
static int column_is(const char *column, const char *name)
{
    size_t n = strlen(name);
    return strncasecmp(column, name, n) == 0 && (column[n] == '\0' || column[n] == ':');
}

void eg_resolve_attrs_init(eg_resolve_attrs_t *a, const eg_dict_t *d)
{
    a->country = a->kind = a->population = -1;
    for (size_t k = 0; k < d->nattrs; k++) {
        if (column_is(d->attr_names[k], "country"))
            a->country = (long)k;
        else if (column_is(d->attr_names[k], "kind"))
            a->kind = (long)k;
        else if (column_is(d->attr_names[k], "population"))
            a->population = (long)k;
    }
}

static const char *attr(const eg_dict_t *d, long k, uint32_t e)
{
    return k < 0 ? NULL : eg_entity_attr(&d->entities[e], (size_t)k);
}


static int kind_rank(const char *kind)
{
    if (strstr(kind, "country"))
        return 4;
    if (strcasecmp(kind, "continent") == 0)
        return 5;
    if (strstr(kind, "region") || strstr(kind, "state") || strstr(kind, "province"))
        return 3;
    if (strcasecmp(kind, "city") == 0 || strcasecmp(kind, "capital") == 0)
        return 2;
    return 1;
}

static double population(const eg_dict_t *d, const eg_resolve_attrs_t *a, uint32_t e)
{
    const char *p = attr(d, a->population, e);
    return p ? strtod(p, NULL) : 0;
}

int eg_resolve_more_important(const eg_dict_t *d, const eg_resolve_attrs_t *a, uint32_t x,
                              uint32_t y)
{
    const eg_entity_t *ex = &d->entities[x], *ey = &d->entities[y];
    if (ex->priority != ey->priority)
        return ex->priority > ey->priority;
    /* kinds only rank rows that both say theirs (a hand-written row
     * without one is not less than a generated region) */
    const char *kxs = attr(d, a->kind, x), *kys = attr(d, a->kind, y);
    if (kxs && kys && kind_rank(kxs) != kind_rank(kys))
        return kind_rank(kxs) > kind_rank(kys);
    if (!attr(d, a->population, x) || !attr(d, a->population, y))
        return 0;
    return population(d, a, x) > population(d, a, y);
}

/* Context decides between readings of comparable size: a place with a
 * known population under a tenth of the largest reading's is not raised
 * over it by its country's mentions (Paris, Texas in a text about the
 * United States is still Paris, France; Georgia the state and Georgia the
 * country are within the ratio). A reading without a population stays a
 * candidate. */
#define CONTEXT_SIZE_RATIO 10.0

/* ---- the document's countries ---- */

typedef struct countries {
    const char *code[MAX_COUNTRIES];
    unsigned count[MAX_COUNTRIES];
    size_t n;
} countries_t;

static void count_country(countries_t *c, const char *code, unsigned weight)
{
    if (!code || !*code)
        return;
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->code[i], code) == 0) {
            c->count[i] += weight;
            return;
        }
    if (c->n < MAX_COUNTRIES) {
        c->code[c->n] = code;
        c->count[c->n++] = weight;
    }
}

static unsigned country_count(const countries_t *c, const char *code)
{
    for (size_t i = 0; code && i < c->n; i++)
        if (strcmp(c->code[i], code) == 0)
            return c->count[i];
    return 0;
}

/* The distinct entities of a mention's alternatives, in matcher order. */
static size_t alternatives(const eg_matcher_t *m, const eg_tokview_t *v, const eg_mention_t *mn,
                           uint32_t *ents)
{
    uint32_t alias[MAX_ALTERNATIVES];
    const eg_dict_t *d = eg_matcher_dict(m);
    if (!eg_matcher_shared(m, mn->alias)) { /* most forms name one entity */
        ents[0] = mn->entity;
        return 1;
    }
    size_t na = eg_matcher_alternatives(m, v->text, v->seg, mn, alias, MAX_ALTERNATIVES);
    size_t n = 0;
    for (size_t i = 0; i < na; i++) {
        uint32_t e = d->aliases[alias[i]].entity;
        size_t j = 0;
        while (j < n && ents[j] != e)
            j++;
        if (j == n)
            ents[n++] = e;
    }
    return n;
}

static void gather_countries(const eg_matcher_t *m, const eg_resolve_attrs_t *a,
                             const eg_tokview_t *v, const eg_mentions_t *ms, countries_t *c)
{
    const eg_dict_t *d = eg_matcher_dict(m);
    uint32_t ents[MAX_ALTERNATIVES];
    for (size_t i = 0; i < ms->n; i++) {
        const eg_mention_t *mn = &ms->items[i];
        if (mn->entity == EG_ENTITY_FOUND || mn->alias == EG_ALIAS_NONE ||
            eg_tokview_entity_class(v, mn->entity) != EG_TC_PLACE)
            continue;
        /* a form all of whose places lie in one country points there
         * (Tbilisi the city or the region: Georgia either way) */
        size_t n = alternatives(m, v, mn, ents);
        const char *code = attr(d, a->country, mn->entity);
        for (size_t j = 0; j < n && code; j++)
            if (d->entities[ents[j]].tclass == EG_TC_PLACE) {
                const char *other = attr(d, a->country, ents[j]);
                if (!other || strcmp(other, code) != 0)
                    code = NULL;
            }
        /* a city or region says more than a country's own name: in
         * "Benin and Nigeria join ... Niamey, Niger's capital" Niamey
         * decides Niger, however often Nigeria is named */
        const char *kind = attr(d, a->kind, mn->entity);
        count_country(c, code, kind && kind_rank(kind) >= 4 ? 1 : 1u << 16);
    }
}

/* ---- one mention ---- */

/* A locative preposition right before token k ("in", "at", "near",
 * "from", "outside"): what follows is a place rather than a person. */
static int place_word_before(const eg_tokview_t *v, size_t k, size_t sent_first)
{
    static const char *const WORDS[] = {"in", "at", "near", "from", "outside", "across",
                                        "around", "inside", "to", "towards"};
    if (k <= sent_first)
        return 0;
    for (size_t i = 0; i < sizeof WORDS / sizeof *WORDS; i++)
        if (eg_tokview_word_is(v, k - 1, WORDS[i]))
            return 1;
    return 0;
}

/* A capitalised word at token k that a one-word place at its side is a
 * piece of (rule longer). A word in capitals says nothing: in text set
 * in capitals every word is. */
static int longer_piece(const eg_tokview_t *v, size_t k, size_t lo, size_t hi)
{
    return k >= lo && k < hi && eg_tokview_cap(v, k) &&
           !eg_tokview_has(v, k, EG_SHAPE_SENT_START | EG_SHAPE_HEADLINE) &&
           !eg_tokview_in(v, k, EG_LIST_TITLES) && !eg_tokview_in(v, k, EG_LIST_GENERICS) &&
           !eg_tokview_in(v, k, EG_LIST_NON_NAMES) &&
           !eg_tokview_has(v, k, EG_SHAPE_INITIAL | EG_SHAPE_ALLCAPS);
}

/* "Holland, Michigan", "Athens, Georgia", "Paris, Texas": a region or
 * country right after mention i and a comma says which country the
 * mention's place is in, whatever the sizes; the most important reading
 * in one of the countries it may be. A city after the comma is more
 * likely the next of a list ("Lyon, Marseille and Paris"). Returns that
 * entity, or -1. */
static long place_in_place(const eg_matcher_t *m, const eg_resolve_attrs_t *a,
                           const eg_tokview_t *v, const eg_mentions_t *ms, size_t i,
                           const uint32_t *ents, size_t n)
{
    const eg_dict_t *d = eg_matcher_dict(m);
    const eg_mention_t *mn = &ms->items[i], *next = i + 1 < ms->n ? &ms->items[i + 1] : NULL;
    size_t comma = mn->first_token + mn->ntokens;
    if (!next || next->first_token != comma + 1 || next->entity == EG_ENTITY_FOUND ||
        next->alias == EG_ALIAS_NONE || !eg_tokview_is_char(v, comma, ',') ||
        eg_tokview_possessive(v, next->first_token + next->ntokens - 1))
        return -1; /* "Smith, Florida's governor" */
    uint32_t outer[MAX_ALTERNATIVES];
    size_t nouter = alternatives(m, v, next, outer);
    long best = -1;
    for (size_t j = 0; j < n; j++) {
        const char *code = attr(d, a->country, ents[j]);
        if (!code || eg_tokview_entity_class(v, ents[j]) != EG_TC_PLACE)
            continue;
        int inside = 0;
        for (size_t o = 0; o < nouter && !inside; o++) {
            const char *oc = attr(d, a->country, outer[o]), *ok = attr(d, a->kind, outer[o]);
            inside = eg_tokview_entity_class(v, outer[o]) == EG_TC_PLACE && oc && ok &&
                     kind_rank(ok) >= 3 && strcmp(oc, code) == 0 && outer[o] != ents[j];
        }
        if (inside && (best < 0 || eg_resolve_more_important(d, a, ents[j], (uint32_t)best)))
            best = (long)ents[j];
    }
    return best;
}

/* Rule context: among the readings of class cls (the matcher's pick's:
 * context never makes the United Nations a town called Un) and of
 * comparable size, the one whose country the document's places point to
 * most often; of several equally often, the most important; -1 when none
 * is pointed to. */
static long context_reading(const eg_tokview_t *v, const eg_dict_t *d, const eg_resolve_attrs_t *a,
                            const countries_t *named, unsigned char cls, const uint32_t *ents,
                            size_t n)
{
    double pop[MAX_ALTERNATIVES], largest = 0; /* pop: -1 when the row has none */
    for (size_t j = 0; j < n; j++) {
        pop[j] = attr(d, a->population, ents[j]) ? population(d, a, ents[j]) : -1;
        if (pop[j] > largest)
            largest = pop[j];
    }
    long pick = -1;
    unsigned best = 0;
    for (size_t j = 0; j < n; j++) {
        if (eg_tokview_entity_class(v, ents[j]) != cls ||
            (pop[j] >= 0 && pop[j] * CONTEXT_SIZE_RATIO < largest))
            continue; /* not a reading context can raise */
        unsigned c = country_count(named, attr(d, a->country, ents[j]));
        if (c > best || (c == best && c > 0 && pick >= 0 &&
                         eg_resolve_more_important(d, a, ents[j], (uint32_t)pick)))
            best = c, pick = (long)ents[j];
    }
    return pick;
}

typedef struct sense {
    uint32_t key, entity; /* key: the mention's own alias (same span, same set) */
    uint8_t why;
} sense_t;

typedef struct doc_state {
    countries_t countries;
    int have_countries; /* gathered (on the first ambiguous mention) */
    sense_t senses[MAX_SENSES];
    size_t nsenses;
} doc_state_t;

static const sense_t *sense_of(const doc_state_t *st, uint32_t key)
{
    for (size_t i = 0; i < st->nsenses; i++)
        if (st->senses[i].key == key)
            return &st->senses[i];
    return NULL;
}

static void remember(doc_state_t *st, uint32_t key, uint32_t entity, uint8_t why)
{
    if (st->nsenses < MAX_SENSES && !sense_of(st, key))
        st->senses[st->nsenses++] = (sense_t){key, entity, why};
}

/* Decide mention i; returns 0 to drop it, 1 to keep it (maybe changed). */
static int decide(const eg_matcher_t *m, const eg_resolve_attrs_t *a, const eg_tokview_t *v,
                  unsigned rules, doc_state_t *st, const eg_mentions_t *ms, size_t i,
                  size_t kept_end, eg_mention_t *mn)
{
    const eg_dict_t *d = eg_matcher_dict(m);
    const eg_sentence_t *sn = &v->seg->sentences[mn->sentence];
    size_t k = mn->first_token;
    int one = mn->ntokens == 1;
    int place = eg_tokview_entity_class(v, mn->entity) == EG_TC_PLACE;
    if ((rules & EG_RESOLVE_GENERIC) && one && eg_tokview_in(v, k, EG_LIST_GENERICS) &&
        d->aliases[mn->alias].policy != EG_CASE_EXACT)
        return 0;
    uint32_t ents[MAX_ALTERNATIVES];
    size_t n = alternatives(m, v, mn, ents);
    if ((rules & EG_RESOLVE_PERSON) && n > 1 && !place && place_word_before(v, k, sn->first_token)) {
        /* "crowds in Lincoln": a locative word before takes the place */
        for (size_t j = 0; j < n; j++)
            if (d->entities[ents[j]].tclass == EG_TC_PLACE) {
                mn->entity = ents[j];
                mn->why = EG_WHY_LOCATIVE;
                return 1;
            }
    }
    if ((rules & EG_RESOLVE_PERSON) && one && place &&
        eg_tokview_title_before(v, k, sn->first_token)) {
        for (size_t j = 0; j < n; j++)
            if (d->entities[ents[j]].tclass == EG_TC_PERSON) {
                mn->entity = ents[j];
                mn->why = EG_WHY_PERSON;
                remember(st, mn->alias, ents[j], EG_WHY_PERSON);
                return 1;
            }
        return 0;
    }
    /* "US President", "UK Parliament": a place in capitals before a name
     * is an adjective, not a piece of it */
    if ((rules & EG_RESOLVE_LONGER) && one && place &&
        !eg_tokview_has(v, k, EG_SHAPE_ALLCAPS)) {
        size_t next_start = i + 1 < ms->n ? ms->items[i + 1].first_token : SIZE_MAX;
        if ((k > sn->first_token && k - 1 >= kept_end &&
             longer_piece(v, k - 1, sn->first_token, sn->end_token)) ||
            (k + 1 < next_start && longer_piece(v, k + 1, sn->first_token, sn->end_token)))
            return 0;
    }
    if (n < 2)
        return 1;
    long within = (rules & EG_RESOLVE_CONTEXT) ? place_in_place(m, a, v, ms, i, ents, n) : -1;
    if (within >= 0) {
        mn->entity = (uint32_t)within;
        mn->why = EG_WHY_CONTEXT;
        remember(st, mn->alias, (uint32_t)within, EG_WHY_CONTEXT);
        return 1;
    }
    const sense_t *earlier = (rules & EG_RESOLVE_ONE_SENSE) ? sense_of(st, mn->alias) : NULL;
    if (earlier) {
        mn->entity = earlier->entity;
        mn->why = EG_WHY_ONE_SENSE;
        return 1;
    }
    if (rules & EG_RESOLVE_CONTEXT) {
        if (!st->have_countries) {
            gather_countries(m, a, v, ms, &st->countries);
            st->have_countries = 1;
        }
        long pick = context_reading(v, d, a, &st->countries, eg_tokview_entity_class(v, mn->entity), ents, n);
        if (pick >= 0) {
            mn->entity = (uint32_t)pick;
            mn->why = EG_WHY_CONTEXT;
            remember(st, mn->alias, (uint32_t)pick, EG_WHY_CONTEXT);
            return 1;
        }
    }
    if (rules & EG_RESOLVE_IMPORTANCE) {
        uint32_t best = ents[0];
        for (size_t j = 1; j < n; j++)
            if (eg_resolve_more_important(d, a, ents[j], best))
                best = ents[j];
        mn->entity = best;
    }
    mn->why = EG_WHY_PRIORITY;
    return 1;
}

int eg_resolve(const eg_matcher_t *m, const eg_resolve_attrs_t *a, const eg_tokview_t *v,
               unsigned rules, eg_mentions_t *ms)
{
    doc_state_t st;
    st.countries.n = 0;
    st.have_countries = 0;
    st.nsenses = 0;
    size_t w = 0, kept_end = 0;
    for (size_t i = 0; i < ms->n; i++) {
        eg_mention_t mn = ms->items[i];
        if (mn.entity == EG_ENTITY_FOUND || mn.alias == EG_ALIAS_NONE) {
            ms->items[w++] = mn;
            kept_end = mn.first_token + mn.ntokens;
            continue;
        }
        if (decide(m, a, v, rules, &st, ms, i, kept_end, &mn)) {
            ms->items[w++] = mn;
            kept_end = mn.first_token + mn.ntokens;
        }
    }
    ms->n = w;
    return 0;
}
