/* eg_acronym.h — acronyms defined in the text: the rule acronym of
 * discovery (eg_discover.h).
 *
 * A definition is "Long Name (LN)" or "LN (Long Name)": LN is 2 to 10
 * ASCII capitals and the initials of the long name's capitalised words
 * spell it ("of", "for", "and", "the", "on", "&" and glued hyphens may
 * stand between them).
 *
 *   long names  In the first form, when no mention covers the long name,
 *               its capitalised words make an organisation of that name
 *               ("Multi-State Lottery Association (MUSL)"), and the found
 *               mentions inside it give way.
 *   uses        Where the long name is a mention, every later use of LN
 *               outside a mention (from the definition on; in the second
 *               form from LN itself) is a mention of the same entity,
 *               why = acronym.
 *
 * Both read the token view only; working arrays live in the scratch.
 */
#ifndef EG_ACRONYM_H
#define EG_ACRONYM_H

#include "eg_docrules.h"
#include "eg_found.h"
#include "eg_tokview.h"

/* The long names of first-form definitions whose long name no mention
 * covers: organisations appended to s->extra (kept sorted by start), and
 * found mentions inside them dropped from it. Returns 0 or -1. */
int eg_acronym_long_names(const eg_tokview_t *v, eg_found_t *found, eg_docrules_scratch_t *s);

/* The uses of acronyms whose long name is a mention in `out`, merged
 * into it (text order, no overlaps). Returns 0 or EG_ERR_RUNTIME. */
int eg_acronym_uses(const eg_tokview_t *v, eg_docrules_scratch_t *s, eg_mentions_t *out);

/* Is a lower-case word or "&" that may stand inside a long name? */
static inline int eg_long_name_joint(const eg_tokview_t *v, size_t k)
{
    return eg_tokview_word_is(v, k, "of") || eg_tokview_word_is(v, k, "for") || eg_tokview_word_is(v, k, "and") ||
           eg_tokview_word_is(v, k, "the") || eg_tokview_word_is(v, k, "on") || eg_tokview_is_char(v, k, '&') ||
           (eg_tokview_is_char(v, k, '-') && eg_tokview_glued(v, k));
}

#endif
