/* opt_graph.c — parsing the graph-stage options; see opt_graph.h.
 * Values are checked here, so the library sees only valid options. */
#include "opt_graph.h"

#include "../base/eg_list.h"
#include "cli.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum {
    OPT_MEASURE = CLI_GRAPH_OPT_BASE,
    OPT_MIN_COUNT,
    OPT_MIN_MENTIONS,
    OPT_TOP_NODES,
    OPT_TOP_EDGES,
    OPT_BACKBONE,
    OPT_FOCUS,
    OPT_DEPTH,
    OPT_BETWEENNESS,
    OPT_NO_BETWEENNESS,
    OPT_COMMUNITIES,
    OPT_LAYOUT,
    OPT_COLOR,
    OPT_SEED,
    OPT_JSON_STYLE,
    OPT_GEXF_VERSION,
    OPT_TYPES,
};

const struct option cli_graph_longopts[] = {
    {"measure", required_argument, NULL, OPT_MEASURE},
    {"min-count", required_argument, NULL, OPT_MIN_COUNT},
    {"min-mentions", required_argument, NULL, OPT_MIN_MENTIONS},
    {"top-nodes", required_argument, NULL, OPT_TOP_NODES},
    {"top-edges", required_argument, NULL, OPT_TOP_EDGES},
    {"backbone", required_argument, NULL, OPT_BACKBONE},
    {"focus", required_argument, NULL, OPT_FOCUS},
    {"depth", required_argument, NULL, OPT_DEPTH},
    {"betweenness", no_argument, NULL, OPT_BETWEENNESS},
    {"no-betweenness", no_argument, NULL, OPT_NO_BETWEENNESS},
    {"communities", required_argument, NULL, OPT_COMMUNITIES},
    {"layout", required_argument, NULL, OPT_LAYOUT},
    {"color", required_argument, NULL, OPT_COLOR},
    {"colour", required_argument, NULL, OPT_COLOR},
    {"seed", required_argument, NULL, OPT_SEED},
    {"json-style", required_argument, NULL, OPT_JSON_STYLE},
    {"gexf-version", required_argument, NULL, OPT_GEXF_VERSION},
    {"types", required_argument, NULL, OPT_TYPES},
    {NULL, 0, NULL, 0},
};

void cli_graph_options_init(cli_graph_options_t *o)
{
    memset(o, 0, sizeof *o);
    o->network.window = EG_WINDOW_SENTENCE;
    o->network.measure = EG_MEASURE_COUNT;
    o->network.analytics = 1;
    o->network.betweenness = -1;
    o->network.communities = EG_COMMUNITIES_LEIDEN;
    o->network.layout = EG_LAYOUT_AUTO;
    o->network.color = EG_COLOR_TYPE;
    o->network.seed = 1;
    o->export.json_style = EG_JSON_NODE_LINK;
    o->export.gexf_version = EG_GEXF_1_3;
}

/* The index of arg in words (NULL-terminated), or -1. */
static int pick(const char *arg, const char *const *words)
{
    for (int i = 0; words[i]; i++)
        if (strcmp(arg, words[i]) == 0)
            return i;
    return -1;
}

static int bad(const char *opt, const char *arg, const char *want)
{
    return cli_usage_error("%s '%s': %s", opt, arg, want);
}

static int count_option(int code, const char *arg, eg_network_options_t *n)
{
    static const char *const names[] = {"--min-count", "--min-mentions", "--top-nodes",
                                        "--top-edges"};
    uint64_t *dst[] = {&n->min_count, &n->min_mentions, &n->top_nodes, &n->top_edges};
    int k = code - OPT_MIN_COUNT;
    if (cli_parse_count(arg, UINT64_MAX, dst[k]))
        return bad(names[k], arg, "use a whole number (0 = no limit)");
    return 0;
}

static int choice_option(int code, const char *arg, cli_graph_options_t *o)
{
    static const char *const comms[] = {"none", "leiden", "louvain", NULL};
    static const char *const layouts[] = {"none", "auto", "fr", "drl", NULL};
    static const char *const colors[] = {"type", "community", NULL};
    static const char *const styles[] = {"node-link", "graphology", "cytoscape", "vosviewer",
                                         NULL};
    static const char *const gexf[] = {"1.3", "1.2", "1.2draft", NULL};
    int i;
    switch (code) {
    case OPT_MEASURE:
        if (eg_measure_parse(arg, &o->network.measure))
            return bad("--measure", arg, "use count, pmi, npmi, dice, jaccard, assoc or llr");
        return 0;
    case OPT_COMMUNITIES:
        if ((i = pick(arg, comms)) < 0)
            return bad("--communities", arg, "use leiden, louvain or none");
        o->network.communities = (eg_communities_t)i;
        return 0;
    case OPT_LAYOUT:
        if ((i = pick(arg, layouts)) < 0)
            return bad("--layout", arg, "use fr, drl, auto or none");
        o->network.layout = (eg_layout_t)i;
        return 0;
    case OPT_COLOR:
        if ((i = pick(arg, colors)) < 0)
            return bad("--color", arg, "use type or community");
        o->network.color = (eg_color_by_t)i;
        return 0;
    case OPT_JSON_STYLE:
        if ((i = pick(arg, styles)) < 0)
            return bad("--json-style", arg, "use node-link, graphology, cytoscape or vosviewer");
        o->export.json_style = (eg_json_style_t)i;
        return 0;
    case OPT_GEXF_VERSION:
        if ((i = pick(arg, gexf)) < 0)
            return bad("--gexf-version", arg, "use 1.3 or 1.2");
        o->export.gexf_version = i == 0 ? EG_GEXF_1_3 : EG_GEXF_1_2;
        return 0;
    }
    return 1;
}

int cli_graph_option(int code, const char *arg, cli_graph_options_t *o)
{
    eg_network_options_t *n = &o->network;
    uint64_t v;
    char *end;
    switch (code) {
    case OPT_MIN_COUNT:
    case OPT_MIN_MENTIONS:
    case OPT_TOP_NODES:
    case OPT_TOP_EDGES:
        return count_option(code, arg, n);
    case OPT_BACKBONE:
        errno = 0;
        n->backbone = strtod(arg, &end);
        /* strtod also takes " 0.05", "+0.05" and hexadecimal: a decimal
         * number starts with a digit or a point */
        if (errno || end == arg || *end || !(n->backbone > 0 && n->backbone < 1) ||
            !(arg[0] == '.' || (arg[0] >= '0' && arg[0] <= '9')) || strpbrk(arg, "xX"))
            return bad("--backbone", arg, "use a significance level between 0 and 1, e.g. 0.05");
        return 0;
    case OPT_TYPES:
        if (!eg_list_valid(arg))
            return bad("--types", arg, "give entity types separated by commas, e.g. "
                                       "person,organisation");
        n->types = arg;
        return 0;
    case OPT_FOCUS:
        if (!*arg)
            return bad("--focus", arg, "give an entity id, label or alias");
        n->focus = arg;
        return 0;
    case OPT_DEPTH:
        if (cli_parse_count(arg, 1000, &v) || v == 0)
            return bad("--depth", arg, "use a number of steps from 1 to 1000");
        n->depth = (unsigned)v;
        return 0;
    case OPT_BETWEENNESS:
    case OPT_NO_BETWEENNESS:
        n->betweenness = code == OPT_BETWEENNESS;
        return 0;
    case OPT_SEED:
        if (cli_parse_count(arg, UINT32_MAX, &v))
            return bad("--seed", arg, "use a whole number from 0 to 4294967295");
        n->seed = (unsigned long)v;
        return 0;
    default:
        return choice_option(code, arg, o);
    }
}

int cli_graph_options_finish(cli_graph_options_t *o)
{
    eg_network_options_t *n = &o->network;
    if (n->depth && !n->focus)
        return cli_usage_error("--depth needs --focus NAME");
    if (n->focus && !n->depth)
        n->depth = 1;
    if (n->color == EG_COLOR_COMMUNITY && n->communities == EG_COMMUNITIES_NONE)
        return cli_usage_error("--color community needs --communities leiden or louvain");
    return 0;
}

void cli_graph_help(FILE *out)
{
    fputs("\ngraph options:\n"
          "      --measure M       edge weight: count (default), pmi, npmi, dice,\n"
          "                        jaccard, assoc or llr (all are written)\n"
          "      --types LIST      keep the entities of these types only (e.g.\n"
          "                        person,organisation); the measures still count\n"
          "                        the windows of every type\n"
          "      --min-count N     drop edges seen in fewer than N windows\n"
          "      --min-mentions N  drop entities mentioned fewer than N times\n"
          "      --top-nodes N     keep the N most mentioned entities\n"
          "      --top-edges N     keep the N heaviest edges\n"
          "      --backbone ALPHA  keep the edges significant at level ALPHA for\n"
          "                        one of their ends (disparity filter)\n"
          "      --focus NAME      keep the neighbourhood of one entity (id, label\n"
          "                        or alias) ...\n"
          "      --depth D         ... up to D steps away (default 1)\n"
          "      --betweenness     compute betweenness (default: graphs up to\n"
          "                        " EG_STR(EG_BETWEENNESS_AUTO_MAX) " nodes); --no-betweenness: never\n"
          "      --communities A   leiden (default), louvain or none\n"
          "      --layout L        fr, drl, auto (default: fr up to " EG_STR(EG_LAYOUT_FR_MAX) " nodes,\n"
          "                        drl above) or none\n"
          "      --color BY        node colour by type (default) or community\n"
          "      --seed N          random seed of communities and layout (default 1)\n"
          "\nformat options:\n"
          "      --json-style S    node-link (default, networkx/D3), graphology\n"
          "                        (sigma.js), cytoscape (Cytoscape.js elements) or\n"
          "                        vosviewer (VOSviewer Online's map and network)\n"
          "      --gexf-version V  1.3 (default) or 1.2 (1.2draft, for networkx)\n",
          out);
}
