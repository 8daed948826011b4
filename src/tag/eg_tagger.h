/* eg_tagger.h — document-level rules over the matcher's mentions.
 *
 * eg_matcher_scan looks at one span at a time. Some decisions need the
 * whole document, so they run as a post-pass over one document's
 * mentions, right after the scan, with the same scratch:
 *
 *   eg_matcher_scan(m, text, &seg, &scratch, &mentions);
 *   eg_tagger_resolve(m, text, &seg, &scratch, &mentions, EG_RULES_DEFAULT);
 *
 * Rules (bits of `rules`):
 *
 * EG_RULE_PARTIAL  A capitalised word that no alias matched but that is
 *   one word of a person's multi-word name matched earlier in the same
 *   document is a mention of that person ("Dmitry Peskov ... Peskov
 *   said"). Common lower-case words (the dictionary's words list) and
 *   words shared by two such names in the document are left alone.
 *
 * EG_RULE_INITIAL  A one-word mention at the start of a sentence (after
 *   any opening quotes or brackets) whose word is on the dictionary's
 *   list of common lower-case words is dropped ("Reading the report",
 *   "Police said"), unless the same entity is also matched elsewhere in
 *   the document away from a sentence start. Forms in capitals (ECHR,
 *   US) are kept.
 *
 * EG_RULE_EMBEDDED  A mention directly preceded or followed (no
 *   punctuation between) by a capitalised word that is not at a sentence
 *   start and not part of another mention is dropped: it is most likely
 *   a piece of a longer name the dictionary does not hold ("Florida" in
 *   "Florida Atlantic University"). Off by default (see README).
 *
 * EG_RULE_PATTERNS is not applied here: it tells the caller to run
 * eg_patterns_scan (eg_patterns.h) after this function.
 *
 * Mentions stay in text order, without overlaps; added mentions have
 * alias = EG_ALIAS_NONE (no dictionary alias matched). No allocation per
 * token: the scratch's working arrays grow per document and are reused.
 * Thread-safe with one scratch per thread.
 */
#ifndef EG_TAGGER_H
#define EG_TAGGER_H

#include "eg_matcher.h"

#define EG_ALIAS_NONE UINT32_MAX

enum eg_rule {
    EG_RULE_PARTIAL = 1u << 0,
    EG_RULE_INITIAL = 1u << 1,
    EG_RULE_EMBEDDED = 1u << 2,
    EG_RULE_PATTERNS = 1u << 3, /* for callers: run eg_patterns_scan too */
};

#define EG_RULES_DEFAULT (EG_RULE_PARTIAL | EG_RULE_INITIAL | EG_RULE_PATTERNS)
#define EG_RULES_ALL (EG_RULES_DEFAULT | EG_RULE_EMBEDDED)

/* Apply rules to the mentions eg_matcher_scan just found in this
 * document (scratch must be the one that scan used). Returns 0 or
 * EG_ERR_RUNTIME when memory runs out (mentions are then unchanged). */
int eg_tagger_resolve(const eg_matcher_t *m, const char *text,
                      const eg_segments_t *seg, eg_match_scratch_t *scratch,
                      eg_mentions_t *mentions, unsigned rules);

/* Parse a comma-separated rule list ("partial,initial", "all",
 * "default", "none") into bits. Returns 0, or -1 naming no rule. */
int eg_rules_parse(const char *list, unsigned *rules);

/* The comma-separated names of the rules (for --help). */
const char *eg_rules_names(void);

#endif
