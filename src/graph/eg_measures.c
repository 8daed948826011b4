/* eg_measures.c — association measures from window counts; see
 * eg_measures.h for the definitions. Logarithms of ratios are taken as
 * differences of logarithms of the counts, so nothing overflows for
 * large corpora (n_ij W can pass 2^64). */
#include "eg_measures.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const NAMES[EG_MEASURE_N] = {
    "count", "pmi", "npmi", "dice", "jaccard", "assoc", "llr",
};

int eg_measure_parse(const char *s, eg_measure_t *out)
{
    for (int m = 0; m < EG_MEASURE_N; m++)
        if (strcmp(s, NAMES[m]) == 0) {
            *out = (eg_measure_t)m;
            return 0;
        }
    return -1;
}

const char *eg_measure_name(eg_measure_t m)
{
    return m >= 0 && m < EG_MEASURE_N ? NAMES[m] : "?";
}

/* k ln(k w / (row col)), with 0 ln 0 = 0. */
static double llr_term(double k, double row, double col, double w)
{
    if (k <= 0)
        return 0;
    return k * (log(k) + log(w) - log(row) - log(col));
}

static double dunning_g2(double k11, double n_i, double n_j, double w)
{
    /* a pair cut from a capped window (--max-window-entities) may count
     * less than its entities' windows say: the table's last cell would
     * be negative, so W is raised to the smallest total it allows */
    if (n_i + n_j - k11 > w)
        w = n_i + n_j - k11;
    double k12 = n_i - k11, k21 = n_j - k11, k22 = w - n_i - n_j + k11;
    double g2 = 2 * (llr_term(k11, n_i, n_j, w) + llr_term(k12, n_i, w - n_j, w) +
                     llr_term(k21, w - n_i, n_j, w) + llr_term(k22, w - n_i, w - n_j, w));
    return g2 < 0 ? 0 : g2; /* rounding can leave -1e-16 for independence */
}

void eg_measures_compute(uint64_t n_ij, uint64_t n_i, uint64_t n_j, uint64_t w,
                         double value[EG_MEASURE_N])
{
    double k = (double)n_ij, a = (double)n_i, b = (double)n_j, n = (double)w;
    if (n_ij == 0 || n_ij > n_i || n_ij > n_j || n_i > w || n_j > w) {
        for (int m = 0; m < EG_MEASURE_N; m++)
            value[m] = NAN;
        return;
    }
    double pmi = log(k) + log(n) - log(a) - log(b);
    /* independence exactly: the logarithms leave +-1e-16, printed as such */
    if ((unsigned __int128)n_ij * w == (unsigned __int128)n_i * n_j)
        pmi = 0;
    value[EG_MEASURE_COUNT] = k;
    value[EG_MEASURE_PMI] = pmi;
    value[EG_MEASURE_NPMI] = n_ij == w ? 1.0 : pmi / (log(n) - log(k));
    value[EG_MEASURE_DICE] = 2 * k / (a + b);
    value[EG_MEASURE_JACCARD] = k / (a + b - k);
    value[EG_MEASURE_ASSOC] = k * n / (a * b);
    value[EG_MEASURE_LLR] = dunning_g2(k, a, b, n);
}

/* Exact powers of ten: 10^k is a double with no rounding up to 10^22. */
static const double P10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8,
                             1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

/* eg_round_sig without printf for |v| in [1e-4, 1e12), or 0 when the
 * value is too close to a rounding tie to decide cheaply (then the
 * caller prints). m = |v| 10^k carries a relative error below 2^-53,
 * about 1e-4 at 12 digits, so away from .5 its nearest integer is the
 * one printf rounds to; and m / 10^k with both exact is the correctly
 * rounded double strtod returns for those digits (Clinger's fast path).
 * This runs once per measure per edge: printf was most of add_edges. */
static double round_sig_fast(double v)
{
    double a = fabs(v);
    if (!(a >= 1e-4 && a < 1e12))
        return 0;
    int x = 11; /* decimal exponent: 10^x <= a, roughly */
    while (x > -4 && a < (x >= 0 ? P10[x] : 1 / P10[-x]))
        x--;
    double m = a * P10[11 - x], r = nearbyint(m);
    if (fabs(fabs(m - r) - 0.5) < 2e-3 || r < 1e11 || r >= 1e12)
        return 0;
    double out = r / P10[11 - x];
    return v < 0 ? -out : out;
}

double eg_round_sig(double v)
{
    if (!isfinite(v) || v == 0)
        return v == 0 ? 0 : v; /* also turns -0 into 0 */
    double fast = round_sig_fast(v);
    if (fast != 0)
        return fast;
    char buf[32];
    snprintf(buf, sizeof buf, "%.12g", v);
    return strtod(buf, NULL);
}
