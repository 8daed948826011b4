/* eg_docrules.h — rules that revisit a document's mentions with what the
 * rest of the document says (part of eg_tagger_document).
 *
 * partial  A capitalised word that no alias matched, but that is one
 *   word of a person's multi-word name given earlier in the same
 *   document (from the dictionary or found by discovery), is a mention of
 *   that person ("Dmitry Peskov ... Peskov said"); so is a one-word
 *   place mention of the last word of such a name ("Abraham Lincoln ...
 *   Lincoln": the person, not the town; why = person). A word two such names share
 *   is the one named in full last before it ("Duane Bobick ... Rodney
 *   Bobick ... Bobick": Rodney). Common lower-case words are left alone.
 *   Likewise the one word before a legal suffix names the company ("Datecs
 *   Ltd ... Datecs").
 * initial  A one-word mention at the start of a sentence whose word is
 *   on the common-words list is dropped ("Reading the report"), unless
 *   the same entity is also matched away from a sentence start. Forms in
 *   capitals (ECHR, US) are kept.
 * embedded  A mention glued (no punctuation between) to a capitalised
 *   word that is not at a sentence start and not part of another mention
 *   is dropped: most likely a piece of a longer name no list holds. Off
 *   by default; the rule `longer` (eg_resolve.h) does this for places.
 *
 * Mentions stay in text order without overlaps; they read the token view
 * only. Working arrays live in the scratch given.
 */
#ifndef EG_DOCRULES_H
#define EG_DOCRULES_H

#include "eg_found.h"
#include "eg_tokview.h"

typedef struct eg_docrules_scratch {
    void *parts;
    size_t parts_cap;
    eg_mention_t *merged;
    size_t merged_cap;
    eg_mentions_t extra;  /* discovery's new mentions */
    eg_mentions_t lone;   /* partial's new one-word mentions */
    eg_buf_t label;       /* a found label that is not the text as written */
} eg_docrules_scratch_t;

void eg_docrules_scratch_free(eg_docrules_scratch_t *s);

/* Room for n mentions in s->merged (grown geometrically, reused from
 * document to document). Returns 0 or -1 (out of memory). */
int eg_docrules_reserve_merged(eg_docrules_scratch_t *s, size_t n);

/* Make the first n mentions of s->merged the list out: the arrays swap
 * places (out's old array becomes the scratch), so nothing is copied. */
void eg_docrules_take_merged(eg_docrules_scratch_t *s, eg_mentions_t *out, size_t n);

/* A found name of tokens [first, last] of the view (its label: their
 * text, white space made one space; a possessive's 's left out): the
 * found entity of that label and type, and its mention, why = why,
 * appended to s->extra. A label without letter or digit adds nothing.
 * Returns 0 or -1 (out of memory). */
int eg_docrules_add_found(const eg_tokview_t *v, size_t first, size_t last, const char *type,
                          uint8_t why, eg_found_t *found, eg_docrules_scratch_t *s);

/* The found entity of that label and type alone, no mention: its index,
 * -1 when memory runs out, -2 for a label without letter or digit. */
long eg_docrules_found_entity(const eg_tokview_t *v, size_t first, size_t last,
                              const char *type, uint8_t why, eg_found_t *found,
                              eg_docrules_scratch_t *s);

/* Drop mentions by the rules initial and embedded (flags say which). */
int eg_docrules_drop(const eg_tokview_t *v, eg_docrules_scratch_t *s, eg_mentions_t *mentions,
                     int initial, int embedded);

/* Add (and retarget) mentions by the rule partial; found holds the
 * document's found entities (persons among them count as full names).
 * Returns 0 or EG_ERR_RUNTIME. */
int eg_docrules_partial(const eg_dict_t *d, const eg_found_t *found, const eg_tokview_t *v,
                        eg_docrules_scratch_t *s, eg_mentions_t *mentions);

/* The class (enum eg_type_class) of a mention's entity. */
static inline unsigned char eg_mention_class(const eg_tokview_t *v, const eg_found_t *found,
                                             const eg_mention_t *mn)
{
    if (mn->entity == EG_ENTITY_FOUND)
        return found && mn->alias < found->n ? found->items[mn->alias].tclass : EG_TC_OTHER;
    return eg_tokview_entity_class(v, mn->entity);
}

#endif
