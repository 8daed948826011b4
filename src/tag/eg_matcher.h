/* eg_matcher.h — finding dictionary names in segmented text.
 *
 * The matcher is a trie over token ids: every alias is cut into tokens
 * exactly as text is (eg_tokenize), each folded token is interned in a
 * vocabulary, and the alias becomes a path of token ids. Scanning looks
 * a text token up only when a match could start or go on there (a
 * lower-case word that no alias may start with is ruled out by a small
 * set first; short ASCII tokens take a table of their own, see
 * eg_fastvocab.h) and walks the trie: whole tokens only, the
 * longest match wins, leftmost first, no overlaps, never across a
 * sentence. A possessive token ("Russia's") can end a match on its base.
 *
 * Case policy per alias: fold (any case), exact (as written), auto (an
 * alias without lower-case letters and with capitals or digits, such as
 * ECHR or G7, is exact; any other matches in any case except an
 * all-lower-case span). When several entities share a surface form, the
 * entity with the highest priority wins, then the one whose alias came
 * first in the dictionary. Aliases on the dictionary's stop list are
 * never matched, and a stop-list form of two words or more blocks the
 * names inside it ("Monroe Doctrine": no Monroe there) wherever it is
 * written with a capital (like an alias of auto case).
 *
 * The matcher keeps pointers into the dictionary: free it first. Scanning
 * is read-only on the matcher, so threads may share one matcher, each
 * with its own scratch.
 */
#ifndef EG_MATCHER_H
#define EG_MATCHER_H

#include "../base/eg_buf.h"
#include "../base/eg_error.h"
#include "../text/eg_segment.h"
#include "eg_dict.h"

#include <stddef.h>
#include <stdint.h>

/* Why a mention is there and is this entity: the evidence that decided
 * (tag JSONL's "why", see eg_why_name). */
enum eg_why {
    EG_WHY_ALIAS = 0,    /* a dictionary alias; the only entity with it */
    EG_WHY_PRIORITY,     /* several entities share the form: the most
                            important (priority, hand-written, kind, population) */
    EG_WHY_CONTEXT,      /* ... the one the document's other places point to */
    EG_WHY_LOCATIVE,     /* ... the place, after "in", "at", "near"... */
    EG_WHY_ONE_SENSE,    /* ... the one an earlier mention in the document took */
    EG_WHY_PERSON,       /* a person's surname, not the place of that name */
    EG_WHY_PARTIAL,      /* one word of a name the document gave in full */
    EG_WHY_GIVEN_NAME,   /* found: a capitalised name opened by a given name */
    EG_WHY_TITLE,        /* found: a capitalised name after a title or role */
    EG_WHY_ORG_HEAD,     /* found: a capitalised name ending in an organisation head */
    EG_WHY_ORG_SUFFIX,   /* found: a name ending in a legal suffix (Ltd, GmbH) */
    EG_WHY_ACRONYM,      /* found: an acronym the text defines "(ECHR)" */
    EG_WHY_PLACE_HEAD,   /* found: a capitalised name with a place head (County, Lake) */
    EG_WHY_PATTERN,      /* found: a pattern of patterns.tsv */
    EG_WHY_COUNT
};

/* "alias", "priority", "context", ... */
const char *eg_why_name(unsigned why);

typedef struct eg_mention {
    uint32_t start, end;   /* byte span; a possessive 's is not included */
    uint32_t entity;       /* index into the dictionary's entities, or
                              EG_ENTITY_FOUND (see eg_found.h) */
    uint32_t alias;        /* index into the dictionary's aliases, or
                              EG_ALIAS_NONE; for EG_ENTITY_FOUND the index
                              of the found entity in the document */
    uint32_t sentence;     /* index into the segments' sentences */
    uint32_t first_token;  /* tokens [first_token, first_token + ntokens) */
    uint32_t ntokens;
    uint8_t why;           /* enum eg_why */
} eg_mention_t;

#define EG_ALIAS_NONE UINT32_MAX
#define EG_ENTITY_FOUND (UINT32_MAX - 1)

typedef struct eg_mentions {
    eg_mention_t *items;
    size_t n, cap;
} eg_mentions_t;

void eg_mentions_free(eg_mentions_t *m);

/* Append one mention; set the list to n mentions copied from items
 * (items must not point into m). Return 0 or -1 (out of memory). */
int eg_mentions_push(eg_mentions_t *m, const eg_mention_t *mn);
int eg_mentions_assign(eg_mentions_t *m, const eg_mention_t *items, size_t n);

typedef struct eg_matcher eg_matcher_t;

/* Per-thread working memory for eg_matcher_scan; zero-initialise it,
 * free it with eg_match_scratch_free. */
typedef struct eg_match_scratch {
    eg_buf_t folded, fold_work;
    int32_t *ids;      /* per token: vocabulary id, -1 none, -3 not looked up */
    int32_t *base_ids; /* the same for a possessive's base */
    size_t cap;
    int oom;           /* a lookup ran out of memory */
    eg_mentions_t blocked; /* spans the last scan matched on a stop-list
                              form of two words or more (entity, alias
                              unused): no rule should make a name there */
    /* Ids of short non-ASCII tokens (curly quotes, dashes, accented
     * names) by their raw bytes, so that each is folded once, not at
     * every occurrence; valid for the matcher `cached_for` only. */
    struct eg_raw_id { uint64_t bytes[2]; int32_t id; uint32_t len; } raw_ids[256];
    const void *cached_for;
} eg_match_scratch_t;

void eg_match_scratch_free(eg_match_scratch_t *s);

/* Compile the dictionary's aliases. An alias with no token (only spaces)
 * is skipped with a warning. Returns 0 or EG_ERR_RUNTIME. */
int eg_matcher_build(eg_matcher_t **out, const eg_dict_t *dict,
                     const eg_warner_t *warn, eg_error_t *err);
void eg_matcher_free(eg_matcher_t *m);

/* Number of trie nodes and vocabulary entries (for statistics). */
size_t eg_matcher_nodes(const eg_matcher_t *m);
size_t eg_matcher_vocabulary(const eg_matcher_t *m);

/* The class (enum eg_type_class) of every entity of the dictionary, one
 * byte each: the same as entities[e].tclass, in a table that stays in
 * cache. */
const uint8_t *eg_matcher_entity_classes(const eg_matcher_t *m);

/* Number of aliases left out because the stop list holds them. */
size_t eg_matcher_stopped(const eg_matcher_t *m);

/* The word lists that hold each vocabulary word: table[id] has bit
 * 1 << k for every list k of eg_wordlists.h, for id < *n. Every entry of
 * every list but the stop list is a vocabulary token (the last word of a
 * multi-word entry stands for it: "Prime Minister" -> minister, the one
 * before "of" for "Secretary of State"). */
const uint16_t *eg_matcher_class_table(const eg_matcher_t *m, size_t *n);

/* Is any vocabulary word on a word list (the table above not all 0)? */
int eg_matcher_has_classes(const eg_matcher_t *m);

/* A 256-bit filter over the words of the lists a lower-case word can be
 * on for the rules (titles, particles): bit eg_class_filter_bit(c, n) is
 * set for every such word of first byte c and length n, so that most
 * lower-case words are ruled out without a lookup. */
const uint64_t *eg_matcher_class_filter(const eg_matcher_t *m);

static inline unsigned eg_class_filter_bit(unsigned char first, size_t len)
{
    return (unsigned)(first * 7u + (unsigned)len) & 255u;
}

/* The dictionary the matcher was built from. */
const eg_dict_t *eg_matcher_dict(const eg_matcher_t *m);

/* Find the mentions in one segmented document; out is cleared first and
 * filled in text order. Returns 0 or EG_ERR_RUNTIME.
 *
 * eg_matcher_scan starts only where a match can start: at the tokens
 * with a capital and the inner words of aliases right before them ("de"
 * of "de Gaulle"), unless the dictionary has aliases that match text
 * without any capital (fold, or exact ones written without one);
 * eg_matcher_scan_dense tries every token. Both give the same mentions
 * and blocked spans (the dense one is the oracle of the tests). */
int eg_matcher_scan(const eg_matcher_t *m, const char *text,
                    const eg_segments_t *seg, eg_match_scratch_t *scratch,
                    eg_mentions_t *out);
int eg_matcher_scan_dense(const eg_matcher_t *m, const char *text,
                          const eg_segments_t *seg, eg_match_scratch_t *scratch,
                          eg_mentions_t *out);

/* After eg_matcher_scan, until the next scan with this scratch: the
 * vocabulary id of token k of that document (-1 when no alias contains
 * it), and of its possessive base (-1 when it has none or no alias
 * contains it). Looked up on first use and remembered. A lookup that
 * runs out of memory answers -1 and sets scratch->oom. */
int32_t eg_matcher_token_id(const eg_matcher_t *m, eg_match_scratch_t *scratch,
                            const char *text, const eg_segments_t *seg, size_t k);
int32_t eg_matcher_base_id(const eg_matcher_t *m, eg_match_scratch_t *scratch,
                           const char *text, const eg_segments_t *seg, size_t k);

/* The aliases that match the span of mention mn (found by
 * eg_matcher_scan in this text) as well as its own: every alias with the
 * same tokens whose case policy accepts the span, its own included, in
 * the matcher's order (priority, then dictionary order). Writes up to
 * max alias indexes and returns how many. */
/* Do other aliases end at the same trie node as alias ai (the same
 * tokens)? When not, eg_matcher_alternatives has only ai to give. */
int eg_matcher_shared(const eg_matcher_t *m, uint32_t ai);

size_t eg_matcher_alternatives(const eg_matcher_t *m, const char *text,
                               const eg_segments_t *seg, const eg_mention_t *mn,
                               uint32_t *aliases, size_t max);

#endif
