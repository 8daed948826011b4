/* eg_betweenness.c — Brandes' betweenness on flat arrays, optionally on
 * several threads; see eg_betweenness.h for why it exists and why its
 * bits are igraph's.
 *
 * The inner loops select with bit masks instead of branches: whether a
 * neighbour is new, or one step nearer the source, is a coin toss the
 * branch predictor loses, and a masked value is exactly the value or
 * +0.0 (and x + 0.0 == x for the non-negative sums here).
 *
 * Threads: sources are taken in chunks; each thread runs whole passes
 * for some sources of the chunk and leaves each source's dependencies
 * in a row; then each thread adds the rows, in source order, into its
 * own slice of the result columns. Every result element thus receives
 * the same additions in the same order as with one thread. */
#include "eg_betweenness.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK 64 /* sources per round: 64 rows of n doubles */

/* The graph as compressed rows: the neighbours of v are
 * adj[start[v] .. start[v + 1]), in igraph_adjlist's order (the BFS
 * order, and so every sum, depends on it). */
typedef struct csr {
    int32_t n;
    int32_t *start, *adj;
} csr_t;

static int csr_init(const igraph_t *g, csr_t *c)
{
    igraph_adjlist_t al;
    c->n = (int32_t)igraph_vcount(g);
    c->start = malloc(((size_t)c->n + 1) * sizeof *c->start);
    c->adj = malloc(((size_t)igraph_ecount(g) * 2 + 1) * sizeof *c->adj);
    if (!c->start || !c->adj ||
        igraph_adjlist_init(g, &al, IGRAPH_ALL, IGRAPH_NO_LOOPS, IGRAPH_MULTIPLE)) {
        free(c->start);
        free(c->adj);
        return -1;
    }
    int32_t k = 0;
    for (int32_t v = 0; v < c->n; v++) {
        const igraph_vector_int_t *nb = igraph_adjlist_get(&al, v);
        c->start[v] = k;
        for (igraph_integer_t j = 0; j < igraph_vector_int_size(nb); j++)
            c->adj[k++] = (int32_t)VECTOR(*nb)[j];
    }
    c->start[c->n] = k;
    igraph_adjlist_destroy(&al);
    return 0;
}

/* x when keep is 1, +0.0 when it is 0, bit for bit. */
static inline double masked(double x, int keep)
{
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    bits &= -(uint64_t)keep;
    memcpy(&x, &bits, sizeof x);
    return x;
}

/* Scratch of one single-source pass; dist, paths and dep are all zero
 * between passes (each pass resets what it touched). */
typedef struct pass {
    int32_t *queue; /* BFS order; read backwards it is the stack */
    int32_t *dist;  /* 1 + hops from the source, 0 = not reached */
    double *paths;  /* shortest paths from the source */
    double *dep;    /* dependency of the source on each vertex */
} pass_t;

static int pass_init(pass_t *p, int32_t n)
{
    size_t m = (size_t)n + 1;
    *p = (pass_t){malloc(m * sizeof *p->queue), calloc(m, sizeof *p->dist),
                  calloc(m, sizeof *p->paths), calloc(m, sizeof *p->dep)};
    return p->queue && p->dist && p->paths && p->dep ? 0 : -1;
}

static void pass_free(pass_t *p)
{
    free(p->queue);
    free(p->dist);
    free(p->paths);
    free(p->dep);
}

/* Breadth-first from s: fills queue (returns its length), dist, paths;
 * the paths of a vertex are summed in BFS order of its parents. */
static int32_t forward(const csr_t *c, pass_t *p, int32_t s)
{
    int32_t head = 0, tail = 0;
    p->queue[tail++] = s;
    p->dist[s] = 1;
    p->paths[s] = 1;
    while (head < tail) {
        int32_t v = p->queue[head++], next = p->dist[v] + 1;
        double pv = p->paths[v];
        for (int32_t k = c->start[v]; k < c->start[v + 1]; k++) {
            int32_t w = c->adj[k], d = p->dist[w], unseen = d == 0;
            d += unseen * next;
            p->dist[w] = d;
            p->queue[tail] = w;
            tail += unseen;
            p->paths[w] += masked(pv, d == next);
        }
    }
    return tail;
}

/* Dependencies pushed from each vertex to its parents (the neighbours
 * one step nearer), farthest first; row[v] = the source's dependency on
 * v (0 for the source and for what it does not reach); then the reset. */
static void backward(const csr_t *c, pass_t *p, int32_t reached, int32_t s, double *row)
{
    for (int32_t i = reached - 1; i >= 0; i--) {
        int32_t w = p->queue[i], up = p->dist[w] - 1;
        double coeff = (1 + p->dep[w]) / p->paths[w];
        for (int32_t k = c->start[w]; k < c->start[w + 1]; k++) {
            int32_t v = c->adj[k];
            p->dep[v] += masked(p->paths[v] * coeff, p->dist[v] == up);
        }
        row[w] = w != s ? p->dep[w] : 0;
    }
    for (int32_t i = 0; i < reached; i++) {
        int32_t w = p->queue[i];
        p->dist[w] = 0;
        p->paths[w] = 0;
        p->dep[w] = 0;
    }
}

typedef struct worker {
    const csr_t *c;
    double *rows;            /* the chunk's rows: row r for source s0 + r */
    int32_t s0, nrows, id, nthreads;
    pass_t p;
    pthread_t thread;
} worker_t;

/* This worker's share of the chunk: rows id, id + nthreads, ... */
static void *work(void *arg)
{
    worker_t *w = arg;
    size_t n = (size_t)w->c->n;
    for (int32_t r = w->id; r < w->nrows; r += w->nthreads) {
        double *row = w->rows + (size_t)r * n;
        memset(row, 0, n * sizeof *row);
        backward(w->c, &w->p, forward(w->c, &w->p, w->s0 + r), w->s0 + r, row);
    }
    return NULL;
}

/* One chunk on every worker (a thread that cannot start is run here:
 * who computes a row does not change it), then its rows in order. */
static void run_chunk(worker_t *w, int32_t nthreads, double *res)
{
    int32_t n = w[0].c->n;
    for (int32_t t = 1; t < nthreads; t++)
        if (pthread_create(&w[t].thread, NULL, work, &w[t]))
            w[t].thread = pthread_self();
    work(&w[0]);
    for (int32_t t = 1; t < nthreads; t++) {
        if (pthread_equal(w[t].thread, pthread_self()))
            work(&w[t]);
        else
            pthread_join(w[t].thread, NULL);
    }
    for (int32_t r = 0; r < w[0].nrows; r++) {
        const double *row = w[0].rows + (size_t)r * (size_t)n;
        for (int32_t v = 0; v < n; v++)
            res[v] += row[v];
    }
}

static int run(const csr_t *c, double *res, int32_t nthreads)
{
    double *rows = malloc((size_t)CHUNK * ((size_t)c->n + 1) * sizeof *rows);
    worker_t *w = calloc((size_t)nthreads, sizeof *w);
    int rc = rows && w ? 0 : -1;
    for (int32_t t = 0; t < nthreads && rc == 0; t++) {
        w[t] = (worker_t){.c = c, .rows = rows, .id = t, .nthreads = nthreads};
        rc = pass_init(&w[t].p, c->n);
    }
    for (int32_t s0 = 0; s0 < c->n && rc == 0; s0 += CHUNK) {
        for (int32_t t = 0; t < nthreads; t++) {
            w[t].s0 = s0;
            w[t].nrows = c->n - s0 < CHUNK ? c->n - s0 : CHUNK;
        }
        run_chunk(w, nthreads, res);
    }
    for (int32_t t = 0; w && t < nthreads; t++)
        pass_free(&w[t].p);
    free(w);
    free(rows);
    return rc;
}

int eg_betweenness(const igraph_t *g, igraph_vector_t *res, unsigned threads)
{
    csr_t c;
    if (igraph_vector_resize(res, igraph_vcount(g)) || csr_init(g, &c))
        return -1;
    igraph_vector_null(res);
    int32_t nthreads = threads < 1 ? 1 : threads > 256 ? 256 : (int32_t)threads;
    if (nthreads > c.n / CHUNK + 1)
        nthreads = c.n / CHUNK + 1; /* small graphs: threads would cost more */
    int rc = run(&c, VECTOR(*res), nthreads);
    igraph_vector_scale(res, 0.5); /* each path was counted from both ends */
    free(c.start);
    free(c.adj);
    return rc;
}
