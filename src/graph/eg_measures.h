/* eg_measures.h — association measures of a co-occurring pair.
 *
 * A raw count favours the hubs: an entity in every other sentence
 * co-occurs with everything. An association measure compares the pair's
 * count with what the two entities' own frequencies would give by chance.
 * With W windows holding at least one entity, n_i windows holding i,
 * n_j holding j and n_ij holding both (eg_cooc_t's windows,
 * windows_with_entities and pair count):
 *
 *   pmi     = ln(n_ij W / (n_i n_j))             (0 = as often as chance)
 *   npmi    = pmi / -ln(n_ij / W)                in [-1, 1]; 1 when n_ij = W
 *   dice    = 2 n_ij / (n_i + n_j)               in (0, 1]
 *   jaccard = n_ij / (n_i + n_j - n_ij)          in (0, 1]
 *   assoc   = n_ij W / (n_i n_j)                 VOSviewer's association
 *             strength (van Eck & Waltman 2009, s_ij = c_ij / (c_i c_j))
 *             multiplied by W, so that 1 = as often as chance; the
 *             factor is the same for every pair, so it ranks the pairs
 *             exactly as VOSviewer does
 *   llr     = Dunning's (1993) log-likelihood ratio G^2 of the 2x2 table
 *             [n_ij, n_i - n_ij; n_j - n_ij, W - n_i - n_j + n_ij]:
 *             2 sum k ln(k W / (row col)), 0 ln 0 = 0; always >= 0
 *             (large for pairs far from independence either way)
 *
 * Pure functions, thread-safe.
 */
#ifndef EG_MEASURES_H
#define EG_MEASURES_H

#include <stdint.h>

typedef enum eg_measure {
    EG_MEASURE_COUNT = 0,
    EG_MEASURE_PMI,
    EG_MEASURE_NPMI,
    EG_MEASURE_DICE,
    EG_MEASURE_JACCARD,
    EG_MEASURE_ASSOC,
    EG_MEASURE_LLR,
    EG_MEASURE_N
} eg_measure_t;

/* Parse "count", "pmi", ... ; 0, or -1 when unknown. */
int eg_measure_parse(const char *s, eg_measure_t *out);

/* "count", "pmi", ... (the attribute names). */
const char *eg_measure_name(eg_measure_t m);

/* All measures of one pair; value[EG_MEASURE_COUNT] = n_ij. Needs
 * 0 < n_ij <= min(n_i, n_j) and n_i, n_j <= W (true for counts from one
 * eg_cooc_t); otherwise every value is NaN. n_i + n_j - n_ij may pass W
 * when the pair was cut from a capped window (--max-window-entities):
 * llr then takes W = n_i + n_j - n_ij, the smallest total its table
 * allows; the other measures need no fourth cell. */
void eg_measures_compute(uint64_t n_ij, uint64_t n_i, uint64_t n_j, uint64_t w,
                         double value[EG_MEASURE_N]);

/* v rounded to 12 significant digits (NaN and infinities unchanged).
 * Stored measures and analytics go through it, so every format prints
 * the same short number and last-bit differences of libm between
 * machines do not show in the files. */
double eg_round_sig(double v);

#endif
