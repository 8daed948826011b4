/* eg_period.c — periods from days and back. A period is kept as one
 * integer so that counting per period is a hash of (entity, period),
 * and its name is made only when a file is written. */
#include "eg_period.h"

#include <stdio.h>
#include <string.h>

static const char *const NAMES[] = {"none", "year", "quarter", "month", "week", "day"};

int eg_period_parse(const char *s, eg_period_t *out)
{
    for (int k = EG_PERIOD_YEAR; k <= EG_PERIOD_DAY; k++)
        if (strcmp(s, NAMES[k]) == 0) {
            *out = (eg_period_t)k;
            return 0;
        }
    return -1;
}

const char *eg_period_name(eg_period_t kind)
{
    return kind <= EG_PERIOD_DAY ? NAMES[kind] : "?";
}

/* a / b rounded down (b > 0): periods before 1970 have negative days. */
static int32_t floor_div(int32_t a, int32_t b)
{
    return a >= 0 ? a / b : -((-a + b - 1) / b);
}

int32_t eg_period_of(eg_period_t kind, eg_date_t d)
{
    int y, m, day;
    switch (kind) {
    case EG_PERIOD_WEEK: return floor_div(d + 3, 7);
    case EG_PERIOD_DAY: return d;
    default: break;
    }
    eg_date_civil(d, &y, &m, &day);
    return kind == EG_PERIOD_YEAR      ? y
           : kind == EG_PERIOD_QUARTER ? y * 4 + (m - 1) / 3
                                       : y * 12 + m - 1;
}

/* The first day of month number m (year * 12 + month - 1). */
static eg_date_t month_start(int32_t m)
{
    int32_t y = floor_div(m, 12);
    return eg_date_make(y, m - 12 * y + 1, 1);
}

void eg_period_days(eg_period_t kind, int32_t n, eg_date_t *first, eg_date_t *last)
{
    switch (kind) {
    case EG_PERIOD_YEAR:
        *first = eg_date_make(n, 1, 1);
        *last = eg_date_make(n + 1, 1, 1) - 1;
        return;
    case EG_PERIOD_QUARTER:
        *first = month_start(3 * n);
        *last = month_start(3 * n + 3) - 1;
        return;
    case EG_PERIOD_MONTH:
        *first = month_start(n);
        *last = month_start(n + 1) - 1;
        return;
    case EG_PERIOD_WEEK:
        *first = 7 * n - 3;
        *last = 7 * n + 3;
        return;
    default:
        *first = *last = n;
    }
}

void eg_period_label(eg_period_t kind, int32_t n, char out[EG_PERIOD_LABEL_MAX])
{
    eg_date_t first, last;
    eg_period_days(kind, n, &first, &last);
    int y, m, d;
    eg_date_civil(kind == EG_PERIOD_WEEK ? first + 3 : first, &y, &m, &d);
    y = y < 0 ? 0 : y > 9999 ? 9999 : y; /* as eg_date_format */
    unsigned year = (unsigned)y % 10000u, month = (unsigned)m % 100u;
    switch (kind) {
    case EG_PERIOD_YEAR: snprintf(out, EG_PERIOD_LABEL_MAX, "%04u", year); return;
    case EG_PERIOD_QUARTER:
        snprintf(out, EG_PERIOD_LABEL_MAX, "%04u-Q%u", year, (month - 1) / 3 % 10 + 1);
        return;
    case EG_PERIOD_MONTH: snprintf(out, EG_PERIOD_LABEL_MAX, "%04u-%02u", year, month); return;
    case EG_PERIOD_WEEK: {
        /* the week's number: its Thursday's day of the year, in weeks */
        unsigned week = (unsigned)(first + 3 - eg_date_make(y, 1, 1)) / 7 % 100u + 1;
        snprintf(out, EG_PERIOD_LABEL_MAX, "%04u-W%02u", year, week);
        return;
    }
    default: eg_date_format(first, out);
    }
}

int eg_period_parse_label(eg_period_t kind, const char *s, int32_t *out)
{
    size_t n = strlen(s);
    eg_date_t d;
    unsigned y, q;
    char tail;
    if (n < 4 || n > 10)
        return -1;
    if (kind == EG_PERIOD_QUARTER) {
        if (sscanf(s, "%4u-Q%1u%c", &y, &q, &tail) != 2 || q < 1 || q > 4)
            return -1;
        d = eg_date_make((int)y, 3 * (int)q - 2, 1);
    } else if (kind == EG_PERIOD_WEEK) {
        if (sscanf(s, "%4u-W%2u%c", &y, &q, &tail) != 2 || q < 1 || q > 53)
            return -1;
        d = eg_date_make((int)y, 1, 4) + 7 * ((int)q - 1); /* Jan 4 is in week 1 */
    } else if (eg_date_parse(s, n, &d)) {
        return -1;
    }
    *out = eg_period_of(kind, d);
    char again[EG_PERIOD_LABEL_MAX];
    eg_period_label(kind, *out, again);
    return strcmp(again, s) == 0 ? 0 : -1;
}
