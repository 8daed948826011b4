/* eg_period.h — calendar periods (--period): a year, a quarter, a month,
 * an ISO week or a day, numbered so that periods of one kind compare as
 * integers, and named as they sort:
 *
 *   year     2004           number: the year
 *   quarter  2004-Q3        year * 4 + quarter - 1
 *   month    2004-09        year * 12 + month - 1
 *   week     2004-W36       ISO 8601 week (Monday to Sunday; the year is
 *                           the year of its Thursday); number: Mondays
 *                           since 1969-12-29
 *   day      2004-09-03     the day (eg_date_t)
 *
 * Pure functions, thread-safe. */
#ifndef EG_PERIOD_H
#define EG_PERIOD_H

#include "eg_date.h"

#include <stdint.h>

typedef enum eg_period {
    EG_PERIOD_NONE = 0,
    EG_PERIOD_YEAR,
    EG_PERIOD_QUARTER,
    EG_PERIOD_MONTH,
    EG_PERIOD_WEEK,
    EG_PERIOD_DAY,
} eg_period_t;

/* "year", "quarter", "month", "week" or "day"; -1 when none. */
int eg_period_parse(const char *s, eg_period_t *out);
/* The word eg_period_parse reads ("none" for EG_PERIOD_NONE). */
const char *eg_period_name(eg_period_t kind);

/* The number of the period of kind that holds date d (not EG_NO_DATE). */
int32_t eg_period_of(eg_period_t kind, eg_date_t d);

/* Its name, as in the table above. */
#define EG_PERIOD_LABEL_MAX 12
void eg_period_label(eg_period_t kind, int32_t n, char out[EG_PERIOD_LABEL_MAX]);

/* The number of a period named s, which must be written exactly as
 * eg_period_label writes it; -1 when it is not. */
int eg_period_parse_label(eg_period_t kind, const char *s, int32_t *out);

/* The first and last day of period n. */
void eg_period_days(eg_period_t kind, int32_t n, eg_date_t *first, eg_date_t *last);

#endif
