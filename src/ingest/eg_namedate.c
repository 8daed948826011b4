/* eg_namedate.c — a date out of a file name; see eg_namedate.h.
 *
 * A small wrapper around one PCRE2 pattern: the source asks it once per
 * file, so the match data is made per call rather than shared, which
 * keeps the compiled pattern read-only and the call thread-safe. The
 * match is bounded (MATCH_LIMIT); a name that hits the bound, or that is
 * not valid UTF-8, is "no match". */
#include "eg_namedate.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

/* A file name is short, but a pattern with nested repeats can still take
 * exponential time on one; past this many steps the name is "no match". */
#define MATCH_LIMIT 1000000

struct eg_namedate {
    pcre2_code *code;
    pcre2_match_context *limits;
    int groups; /* capturing groups in the pattern */
};

int eg_namedate_compile(eg_namedate_t **out, const char *pattern, eg_error_t *err)
{
    int code;
    PCRE2_SIZE offset;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_UCP, &code, &offset, NULL);
    if (!re) {
        char why[200];
        pcre2_get_error_message(code, (PCRE2_UCHAR *)why, sizeof why);
        return eg_error_set(err, EG_ERR_USAGE, NULL, 0,
                            "--date-from-name '%s': column %zu: %s", pattern,
                            (size_t)offset + 1, why);
    }
    eg_namedate_t *nd = calloc(1, sizeof *nd);
    pcre2_match_context *limits = pcre2_match_context_create(NULL);
    uint32_t groups = 0;
    if (!nd || !limits) {
        free(nd);
        pcre2_match_context_free(limits);
        pcre2_code_free(re);
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
    }
    pcre2_set_match_limit(limits, MATCH_LIMIT);
    pcre2_set_depth_limit(limits, MATCH_LIMIT / 10);
    nd->limits = limits;
    pcre2_pattern_info(re, PCRE2_INFO_CAPTURECOUNT, &groups);
    nd->code = re;
    nd->groups = (int)groups;
    *out = nd;
    return 0;
}

void eg_namedate_free(eg_namedate_t *nd)
{
    if (!nd)
        return;
    pcre2_code_free(nd->code);
    pcre2_match_context_free(nd->limits);
    free(nd);
}

int eg_namedate_find(const eg_namedate_t *nd, const char *path, eg_date_t *out,
                     char *text, size_t size)
{
    const char *slash = strrchr(path, '/');
    const char *name = slash ? slash + 1 : path;
    if (text && size)
        text[0] = '\0';
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(nd->code, NULL);
    if (!md)
        return EG_NAMEDATE_NO_MATCH;
    int rc = pcre2_match(nd->code, (PCRE2_SPTR)name, strlen(name), 0, 0, md, nd->limits);
    int result = EG_NAMEDATE_NO_MATCH;
    if (rc > 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        int g = nd->groups > 0 && rc > 1 && ov[2] != PCRE2_UNSET ? 1 : 0;
        size_t start = ov[2 * g], end = ov[2 * g + 1];
        if (text && size) {
            size_t n = end - start < size - 1 ? end - start : size - 1;
            memcpy(text, name + start, n);
            text[n] = '\0';
        }
        result = eg_date_parse(name + start, end - start, out) ? EG_NAMEDATE_NOT_A_DATE
                                                               : EG_NAMEDATE_FOUND;
    }
    pcre2_match_data_free(md);
    return result;
}
