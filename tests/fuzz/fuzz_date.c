/* fuzz_date.c — the date readers: eg_date_parse on the whole input (a
 * date of any precision, a timestamp), and --date-from-name's
 * eg_namedate: the input's first line is the pattern, the rest the path
 * whose base name it searches. A date read must print back as the day it
 * was read from (a year or a month as its first day) and read back as the
 * same day number. */
#include "fuzz_util.h"

#include "../../src/base/eg_date.h"
#include "../../src/ingest/eg_namedate.h"

#include <stdlib.h>
#include <string.h>

static void check_date(const uint8_t *data, size_t size)
{
    eg_date_t d;
    if (eg_date_parse((const char *)data, size, &d) != 0)
        return;
    char out[11];
    eg_date_format(d, out);
    char want[11] = "....-01-01";
    size_t k = size < 10 ? size : 10;
    memcpy(want, data, k);
    eg_date_t again;
    if (strcmp(out, want) != 0 || eg_date_parse(out, 10, &again) != 0 || again != d)
        abort();
}

static void check_name(const uint8_t *data, size_t size)
{
    const uint8_t *nl = memchr(data, '\n', size);
    if (!nl || memchr(data, '\0', size))
        return;
    size_t plen = (size_t)(nl - data);
    char *pattern = malloc(plen + 1), *path = malloc(size - plen);
    if (!pattern || !path)
        abort();
    memcpy(pattern, data, plen);
    pattern[plen] = '\0';
    memcpy(path, nl + 1, size - plen - 1);
    path[size - plen - 1] = '\0';
    eg_namedate_t *nd = NULL;
    eg_error_t err;
    if (eg_namedate_compile(&nd, pattern, &err) == 0) {
        eg_date_t d;
        char text[16];
        int r = eg_namedate_find(nd, path, &d, text, sizeof text);
        if (r != EG_NAMEDATE_FOUND && r != EG_NAMEDATE_NO_MATCH && r != EG_NAMEDATE_NOT_A_DATE)
            abort();
        if (strlen(text) >= sizeof text)
            abort();
        eg_namedate_free(nd);
    }
    free(pattern);
    free(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_date(data, size);
    check_name(data, size);
    return 0;
}
