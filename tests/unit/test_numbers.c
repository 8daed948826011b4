/* test_numbers.c — the printf-free fast paths of eg_round_sig and
 * eg_format_number give what printf gives, to the last bit and byte:
 * every file's numbers go through them. Each is checked against the
 * plain printf/strtod definition on values of every magnitude, on
 * values already rounded to 12 digits (what the graph stores), and on
 * near-ties at the 13th digit, where a cheap rounding would go wrong. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/eg_export_attrs.h"
#include "graph/eg_measures.h"

static double printf_round_sig(double v)
{
    if (!isfinite(v) || v == 0)
        return v == 0 ? 0 : v;
    char buf[32];
    snprintf(buf, sizeof buf, "%.12g", v);
    return strtod(buf, NULL);
}

/* eg_format_number's definition, in printf terms (-0.0 + 0.0 is 0.0). */
static void printf_format(char *buf, size_t n, double v)
{
    const char *word = isnan(v) ? "NaN" : !isinf(v) ? NULL : v > 0 ? "INF" : "-INF";
    if (word)
        snprintf(buf, n, "%s", word);
    else if (v == floor(v) && fabs(v) < 9.0e15)
        snprintf(buf, n, "%.0f", v + 0.0);
    if (word || (v == floor(v) && fabs(v) < 9.0e15))
        return;
    snprintf(buf, n, "%.15g", v);
    if (strtod(buf, NULL) != v) /* 15 digits do not read back */
        snprintf(buf, n, "%.17g", v);
}

/* The i-th test value: kinds in turn, magnitudes 1e-20 .. 1e20. */
static double sample(long i)
{
    double e = drand48() * 40 - 20, v;
    switch (i % 6) {
    case 0: v = pow(10, e); break;
    case 1: v = -pow(10, e) * drand48(); break;
    case 2: v = printf_round_sig(pow(10, e) * drand48()); break;
    case 3: v = round(drand48() * 1e6) / 100; break; /* layout coordinates */
    case 4: v = (floor(drand48() * 9e11 + 1e11) + 0.5) / pow(10, (int)(e / 2) + 5); break;
    default: {
        uint64_t bits = ((uint64_t)lrand48() << 33) ^ ((uint64_t)lrand48() << 11) ^
                        (uint64_t)lrand48();
        memcpy(&v, &bits, sizeof v);
    }
    }
    return v;
}

static void test_round_sig_is_printf_rounding(void **state)
{
    (void)state;
    srand48(1);
    for (long i = 0; i < 300000; i++) {
        double v = sample(i), want = printf_round_sig(v), got = eg_round_sig(v);
        if (isnan(want))
            assert_true(isnan(got));
        else
            assert_memory_equal(&got, &want, sizeof got);
    }
}

static void test_format_number_is_printf(void **state)
{
    (void)state;
    srand48(2);
    for (long i = 0; i < 300000; i++) {
        double v = sample(i);
        char want[64], got[64];
        printf_format(want, sizeof want, v);
        eg_format_number(got, sizeof got, v);
        assert_string_equal(got, want);
    }
    char got[64];
    static const double edges[] = {0.0001, 0.001, 0.1, 0.5, 1e14 + 0.5, 999999999999999.9,
                                   -0.0, 9e15, -9e15 + 1, 0.00009999999999999999};
    for (size_t i = 0; i < sizeof edges / sizeof *edges; i++) {
        char want[64];
        printf_format(want, sizeof want, edges[i]);
        eg_format_number(got, sizeof got, edges[i]);
        assert_string_equal(got, want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_sig_is_printf_rounding),
        cmocka_unit_test(test_format_number_is_printf),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
