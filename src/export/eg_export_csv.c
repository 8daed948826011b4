/* eg_export_csv.c — two CSV tables for Gephi's spreadsheet import.
 *
 * Gephi's Data Laboratory (Import Spreadsheet) recognises the columns Id
 * and Label in a node table and Source, Target, Type and Weight in an
 * edge table; every other column is imported as an attribute. The files
 * follow RFC 4180: comma-separated, "\r\n" line ends, a field quoted
 * (with "" for a quote) when it holds a comma, a quote or a line break.
 * Numbers are printed as in the other formats; NaN is an empty field.
 *
 * A spreadsheet takes a cell that begins with = + - @, a tab or a carriage
 * return for a formula, and corpus or dictionary text can begin that way
 * (an evidence cell starting with a JSONL id "=HYPERLINK(...)"). Every
 * text cell that does — ids, labels, string attributes, header names —
 * gets a leading ' (the OWASP rule), which spreadsheets show as text.
 * Numeric columns are never touched: -0.25 stays a number. */
#include "eg_export.h"

#include "../graph/eg_network.h"
#include "eg_export_attrs.h"

#include <math.h>
#include <string.h>

static int formula_like(const char *s)
{
    return *s && strchr("=+-@\t\r", *s) != NULL;
}

/* One cell; text: a text cell (guarded against formulas). */
static int put_cell(FILE *out, const char *s, int first, int text)
{
    if (!first && fputc(',', out) == EOF)
        return -1;
    const char *guard = text && formula_like(s) ? "'" : "";
    if (!strpbrk(s, ",\"\r\n"))
        return fputs(guard, out) == EOF || fputs(s, out) == EOF ? -1 : 0;
    if (fputc('"', out) == EOF || fputs(guard, out) == EOF)
        return -1;
    for (; *s; s++)
        if ((*s == '"' && fputc('"', out) == EOF) || fputc(*s, out) == EOF)
            return -1;
    return fputc('"', out) == EOF ? -1 : 0;
}

static int put_text(FILE *out, const char *s, int first)
{
    return put_cell(out, s, first, 1);
}

static int skip(char kind, const char *name)
{
    if (kind == 'v')
        return strcmp(name, "id") == 0 || strcmp(name, "label") == 0;
    return strcmp(name, "weight") == 0;
}

static int put_value(FILE *out, const igraph_t *g, const eg_attr_list_t *l,
                     igraph_integer_t k, char kind, igraph_integer_t i, eg_buf_t *scratch)
{
    char num[64];
    int failed = 0;
    const char *text = eg_attr_text(g, l, k, kind, i, num, scratch, &failed);
    int is_text = VECTOR(l->types)[k] == IGRAPH_ATTRIBUTE_STRING;
    return failed ? -1 : put_cell(out, text ? text : "", 0, is_text);
}

static int put_header(FILE *out, const char *const *fixed, const eg_attr_list_t *l, char kind)
{
    for (int i = 0; fixed[i]; i++)
        if (put_text(out, fixed[i], i == 0))
            return -1;
    for (igraph_integer_t k = 0; k < igraph_strvector_size(&l->names); k++) {
        const char *name = igraph_strvector_get(&l->names, k);
        if (!skip(kind, name) && put_text(out, name, 0))
            return -1;
    }
    return fputs("\r\n", out) == EOF ? -1 : 0;
}

static int put_rest(FILE *out, const igraph_t *g, const eg_attr_list_t *l, char kind,
                    igraph_integer_t i, eg_buf_t *scratch)
{
    for (igraph_integer_t k = 0; k < igraph_strvector_size(&l->names); k++)
        if (!skip(kind, igraph_strvector_get(&l->names, k)) &&
            put_value(out, g, l, k, kind, i, scratch))
            return -1;
    return fputs("\r\n", out) == EOF ? -1 : 0;
}

static int write_table(const igraph_t *g, char kind, FILE *out)
{
    static const char *const node_cols[] = {"Id", "Label", NULL};
    static const char *const edge_cols[] = {"Source", "Target", "Type", "Weight", NULL};
    eg_attr_list_t ga, va, ea;
    if (eg_attr_lists_init(g, &ga, &va, &ea))
        return -1;
    const eg_attr_list_t *l = kind == 'v' ? &va : &ea;
    eg_buf_t scratch = EG_BUF_INIT;
    int rc = put_header(out, kind == 'v' ? node_cols : edge_cols, l, kind);
    igraph_integer_t n = kind == 'v' ? igraph_vcount(g) : igraph_ecount(g);
    for (igraph_integer_t i = 0; i < n && rc == 0; i++) {
        if (kind == 'v') {
            rc = put_text(out, VAS(g, "id", i), 1) ||
                 put_text(out, eg_attr_str(g, 'v', "label", i), 0);
        } else {
            igraph_integer_t u, v;
            eg_edge_ends(g, i, &u, &v);
            char num[64] = "";
            double w = EAN(g, "weight", i);
            if (!isnan(w))
                eg_format_number(num, sizeof num, w);
            rc = put_text(out, VAS(g, "id", u), 1) || put_text(out, VAS(g, "id", v), 0) ||
                 put_text(out, "Undirected", 0) || put_cell(out, num, 0, 0);
        }
        if (rc == 0)
            rc = put_rest(out, g, l, kind, i, &scratch);
    }
    eg_buf_free(&scratch);
    eg_attr_lists_destroy(&ga, &va, &ea);
    return rc;
}

/* The timeline rows of one element: kind, id, source, target, period,
 * count. */
static int put_timeline(FILE *out, const char *kind, const char *id, const char *source,
                        const char *target, const char *encoded)
{
    const char *pos = encoded, *period;
    size_t len;
    double count;
    while (eg_timeline_next(&pos, &period, &len, &count)) {
        char label[EG_PERIOD_LABEL_MAX], num[64];
        snprintf(label, sizeof label, "%.*s", (int)len, period);
        eg_format_number(num, sizeof num, count);
        if (put_text(out, kind, 1) || put_text(out, id, 0) || put_text(out, source, 0) ||
            put_text(out, target, 0) || put_text(out, label, 0) || put_cell(out, num, 0, 0) ||
            fputs("\r\n", out) == EOF)
            return -1;
    }
    return 0;
}

int eg_export_csv_timeline(const igraph_t *g, FILE *out, eg_error_t *err)
{
    int rc = fputs("kind,id,source,target,period,count\r\n", out) == EOF ? -1 : 0;
    int has = igraph_cattribute_has_attr(g, IGRAPH_ATTRIBUTE_VERTEX, "timeline");
    for (igraph_integer_t v = 0; has && rc == 0 && v < igraph_vcount(g); v++)
        rc = put_timeline(out, "node", VAS(g, "id", v), "", "", VAS(g, "timeline", v));
    for (igraph_integer_t e = 0; has && rc == 0 && e < igraph_ecount(g); e++) {
        igraph_integer_t u, v;
        eg_edge_ends(g, e, &u, &v);
        rc = put_timeline(out, "edge", "", VAS(g, "id", u), VAS(g, "id", v),
                          EAS(g, "timeline", e));
    }
    return rc ? eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "cannot write the CSV timeline")
              : 0;
}

int eg_export_csv_nodes(const igraph_t *g, FILE *out, eg_error_t *err)
{
    return write_table(g, 'v', out) ? eg_error_set(err, EG_ERR_RUNTIME, NULL, 0,
                                                   "cannot write the CSV node table")
                                    : 0;
}

int eg_export_csv_edges(const igraph_t *g, FILE *out, eg_error_t *err)
{
    return write_table(g, 'e', out) ? eg_error_set(err, EG_ERR_RUNTIME, NULL, 0,
                                                   "cannot write the CSV edge table")
                                    : 0;
}
