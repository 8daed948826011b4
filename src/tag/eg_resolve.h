/* eg_resolve.h — which entity a dictionary mention is, and whether it is
 * one at all: ambiguity resolution, as one mechanism.
 *
 * The matcher picks, for a surface form several entities share, the one
 * of highest priority (then the first defined). Resolution revisits each
 * dictionary mention with the evidence a careful reader uses; each step
 * is a rule bit of its own (--rules), and the step that decided is the
 * mention's `why`:
 *
 *   generic     A one-word mention whose word is on the generics list
 *               (South, Western, Gulf, Union, Independence) is dropped,
 *               unless its alias's row asks for exact case (`case` exact):
 *               inside a longer name ("South Africa") it still matches.
 *   person      A one-word place mention right after a title or role
 *               word ("President Lincoln", "Mr. Jackson") is the person
 *               of that name when the form has one, else dropped: a title
 *               never stands before a place. And a form a person and a
 *               place share is the place after a locative preposition
 *               ("crowds in Lincoln", "flights to Washington").
 *   longer      A one-word place mention not in capitals (US, UK) glued (no punctuation) to a
 *               capitalised word that is not at a sentence start, not in
 *               capitals, not a title, generic, month or weekday and not
 *               part of another mention, is a piece of a
 *               longer name no list holds ("Real Madrid", "Munich Re",
 *               "Sheffield Wednesday", "West Indies"): dropped.
 *   context     Among the form's readings of the class of the matcher's
 *               pick (a place stays a place, an organisation an
 *               organisation: "UN" is never a town called Un), the one
 *               whose country the document's places point to most often
 *               (a city or region before any number of mentions of a
 *               country's own name: Niamey makes Niger the country in a
 *               text that names Nigeria thrice; a form counts when all
 *               its places lie in one country; of
 *               readings pointed to equally often, the most important):
 *               Georgia next to Atlanta is the US state; next to Tbilisi,
 *               the country; "the Supreme Court" in a British text is
 *               the United Kingdom's. Only readings
 *               of comparable size compete: one with a population under a
 *               tenth of the largest reading's is left to importance
 *               (Paris in a text about the United States is Paris,
 *               France, not Paris, Texas). Before all that, and whatever
 *               the sizes: a region or country right after the form and
 *               a comma names its country ("Paris, Texas", "Holland,
 *               Michigan", "Athens, Georgia"); the most important reading
 *               there.
 *   one-sense   Once a form is resolved in a document by context or
 *               person, later mentions of it take the same entity.
 *   importance  Otherwise the most important: priority, then kind
 *               (country over region over city), then population; only
 *               then dictionary order (`dict check` lists such ties).
 *
 * Reads the token view, the dictionary's attributes `country`, `kind`
 * and `population`, and the matcher's alternatives of a mention. Mentions
 * stay in text order without overlaps.
 */
#ifndef EG_RESOLVE_H
#define EG_RESOLVE_H

#include "eg_docrules.h"
#include "eg_tokview.h"

enum eg_resolve_rule {
    EG_RESOLVE_GENERIC = 1u << 0,
    EG_RESOLVE_PERSON = 1u << 1,
    EG_RESOLVE_LONGER = 1u << 2,
    EG_RESOLVE_CONTEXT = 1u << 3,
    EG_RESOLVE_ONE_SENSE = 1u << 4,
    EG_RESOLVE_IMPORTANCE = 1u << 5,
};

/* What resolution needs of a dictionary, looked up once. */
typedef struct eg_resolve_attrs {
    long country, kind, population; /* attribute indexes, -1 when absent */
} eg_resolve_attrs_t;

void eg_resolve_attrs_init(eg_resolve_attrs_t *a, const eg_dict_t *d);

/* Is entity x more important than y (rule importance: priority, then
 * kind when both rows give one, then population when both do)? When
 * neither is, only dictionary order tells them apart: a tie, which
 * `dict check` lists. */
int eg_resolve_more_important(const eg_dict_t *d, const eg_resolve_attrs_t *a, uint32_t x,
                              uint32_t y);

/* Resolve the dictionary mentions of one scanned document. Returns 0 or
 * EG_ERR_RUNTIME. */
int eg_resolve(const eg_matcher_t *m, const eg_resolve_attrs_t *attrs, const eg_tokview_t *v,
               unsigned rules, eg_mentions_t *mentions);

#endif
