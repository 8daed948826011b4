/* eg_shard.h — partial counts as plain text, for map/reduce runs.
 *
 * `entgraph count` writes the counts of its inputs as a shard; `entgraph
 * merge` adds any number of shards back into one eg_cooc_t and builds
 * the graph from it. Every line is one self-contained record, so shards
 * can be concatenated, and even sorted line by line (as Hadoop Streaming
 * sorts mapper output), without changing the merged result:
 *
 *   H <TAB> entgraph-counts <TAB> 2 <TAB> window=W <TAB> evidence=K [<TAB> period=P]
 *       [<TAB> docs=K]
 *   D <TAB> documents <TAB> windows-with-entities
 *   C <TAB> id <TAB> type <TAB> label <TAB> votes
 *   N <TAB> id <TAB> mentions <TAB> documents <TAB> windows <TAB> first <TAB> last
 *   O <TAB> id <TAB> period <TAB> mentions
 *   R <TAB> id <TAB> document-id <TAB> mentions
 *   P <TAB> id-a <TAB> id-b <TAB> count <TAB> documents <TAB> first <TAB> last
 *   E <TAB> id-a <TAB> id-b <TAB> document-id <TAB> window <TAB> date
 *       <TAB> sentence <TAB> start <TAB> end <TAB> text
 *   Q <TAB> id-a <TAB> id-b <TAB> period <TAB> count
 *   Z <TAB> records
 *
 * With --period (period= in the header; shards of other periods do not
 * merge), O lines count an entity's mentions and Q lines a pair's count
 * per period, the period named as eg_period_label writes it. An O line
 * comes after its entity's N line and a Q line after its pair's P line,
 * written and sorted alike (N < O, P < Q), and each needs that line in
 * its file.
 *
 * With --node-docs K (docs=K in the header; shards of other K merge with
 * the smallest), R lines name the documents kept for an entity, with its
 * mentions in each, after its N line (N < R).
 *
 * Entities are named by their dictionary id (so merge may load the
 * dictionary files in another order); an entity found in the text, not
 * in the dictionary, has C lines first (its votes per type and label,
 * see eg_registry.h), which sort before the lines that name it; dates are YYYY-MM-DD or "-", and
 * strings escape backslash, tab, line feed and carriage return as \\ \t
 * \n \r. Counts add up, dates widen, and evidence keeps the K smallest
 * (see eg_cooc.h), which are all independent of order.
 *
 * The Z line, written last, counts the shard's other lines, so that a
 * file proves it is whole however its lines are ordered: the Z lines of
 * a file add up to the records it holds (a shard cut short lost its Z
 * line). In writing order and sorted alike, an entity's N line comes
 * before the P lines naming it; every pair an E line names has its P line
 * in the same file. Counts are decimal digits within 64 bits, and so are
 * their sums.
 */
#ifndef EG_SHARD_H
#define EG_SHARD_H

#include "../base/eg_error.h"
#include "../tag/eg_dict.h"
#include "eg_cooc.h"
#include "eg_registry.h"

#include <stdio.h>

#define EG_SHARD_VERSION 2

/* The longest shard line read (count writes lines of a few KiB: evidence
 * and document ids are cut to the evidence limit); a longer one is
 * EG_ERR_DATA, so a hostile shard cannot take memory without end. */
#define EG_SHARD_MAX_LINE (256u << 20)

/* Write the counts c (made with dict, whose found entities the registry
 * `found` voted on; NULL: none) to out. Returns 0 or EG_ERR_RUNTIME. */
int eg_shard_write(FILE *out, const eg_dict_t *dict, const eg_registry_t *found,
                   const eg_cooc_t *c, eg_window_t window, eg_error_t *err);

/* What the header lines of the shards read so far said. */
typedef struct eg_shard_info {
    int have_header;
    eg_window_t window;
    eg_period_t period; /* EG_PERIOD_NONE when the counts have none */
    unsigned node_docs; /* the smallest docs= K seen (0: none) */
    int node_docs_differs;
    unsigned evidence; /* the smallest K seen */
    int evidence_differs;
    uint64_t files; /* files read so far (the reader marks what each holds) */
} eg_shard_info_t;

/* Add the shard at path ("-" = stdin; .gz is decompressed) into c, which
 * was initialised for dict; entities found in text go to the registry
 * `found` (the caller finishes it, as after counting). c holds only what
 * shards gave it (the reader marks entities and pairs in the last_doc
 * fields that counting uses). Errors name path:LINE: EG_ERR_DATA for a
 * malformed line, an unknown entity id, a window that differs from an
 * earlier shard's, a count past 64 bits, a pair without its N lines or
 * evidence without its P line; path alone for a file that is not whole (Z
 * lines that do not add up, a truncated or corrupt .gz); EG_ERR_RUNTIME
 * when the file cannot be read. */
int eg_shard_read(const char *path, const eg_dict_t *dict, eg_registry_t *found,
                  eg_cooc_t *c, eg_shard_info_t *info, eg_error_t *err);

#endif
