/* eg_tagger.h — tagging one document, the same way for every command.
 *
 * `tag`, `build`, `count` and `dict lookup` call eg_tagger_document, so
 * their mentions are the same by construction. The stages, in order:
 *
 *   scan        eg_matcher_scan: dictionary names (longest match)
 *   view        eg_tokview_fill: the token view every rule reads
 *   discovery   eg_discover: names no list holds (rules given-name,
 *               title, org, place-head, acronym)
 *   resolution  eg_resolve: which entity, or none (rules generic,
 *               person, longer, context, one-sense, importance)
 *   documents   eg_docrules: initial, embedded (drop), partial (add)
 *   patterns    eg_patterns_scan (rule patterns), when a set is given
 *
 * Each rule is a bit of `rules` (--rules NAME,...); every mention says
 * which evidence decided it (eg_mention_t.why). Mentions of entities
 * found in the text have entity = EG_ENTITY_FOUND and index the
 * scratch's `found` table (eg_found.h) until the next document; a name
 * found whose id a dictionary entity has is a mention of that entity.
 *
 * The tagger is read-only once made: threads share one, each with its
 * own scratch (zero-initialised; free it with eg_tag_scratch_free).
 */
#ifndef EG_TAGGER_H
#define EG_TAGGER_H

#include "eg_docrules.h"
#include "eg_found.h"
#include "eg_matcher.h"
#include "eg_patterns.h"
#include "eg_resolve.h"
#include "eg_tokview.h"

enum eg_rule {
    EG_RULE_PARTIAL = 1u << 0,
    EG_RULE_INITIAL = 1u << 1,
    EG_RULE_EMBEDDED = 1u << 2,
    EG_RULE_PATTERNS = 1u << 3,
    EG_RULE_GIVEN = 1u << 4,
    EG_RULE_TITLE = 1u << 5,
    EG_RULE_ORG = 1u << 6,
    EG_RULE_ACRONYM = 1u << 7,
    EG_RULE_GENERIC = 1u << 8,
    EG_RULE_PERSON = 1u << 9,
    EG_RULE_LONGER = 1u << 10,
    EG_RULE_CONTEXT = 1u << 11,
    EG_RULE_ONE_SENSE = 1u << 12,
    EG_RULE_IMPORTANCE = 1u << 13,
    EG_RULE_PLACE = 1u << 14,
};

#define EG_RULES_DISCOVERY                                                               \
    (EG_RULE_GIVEN | EG_RULE_TITLE | EG_RULE_ORG | EG_RULE_ACRONYM | EG_RULE_PLACE)
#define EG_RULES_RESOLUTION                                                              \
    (EG_RULE_GENERIC | EG_RULE_PERSON | EG_RULE_LONGER | EG_RULE_CONTEXT |              \
     EG_RULE_ONE_SENSE | EG_RULE_IMPORTANCE)
#define EG_RULES_DEFAULT                                                                 \
    (EG_RULE_PARTIAL | EG_RULE_INITIAL | EG_RULE_PATTERNS | EG_RULES_DISCOVERY |        \
     EG_RULES_RESOLUTION)
#define EG_RULES_ALL (EG_RULES_DEFAULT | EG_RULE_EMBEDDED)

typedef struct eg_tagger {
    const eg_matcher_t *matcher;
    const eg_dict_t *dict;
    const eg_patterns_t *patterns; /* NULL: none */
    unsigned rules;
    eg_resolve_attrs_t attrs;
    int dense; /* 1: the dense scan (every token tried), the oracle the
                  tests hold the default sparse scan to; 0 by default */
} eg_tagger_t;

typedef struct eg_tag_scratch {
    eg_match_scratch_t match;
    eg_pattern_scratch_t pattern;
    eg_tokview_t view;
    eg_found_t found;   /* the document's found entities */
    eg_docrules_scratch_t rules;
} eg_tag_scratch_t;

void eg_tag_scratch_free(eg_tag_scratch_t *s);

/* A tagger over a matcher (and its dictionary) and, optionally, a
 * pattern set; both must outlive it. */
void eg_tagger_init(eg_tagger_t *tg, const eg_matcher_t *m, const eg_patterns_t *patterns,
                    unsigned rules);

/* Tag one segmented document: mentions in text order, without overlaps.
 * Returns 0 or EG_ERR_RUNTIME (out of memory). */
int eg_tagger_document(const eg_tagger_t *tg, const char *text, const eg_segments_t *seg,
                       eg_tag_scratch_t *s, eg_mentions_t *mentions);

/* The id, label and type a mention shows (a dictionary entity's or a
 * found one's, from the scratch of the document it came from). */
void eg_tagger_describe(const eg_tagger_t *tg, const eg_tag_scratch_t *s,
                        const eg_mention_t *mn, const char **id, const char **label,
                        const char **type);

/* Parse a comma-separated rule list ("partial,initial", "all",
 * "default", "none", "discovery", "resolution"; a name with a leading
 * '-' removes it: "default,-given-name") into bits. Returns 0, or -1
 * naming no rule. */
int eg_rules_parse(const char *list, unsigned *rules);

/* The names of the rules, comma-separated (for --help). */
const char *eg_rules_names(void);

#endif
