/* eg_export.c — choosing a writer by the output's extension. */
#include "eg_export.h"

#include "../graph/eg_network.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

eg_format_t eg_format_from_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return EG_FORMAT_UNKNOWN;
    if (strcasecmp(dot, ".graphml") == 0)
        return EG_FORMAT_GRAPHML;
    if (strcasecmp(dot, ".json") == 0)
        return EG_FORMAT_JSON;
    if (strcasecmp(dot, ".gexf") == 0)
        return EG_FORMAT_GEXF;
    if (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0)
        return EG_FORMAT_HTML;
    if (strcasecmp(dot, ".svg") == 0)
        return EG_FORMAT_SVG;
    if (strcasecmp(dot, ".png") == 0)
        return EG_FORMAT_PNG;
    if (strcasecmp(dot, ".csv") == 0) {
        const char *base = slash ? slash + 1 : path;
        if (ends_with(base, ".nodes.csv") && strlen(base) > strlen(".nodes.csv"))
            return EG_FORMAT_CSV_NODES;
        if (ends_with(base, ".edges.csv") && strlen(base) > strlen(".edges.csv"))
            return EG_FORMAT_CSV_EDGES;
        return EG_FORMAT_CSV;
    }
    return EG_FORMAT_UNKNOWN;
}

const char *eg_format_missing(eg_format_t format)
{
    return format == EG_FORMAT_HTML ? eg_export_html_missing()
           : format == EG_FORMAT_PNG ? eg_export_png_missing()
                                     : NULL;
}

int eg_export_parts(const char *path, char paths[][4096], eg_format_t *formats)
{
    eg_format_t f = eg_format_from_path(path);
    if (f != EG_FORMAT_CSV) {
        if (strlen(path) >= 4096)
            return -1;
        strcpy(paths[0], path);
        formats[0] = f;
        return 1;
    }
    int stem = (int)(strlen(path) - strlen(".csv"));
    if (snprintf(paths[0], 4096, "%.*s.nodes.csv", stem, path) >= 4096 ||
        snprintf(paths[1], 4096, "%.*s.edges.csv", stem, path) >= 4096)
        return -1;
    formats[0] = EG_FORMAT_CSV_NODES;
    formats[1] = EG_FORMAT_CSV_EDGES;
    return 2;
}

int eg_export_with(const igraph_t *g, eg_format_t format, const eg_export_options_t *opt,
                   FILE *out, eg_error_t *err)
{
    static const eg_export_options_t defaults = {0};
    if (!opt)
        opt = &defaults;
    switch (format) {
    case EG_FORMAT_GRAPHML: return eg_export_graphml(g, out, err);
    case EG_FORMAT_JSON: return eg_export_json_style(g, opt->json_style, out, err);
    case EG_FORMAT_GEXF: return eg_export_gexf(g, opt->gexf_version, out, err);
    case EG_FORMAT_CSV_NODES: return eg_export_csv_nodes(g, out, err);
    case EG_FORMAT_CSV_EDGES: return eg_export_csv_edges(g, out, err);
    case EG_FORMAT_HTML: return eg_export_html(g, out, err);
    case EG_FORMAT_SVG: return eg_export_svg(g, out, err);
    case EG_FORMAT_PNG: return eg_export_png(g, out, err);
    default: return eg_error_set(err, EG_ERR_USAGE, NULL, 0, "unknown output format");
    }
}

int eg_export(const igraph_t *g, eg_format_t format, FILE *out, eg_error_t *err)
{
    return eg_export_with(g, format, NULL, out, err);
}
