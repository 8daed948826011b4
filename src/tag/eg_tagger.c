/* eg_tagger.c — the order of the stages and the names of the rules.
 * Each stage lives in a module of its own; this file only wires them,
 * so that every command tags alike. */
#include "eg_tagger.h"

#include "eg_discover.h"

#include <string.h>

void eg_tag_scratch_free(eg_tag_scratch_t *s)
{
    eg_match_scratch_free(&s->match);
    eg_pattern_scratch_free(&s->pattern);
    eg_tokview_free(&s->view);
    eg_found_free(&s->found);
    eg_docrules_scratch_free(&s->rules);
}

void eg_tagger_init(eg_tagger_t *tg, const eg_matcher_t *m, const eg_patterns_t *patterns,
                    unsigned rules)
{
    memset(tg, 0, sizeof *tg);
    tg->matcher = m;
    tg->dict = eg_matcher_dict(m);
    tg->patterns = patterns;
    tg->rules = rules;
    eg_resolve_attrs_init(&tg->attrs, tg->dict);
}

static unsigned discover_bits(unsigned r)
{
    return ((r & EG_RULE_GIVEN) ? EG_DISCOVER_GIVEN : 0) |
           ((r & EG_RULE_TITLE) ? EG_DISCOVER_TITLE : 0) |
           ((r & EG_RULE_ORG) ? EG_DISCOVER_ORG : 0) |
           ((r & EG_RULE_ACRONYM) ? EG_DISCOVER_ACRONYM : 0) |
           ((r & EG_RULE_PLACE) ? EG_DISCOVER_PLACE : 0);
}

static unsigned resolve_bits(unsigned r)
{
    return ((r & EG_RULE_GENERIC) ? EG_RESOLVE_GENERIC : 0) |
           ((r & EG_RULE_PERSON) ? EG_RESOLVE_PERSON : 0) |
           ((r & EG_RULE_LONGER) ? EG_RESOLVE_LONGER : 0) |
           ((r & EG_RULE_CONTEXT) ? EG_RESOLVE_CONTEXT : 0) |
           ((r & EG_RULE_ONE_SENSE) ? EG_RESOLVE_ONE_SENSE : 0) |
           ((r & EG_RULE_IMPORTANCE) ? EG_RESOLVE_IMPORTANCE : 0);
}

/* A name found in the text whose id a dictionary entity has is that
 * entity (the dictionary wins), for every command alike. */
static void known_ids(const eg_dict_t *d, eg_found_t *found, eg_mentions_t *ms)
{
    char plain[256];
    for (size_t k = 0; k < found->n; k++) { /* once per name, not per mention */
        const char *id = eg_found_id(found, k);
        found->items[k].known = eg_strmap_find(&d->ids, id, strlen(id));
        /* "John R. Bolton" is the dictionary's John Bolton */
        size_t n;
        if (found->items[k].known < 0 && found->items[k].tclass == EG_TC_PERSON &&
            (n = eg_found_id_without_initials(id, plain, sizeof plain)) > 0)
            found->items[k].known = eg_strmap_find(&d->ids, plain, n);
    }
    for (size_t i = 0; i < ms->n; i++) {
        eg_mention_t *mn = &ms->items[i];
        if (mn->entity == EG_ENTITY_FOUND && found->items[mn->alias].known >= 0) {
            mn->entity = (uint32_t)found->items[mn->alias].known;
            mn->alias = EG_ALIAS_NONE;
        }
    }
}

/* The rules that read the token view, in their order. */
static int apply_rules(const eg_tagger_t *tg, const char *text, const eg_segments_t *seg,
                       eg_tag_scratch_t *s, eg_mentions_t *mentions)
{
    unsigned r = tg->rules;
    if (eg_tokview_fill(&s->view, tg->matcher, &s->match, text, seg))
        return EG_ERR_RUNTIME;
    const eg_tokview_t *v = &s->view;
    int rc = 0;
    if (discover_bits(r))
        rc = eg_discover(tg->dict, tg->attrs.kind, v, discover_bits(r), &s->found, &s->rules,
                         mentions);
    if (rc == 0 && resolve_bits(r))
        rc = eg_resolve(tg->matcher, &tg->attrs, v, resolve_bits(r), mentions);
    if (rc == 0 && (r & (EG_RULE_INITIAL | EG_RULE_EMBEDDED)))
        rc = eg_docrules_drop(v, &s->rules, mentions, (r & EG_RULE_INITIAL) != 0,
                              (r & EG_RULE_EMBEDDED) != 0);
    if (rc == 0 && (r & EG_RULE_PARTIAL))
        rc = eg_docrules_partial(tg->dict, &s->found, v, &s->rules, mentions);
    return rc == 0 && s->match.oom ? EG_ERR_RUNTIME : rc; /* a lookup of the view's */
}

int eg_tagger_document(const eg_tagger_t *tg, const char *text, const eg_segments_t *seg,
                       eg_tag_scratch_t *s, eg_mentions_t *mentions)
{
    unsigned r = tg->rules;
    eg_found_clear(&s->found);
    if ((tg->dense ? eg_matcher_scan_dense : eg_matcher_scan)(tg->matcher, text, seg, &s->match,
                                                              mentions))
        return EG_ERR_RUNTIME;
    int rc = 0;
    if (seg->ntokens && (r & ~EG_RULE_PATTERNS)) /* else no rule reads the view */
        rc = apply_rules(tg, text, seg, s, mentions);
    if (rc == 0 && (r & EG_RULE_PATTERNS) && tg->patterns)
        rc = eg_patterns_scan(tg->patterns, text, seg, &s->pattern, &s->found, mentions);
    if (rc == 0)
        known_ids(tg->dict, &s->found, mentions);
    return rc ? EG_ERR_RUNTIME : 0;
}

void eg_tagger_describe(const eg_tagger_t *tg, const eg_tag_scratch_t *s,
                        const eg_mention_t *mn, const char **id, const char **label,
                        const char **type)
{
    if (mn->entity == EG_ENTITY_FOUND && mn->alias < s->found.n) {
        *id = eg_found_id(&s->found, mn->alias);
        *label = eg_found_label(&s->found, mn->alias);
        *type = s->found.items[mn->alias].type;
        return;
    }
    const eg_entity_t *e = &tg->dict->entities[mn->entity];
    *id = e->id;
    *label = e->label;
    *type = e->type;
}

/* ---- rule names ---- */

static const struct { const char *name; unsigned bits; } RULES[] = {
    {"partial", EG_RULE_PARTIAL},
    {"initial", EG_RULE_INITIAL},
    {"embedded", EG_RULE_EMBEDDED},
    {"patterns", EG_RULE_PATTERNS},
    {"given-name", EG_RULE_GIVEN},
    {"title", EG_RULE_TITLE},
    {"org", EG_RULE_ORG},
    {"acronym", EG_RULE_ACRONYM},
    {"place-head", EG_RULE_PLACE},
    {"generic", EG_RULE_GENERIC},
    {"person", EG_RULE_PERSON},
    {"longer", EG_RULE_LONGER},
    {"context", EG_RULE_CONTEXT},
    {"one-sense", EG_RULE_ONE_SENSE},
    {"importance", EG_RULE_IMPORTANCE},
    {"discovery", EG_RULES_DISCOVERY},
    {"resolution", EG_RULES_RESOLUTION},
    {"default", EG_RULES_DEFAULT},
    {"all", EG_RULES_ALL},
    {"none", 0},
};

const char *eg_rules_names(void)
{
    return "partial, initial, embedded, patterns, given-name, title, org, place-head, acronym, "
           "generic, person, longer, context, one-sense, importance (or all, default, "
           "none, discovery, resolution; -NAME removes one)";
}

int eg_rules_parse(const char *list, unsigned *rules)
{
    unsigned r = 0;
    const char *p = list;
    while (*p) {
        size_t n = strcspn(p, ",");
        int minus = n > 0 && *p == '-';
        const char *name = p + minus;
        size_t len = n - (size_t)minus;
        int found = 0;
        for (size_t i = 0; !found && i < sizeof RULES / sizeof *RULES; i++)
            if (strlen(RULES[i].name) == len && strncmp(name, RULES[i].name, len) == 0) {
                r = minus ? r & ~RULES[i].bits : r | RULES[i].bits;
                found = 1;
            }
        if (!found)
            return -1;
        p += n;
        if (*p == ',')
            p++;
    }
    *rules = r;
    return 0;
}
