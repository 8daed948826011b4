/* eg_export_mentions.h — mentions as JSON lines or CoNLL columns.
 *
 * JSONL: one object per mention, in text order:
 *   {"doc":"ID","start":B,"end":E,"text":"...","id":"...","label":"...",
 *    "type":"...","sentence":S,"source":"...","why":"..."}
 * (source and why when the view gives them: "dictionary" or "discovered",
 * and the evidence that decided, eg_why_name).
 * start/end are byte offsets into the document's text (end exclusive),
 * text is exactly text[start..end), sentence the 0-based sentence index
 * in the document. Strings are JSON-escaped (control characters as
 * \u00XX); the text is valid UTF-8, so the output is too.
 *
 * CoNLL: one token per line, "TOKEN<TAB>TAG" with IOB2 tags (B-TYPE,
 * I-TYPE, O), a blank line after each sentence and "-DOCSTART-" plus a
 * blank line before each document, as conlleval reads it. TYPE is the
 * entity type's class (eg_types.h: person -> PER, place, country, city,
 * region -> LOC, organisation -> ORG, in any case) or the type
 * upper-cased when it is another word. A mention that starts or ends inside a token tags the
 * tokens it overlaps.
 *
 * Writers only print to the FILE given; they return 0 or EG_ERR_RUNTIME
 * when writing fails. Thread-safe per FILE.
 */
#ifndef EG_EXPORT_MENTIONS_H
#define EG_EXPORT_MENTIONS_H

#include "../base/eg_error.h"
#include "../tag/eg_dict.h"
#include "../tag/eg_matcher.h"
#include "../text/eg_segment.h"

#include <stdio.h>

/* The label, id and type a mention shows (eg_tagger_describe). */
typedef struct eg_mention_view {
    const char *id, *label, *type;
    const char *source, *why; /* written when not NULL */
} eg_mention_view_t;

/* Write one document's mentions as JSON lines. view(i) may be NULL: then
 * each mention's entity is taken from dict. */
int eg_export_mentions_jsonl(FILE *fp, const char *doc, const char *text,
                             const eg_mentions_t *m, const eg_dict_t *dict,
                             const eg_mention_view_t *views);

/* Write one document as CoNLL token lines. */
int eg_export_mentions_conll(FILE *fp, const char *text, const eg_segments_t *seg,
                             const eg_mentions_t *m, const eg_dict_t *dict,
                             const eg_mention_view_t *views);

/* The CoNLL class of a type name into out (size >= 2): PER, LOC, ORG or
 * the type upper-cased (truncated to size - 1 bytes). */
void eg_conll_class(const char *type, char *out, size_t size);

#endif
