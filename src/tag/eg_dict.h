/* eg_dict.h — gazetteer files: rows of names, aliases and attributes.
 *
 * A dictionary file is UTF-8 tab-separated text with a header row and
 * '#' comment lines (see docs/dictionary.md); a file whose
 * name ends in .csv is read as RFC 4180 CSV with the same columns and
 * rules (quoted fields may hold commas, doubled quotes, line breaks). Columns: `name`
 * (required, the label), `id` (default: the slug of the name), `aliases`
 * ('|'-separated), `type` (default: from the file name, people.tsv ->
 * person), `case` (auto|fold|exact); any other column is a node
 * attribute. Rows with the same id merge: the first row gives label and
 * type, later rows add aliases and fill attributes the first left empty.
 * Control characters in values are replaced by spaces and invalid UTF-8
 * by U+FFFD, each with a warning, so labels are always safe to write as
 * XML; a control character in a column name is an error. A folder loads
 * its *.tsv and *.csv files in byte order of their names.
 *
 * Besides entities a dictionary holds word lists (eg_wordlists.h):
 * stop*.txt, words*.txt, given-names*.txt and the others, plain UTF-8
 * text with one entry per line ('#' comments); rows whose type is `stop`
 * add to the stop list too. A folder loads these .txt files too;
 * patterns.tsv in a folder is left to the pattern loader.
 * A `priority` column (an integer, default 0) orders entities that share
 * a surface form: the highest priority wins, then the first defined.
 *
 * The dictionary owns all its strings; they live in an arena freed with
 * the dictionary (no malloc per string), and entities may share them (a
 * type, a label that is also the alias text), so treat them as
 * read-only. Not thread-safe while loading; read-only use from many
 * threads afterwards is safe.
 */
#ifndef EG_DICT_H
#define EG_DICT_H

#include "../base/eg_arena.h"
#include "../base/eg_error.h"
#include "../base/eg_strmap.h"
#include "eg_types.h"
#include "eg_wordlists.h"

#include <stddef.h>
#include <stdint.h>

/* Limits, enforced with an error naming FILE:LINE. */
#define EG_DICT_MAX_LINE (1u << 20)    /* bytes per row */
#define EG_DICT_MAX_ALIAS 1024         /* bytes per alias */
#define EG_DICT_MAX_COLUMNS 256
#define EG_DICT_MAX_FILE (1u << 30)    /* bytes per file (FILE alone) */

enum eg_case_policy {
    EG_CASE_AUTO = 0, /* capitals/digits exact, else fold but not all-lower */
    EG_CASE_FOLD = 1, /* any case */
    EG_CASE_EXACT = 2 /* as written */
};

typedef struct eg_alias {
    char *text;        /* surface form as written in the dictionary */
    uint32_t entity;   /* index into entities */
    uint8_t policy;    /* enum eg_case_policy of its row */
    const char *file;  /* where it was defined (owned by the dict) */
    long line;
} eg_alias_t;

typedef struct eg_entity {
    char *id;
    char *label;
    char *type;
    char **attrs;      /* attrs[k] for attribute k < nattrs, or NULL */
    size_t nattrs;     /* attributes known when the entity was made */
    const char *file;  /* first definition */
    long line;
    int priority;      /* `priority` column (default 0): among entities that
                          share a surface form, the highest wins */
    unsigned char found; /* 1: found in text (eg_dict_add_entity), not in a file */
    unsigned char tclass; /* enum eg_type_class of type */
} eg_entity_t;

typedef struct eg_dict {
    eg_entity_t *entities;
    size_t nentities, entities_cap;
    eg_alias_t *aliases;
    size_t naliases, aliases_cap;
    char **attr_names; /* extra columns, in order of first appearance */
    size_t nattrs;
    eg_strmap_t ids;   /* entity id -> index */
    eg_strmap_t files; /* interned file names */
    eg_strmap_t lists[EG_LIST_COUNT]; /* folded word lists (eg_wordlists.h):
                          lists[EG_LIST_STOP] also holds rows of type `stop` */
    struct eg_alias_index *alias_index; /* internal: the (entity, case,
                               alias) triples already added, so a row of
                               100,000 aliases loads in linear time */
    eg_arena_t strings;     /* internal: labels, types, attribute arrays
                               and values, alias texts (an entity's id is
                               its key in ids) */
    const eg_warner_t *check; /* check mode (NULL: off): a malformed row is
                                 reported here and skipped, counted in nbad,
                                 and merged rows with differing attributes
                                 are reported; set before loading */
    size_t nbad;
} eg_dict_t;

void eg_dict_init(eg_dict_t *d);
void eg_dict_free(eg_dict_t *d);

/* Load a file, or every *.tsv in a folder (recursively, sorted). Errors:
 * EG_ERR_DATA for a malformed file (no header, no `name` column, a row
 * without a name, a bad `case`, a reserved column name, a limit passed),
 * EG_ERR_RUNTIME when the file cannot be read. */
int eg_dict_load_path(eg_dict_t *d, const char *path, const eg_warner_t *warn,
                      eg_error_t *err);

/* Load one file's contents (path names it in messages; default type
 * comes from its base name). */
int eg_dict_load_text(eg_dict_t *d, const char *path, const char *text,
                      size_t len, const eg_warner_t *warn, eg_error_t *err);

/* Add an entity that no file defines (one found in text: see
 * eg_tagger.h), with no alias and no attribute; file names where it came
 * from. Returns its index, the index of the entity that already has this
 * id (nothing is changed then), or -1 when memory runs out. */
long eg_dict_add_entity(eg_dict_t *d, const char *id, const char *label, const char *type,
                        const char *file);

/* Attribute k of entity e, or NULL when it has none. */
static inline const char *eg_entity_attr(const eg_entity_t *e, size_t k)
{
    return k < e->nattrs ? e->attrs[k] : NULL;
}

/* Column names that cannot be dictionary attributes because the output
 * uses them (label, mentions, documents, degree...). */
int eg_dict_is_reserved_attr(const char *name);

#endif
