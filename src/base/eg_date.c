/* eg_date.c — days from civil dates and back (Howard Hinnant's
 * algorithms, exact for the proleptic Gregorian calendar). */
#include "eg_date.h"


static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = (int64_t)yoe + era * 400 + (*m <= 2);
}

static int digits(const char *s, size_t n, unsigned *out)
{
    unsigned v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (unsigned)(s[i] - '0');
    }
    *out = v;
    return 0;
}

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD" at the start of s[0..n): the
 * number of bytes read (4, 7 or 10), 0 when none fits. */
static size_t civil_prefix(const char *s, size_t n, unsigned *y, unsigned *m, unsigned *d)
{
    *m = *d = 1;
    if (n < 4 || digits(s, 4, y))
        return 0;
    if (n == 4)
        return 4;
    if (s[4] != '-' || n < 7 || digits(s + 5, 2, m))
        return 0;
    if (n == 7)
        return 7;
    if (s[7] != '-' || n < 10 || digits(s + 8, 2, d))
        return 0;
    return 10;
}

int eg_date_parse(const char *s, size_t n, eg_date_t *out)
{
    unsigned y, m, d;
    size_t k = civil_prefix(s, n, &y, &m, &d);
    if (k == 0 || (k < n && (k != 10 || (s[10] != 'T' && s[10] != 't' && s[10] != ' '))))
        return -1;
    static const unsigned days_in[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > days_in[m - 1])
        return -1;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m == 2 && d == 29 && !leap)
        return -1;
    *out = (eg_date_t)days_from_civil(y, m, d);
    return 0;
}

int eg_date_from_year(long long year, eg_date_t *out)
{
    if (year < 0 || year > 9999)
        return -1;
    *out = (eg_date_t)days_from_civil(year, 1, 1);
    return 0;
}

eg_date_t eg_date_make(int y, int m, int d)
{
    return (eg_date_t)(days_from_civil(y, (unsigned)m, 1) + d - 1);
}

void eg_date_civil(eg_date_t date, int *y, int *m, int *d)
{
    int64_t yy;
    unsigned mm, dd;
    civil_from_days(date, &yy, &mm, &dd);
    *y = (int)yy;
    *m = (int)mm;
    *d = (int)dd;
}

void eg_date_format(eg_date_t days, char out[11])
{
    int64_t y;
    unsigned m, d;
    civil_from_days(days, &y, &m, &d);
    /* Years outside 0..9999 cannot come from eg_date_parse; clamp them so
     * the text always fits "YYYY-MM-DD". */
    unsigned year = y < 0 ? 0 : y > 9999 ? 9999 : (unsigned)y;
    out[0] = (char)('0' + year / 1000);
    out[1] = (char)('0' + year / 100 % 10);
    out[2] = (char)('0' + year / 10 % 10);
    out[3] = (char)('0' + year % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10 % 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10 % 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
}
