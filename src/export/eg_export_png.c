/* eg_export_png.c — the static picture as PNG (-o FILE.png).
 *
 * A PNG is the SVG picture (eg_export_svg) rendered by librsvg onto a
 * cairo image surface at twice its size (2400 x 1800, sharp in a printed
 * report), so the two formats cannot drift apart and there is one
 * drawing to test. librsvg is Debian's librsvg2-dev and brings cairo;
 * drawing with cairo directly would need the same fonts and a second
 * copy of the picture's rules.
 *
 * librsvg is optional at build time, like the HTML page's libraries:
 * without it (make finds no librsvg-2.0 with pkg-config) the binary is
 * built all the same and eg_export_png_missing says what to install. The
 * bytes depend on librsvg's and the fonts' versions; on one machine the
 * same graph gives the same PNG.
 */
#include "eg_export.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef EG_HAVE_RSVG

const char *eg_export_png_missing(void)
{
    return "this entgraph was built without librsvg: install librsvg2-dev (Debian) and run "
           "make again, or write .svg";
}

int eg_export_png(const igraph_t *g, FILE *out, eg_error_t *err)
{
    (void)g, (void)out;
    return eg_error_set(err, EG_ERR_USAGE, NULL, 0, "%s", eg_export_png_missing());
}

#else

#include <cairo.h>
#include <librsvg/rsvg.h>

#define PNG_SCALE 2.0

const char *eg_export_png_missing(void)
{
    return NULL;
}

static cairo_status_t write_png(void *closure, const unsigned char *data, unsigned int len)
{
    return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS
                                                  : CAIRO_STATUS_WRITE_ERROR;
}

/* Render the SVG text onto a white surface and write it as PNG. */
static int render(const char *svg, size_t len, FILE *out, eg_error_t *err)
{
    GError *gerr = NULL;
    RsvgHandle *h = rsvg_handle_new_from_data((const guint8 *)svg, (gsize)len, &gerr);
    if (!h) {
        int rc = eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "cannot render the picture: %s",
                              gerr ? gerr->message : "librsvg failed");
        g_clear_error(&gerr);
        return rc;
    }
    gdouble w = 0, h_px = 0;
    if (!rsvg_handle_get_intrinsic_size_in_pixels(h, &w, &h_px))
        w = 1200, h_px = 900;
    int width = (int)(w * PNG_SCALE), height = (int)(h_px * PNG_SCALE);
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    cairo_t *cr = cairo_create(s);
    RsvgRectangle viewport = {0, 0, width, height};
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    int ok = rsvg_handle_render_document(h, cr, &viewport, &gerr);
    int rc = 0;
    if (!ok || cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        rc = eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "cannot render the picture: %s",
                          gerr ? gerr->message : cairo_status_to_string(cairo_status(cr)));
    else if (cairo_surface_write_to_png_stream(s, write_png, out) != CAIRO_STATUS_SUCCESS)
        rc = eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "cannot write the picture: %s",
                          strerror(errno));
    g_clear_error(&gerr);
    cairo_destroy(cr);
    cairo_surface_destroy(s);
    g_object_unref(h);
    return rc;
}

int eg_export_png(const igraph_t *g, FILE *out, eg_error_t *err)
{
    char *svg = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&svg, &len);
    if (!mem)
        return eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
    int rc = eg_export_svg(g, mem, err);
    if (fclose(mem) != 0 && rc == 0)
        rc = eg_error_set(err, EG_ERR_RUNTIME, NULL, 0, "out of memory");
    if (rc == 0)
        rc = render(svg, len, out, err);
    free(svg);
    return rc;
}

#endif
