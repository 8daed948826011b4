/* eg_discover.h — names no list holds, found by their shape.
 *
 * Discovery reads the token view of a scanned document and looks at its
 * capitalised chunks: runs of capitalised words in one sentence, joined
 * by initials ("John F. Kennedy"), name particles ("Charles de Gaulle",
 * the particles list) and hyphens without spaces ("Jean-Pierre"). A
 * chunk stops at a possessive's base and at punctuation; a person's name
 * is cut to the words off the non-names list (months, weekdays,
 * demonyms: "Russian", "Monday" never open or close one). Leading title words
 * are cut off and remembered; a common word at a sentence start is cut
 * off too ("The", "However"). Then, by rule (each one a bit of `rules`):
 *
 *   org        the chunk's last word is an organisation head ("Fairfax
 *              County Public Schools": Schools) or a legal suffix ("Munich
 *              Re", "Acme Ltd"); a head followed by "of" or "for" (+
 *              "the") and a capitalised chunk takes it along ("Bank of
 *              England", "Center for Science and Culture", "Church of
 *              Our Lady of Compassion"); "and"/"&" joins two chunks when
 *              the second ends in a head ("Community and Technical
 *              College"). Two words at least.
 *   given      the chunk starts with a given name and has two words at
 *              least, or has an initial between two words: a person
 *              ("Madeleine Albright", "Delwyn J. Langejans").
 *   title      a title or role word stands before the chunk and the chunk
 *              has two words at least: a person ("President Zyxwer
 *              Plonk"); one word after a title is a surname, which is a
 *              person only through the rule partial.
 *   place      the chunk's last word is a place head ("Pike County",
 *              "Crater Lake", "Dulles Airport"), or its first is one and
 *              one or two words follow ("Mount Hood", "Lake Victoria"):
 *              a place. Two words at least. And one to three capitalised
 *              words before a comma and a place mention ("Lewisburg,
 *              Pennsylvania") are a place, unless they open a sentence
 *              with a common word, start with a given name or hold a
 *              title, a month or capitals.
 *   acronym    "Long Name (LN)" or "LN (Long Name)" (eg_acronym.h): an
 *              unknown long name becomes an organisation, and the
 *              acronym's later uses mentions of the long name's entity.
 *
 * Precision guards: no discovery in headline-like sentences (every word
 * capitalised) or on ALL-CAPS runs of three words or more; a chunk that
 * is one word is never a name by itself.
 *
 * A found name replaces the dictionary mentions strictly inside it
 * (longer names win): an organisation any but persons and organisations
 * ("Florida State University" over Florida), a person one-word places
 * only ("Jack London"; "Nova Scotia House" is no person), and never
 * when places make up the whole name and one is a country or region
 * ("Melbourne Australia's capital"). It never
 * crosses a dictionary mention, and the dictionary wins an equal span. Found entities go into `found` (eg_found.h); their mentions have
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
    EG_DISCOVER_PLACE = 1u << 4,
};

/* Find names in the document; mentions (text order, no overlaps) are
 * updated in place. kind_attr: the dictionary's `kind` attribute index,
 * or -1. Returns 0 or EG_ERR_RUNTIME. */
int eg_discover(const eg_dict_t *d, long kind_attr, const eg_tokview_t *v, unsigned rules,
                eg_found_t *found, eg_docrules_scratch_t *s, eg_mentions_t *mentions);

#endif
