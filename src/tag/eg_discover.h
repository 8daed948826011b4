/* eg_discover.h — names no list holds, found by their shape.
 *
 * Discovery reads the token view of a scanned document and looks at its
 * capitalised chunks: runs of capitalised words in one sentence, joined
 * by initials ("John F. Kennedy"), name particles ("Charles de Gaulle",
 * the particles list) and hyphens without spaces ("Jean-Pierre"). A
 * chunk stops at a possessive's base, at punctuation and at a word of
 * the non-names list (months, weekdays, holidays). Leading title words
 * are cut off and remembered; a common word at a sentence start is cut
 * off too ("The", "However"). Then, by rule (each one a bit of `rules`):
 *
 *   org        the chunk's last word is an organisation head ("Fairfax
 *              County Public Schools": Schools) or a legal suffix ("Munich
 *              Re", "Acme Ltd"); a head followed by "of" (+ "the") and a
 *              capitalised chunk takes it along ("Bank of England",
 *              "University of Oxford"). Two words at least.
 *   given      the chunk starts with a given name and has two words at
 *              least: a person ("Madeleine Albright").
 *   title      a title or role word stands before the chunk and the chunk
 *              has two words at least: a person ("President Zyxwer
 *              Plonk"); one word after a title is a surname, which is a
 *              person only through the rule partial.
 *   acronym    "Long Name (LN)" or "LN (Long Name)": where the long name
 *              is a mention, the acronym becomes a mention of the same
 *              entity in the rest of the document; where it is not, the
 *              pair makes an organisation.
 *
 * Precision guards: no discovery in headline-like sentences (every word
 * capitalised) or on ALL-CAPS runs of three words or more; a chunk that
 * is one word is never a name by itself.
 *
 * A found name replaces the dictionary mentions strictly inside it
 * (longer names win: "Florida State University" over Florida) when they
 * are places or it is a person's name; it never crosses or swallows a
 * dictionary person or organisation, and the dictionary wins an equal
 * span. Found entities go into `found` (eg_found.h); their mentions have
 * entity EG_ENTITY_FOUND and why = the rule.
 */
#ifndef EG_DISCOVER_H
#define EG_DISCOVER_H

#include "eg_docrules.h"
#include "eg_found.h"
#include "eg_tokview.h"

enum eg_discover_rule {
    EG_DISCOVER_GIVEN = 1u << 0,
    EG_DISCOVER_TITLE = 1u << 1,
    EG_DISCOVER_ORG = 1u << 2,
    EG_DISCOVER_ACRONYM = 1u << 3,
};

/* Find names in the document; mentions (text order, no overlaps) are
 * updated in place. Returns 0 or EG_ERR_RUNTIME. */
int eg_discover(const eg_dict_t *d, const eg_tokview_t *v, unsigned rules,
                eg_found_t *found, eg_docrules_scratch_t *s, eg_mentions_t *mentions);

#endif
