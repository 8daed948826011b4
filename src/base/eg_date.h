/* eg_date.h — calendar dates as day numbers.
 *
 * Documents may carry an ISO-8601 date of a year, a month or a day;
 * entgraph keeps a day, as the number of days since 1970-01-01
 * (proleptic Gregorian), so dates compare as integers and print back
 * unchanged. Pure functions.
 */
#ifndef EG_DATE_H
#define EG_DATE_H

#include <stddef.h>
#include <stdint.h>

typedef int32_t eg_date_t;
#define EG_NO_DATE INT32_MIN

/* Parse a date of any precision: "YYYY", "YYYY-MM" or "YYYY-MM-DD", the
 * last optionally followed by a time ("T12:00:00Z", " 12:00") which is
 * ignored. A date without its day stands for its first day: "1790" is
 * 1790-01-01, "1790-07" is 1790-07-01 (and prints so). Returns 0, or -1
 * when s is not such a date (a wrong day of the month included). */
int eg_date_parse(const char *s, size_t n, eg_date_t *out);

/* An integer year 0..9999 (a JSON number) as its first day; -1 outside. */
int eg_date_from_year(long long year, eg_date_t *out);

/* The day of year y (0..9999), month m (1..12), day d (1..31; not
 * checked: day 0 is the last of the month before). */
eg_date_t eg_date_make(int y, int m, int d);

/* The year, month (1..12) and day (1..31) of a date. */
void eg_date_civil(eg_date_t date, int *y, int *m, int *d);

/* Write "YYYY-MM-DD" (11 bytes with the NUL). */
void eg_date_format(eg_date_t d, char out[11]);

#endif
