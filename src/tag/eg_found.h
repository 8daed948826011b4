/* eg_found.h — entities found in one document's text, not in a list.
 *
 * Discovery rules (eg_discover.h) and patterns (eg_patterns.h) find
 * names no dictionary holds. Their mentions carry entity =
 * EG_ENTITY_FOUND and alias = an index into the document's eg_found_t,
 * which holds what such an entity is: its label (the fullest form the
 * document gives), its id (the slug of the label, so that the same full
 * name in two documents is one node), its type and the rule that found
 * it. Counting maps these to entities of the run (eg_registry.h); `tag`
 * writes them as they are.
 *
 * Cleared per document; strings live in one buffer (offsets, so that it
 * may grow). Not thread-safe; one per thread.
 */
#ifndef EG_FOUND_H
#define EG_FOUND_H

#include "../base/eg_buf.h"

#include <stddef.h>
#include <stdint.h>

typedef struct eg_found_entity {
    uint32_t label, id;   /* offsets of NUL-terminated strings in names */
    const char *type;     /* static or owned by the pattern set */
    uint8_t why;          /* enum eg_why: the rule that found it */
    uint8_t tclass;       /* enum eg_type_class of type */
    uint32_t id_len;      /* strlen of the id (the label's: id - label - 1) */
    long known;           /* the dictionary entity with this id, or -1
                             (set by the tagger at the end of a document) */
} eg_found_entity_t;

typedef struct eg_found {
    eg_found_entity_t *items;
    size_t n, cap;
    eg_buf_t names;
} eg_found_t;

void eg_found_clear(eg_found_t *f);
void eg_found_free(eg_found_t *f);

/* The found entity for this label and type: an existing one with the
 * same id and type, else a new one. Returns its index, -1 when memory
 * runs out, -2 when the label has no letter or digit (no id). */
long eg_found_add(eg_found_t *f, const char *label, size_t n, const char *type,
                  uint8_t why);

static inline const char *eg_found_label(const eg_found_t *f, size_t i)
{
    return f->names.data + f->items[i].label;
}

static inline const char *eg_found_id(const eg_found_t *f, size_t i)
{
    return f->names.data + f->items[i].id;
}

/* The id of a person's name without its middle initial ("john-r-bolton"
 * -> "john-bolton"), written to out (cap bytes): its length, or 0 when
 * the id has no one-letter word between two longer ones ("george-h-w-bush",
 * "j-k-rowling" have none), or the result does not fit. */
size_t eg_found_id_without_initials(const char *id, char *out, size_t cap);

/* The type names discovery gives (patterns give their own). */
extern const char EG_TYPE_PERSON[], EG_TYPE_ORGANISATION[], EG_TYPE_PLACE[];

#endif
