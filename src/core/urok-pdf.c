/* urok-pdf.c: a PDF textbook opened for reading: pages, text, outline.
 *
 * poppler documents are not thread-safe.  Every poppler call here is under
 * the object's own lock, so one UrokPdf may be shared; but a render thread
 * should open its own (urok_pdf_open_another(), which shares the bytes) so
 * a long render never holds up a search or a selection on the main thread.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "urok-pdf.h"
#include "urok-pdf-outline-item.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* Larger renders are refused rather than left to fail inside cairo. */
#define MAX_RENDER_SIDE 16384
/* Outlines nest a few levels; a deeper one is hostile. */
#define MAX_OUTLINE_DEPTH 16

struct _UrokPdf
{
  GObject          parent_instance;
  GMutex           lock;
  GBytes          *bytes;
  PopplerDocument *doc;
  guint            n_pages;
  GListModel      *outline; /* built on first use */
};

G_DEFINE_FINAL_TYPE (UrokPdf, urok_pdf, G_TYPE_OBJECT)
G_DEFINE_QUARK (urok-pdf-error-quark, urok_pdf_error)

static void
urok_pdf_finalize (GObject *object)
{
  UrokPdf *self = (UrokPdf *)object;

  g_clear_object (&self->outline);
  g_clear_object (&self->doc);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (urok_pdf_parent_class)->finalize (object);
}

static void
urok_pdf_class_init (UrokPdfClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = urok_pdf_finalize;
}

static void
urok_pdf_init (UrokPdf *self)
{
  g_mutex_init (&self->lock);
}

/* The PDF specification lets the header sit anywhere in the first 1024 bytes. */
gboolean
urok_pdf_has_header (const char *data,
                     gsize       length)
{
  gsize n = MIN (length, 1024);

  for (gsize i = 0; i + 5 <= n; i++)
    if (memcmp (data + i, "%PDF-", 5) == 0)
      return TRUE;
  return FALSE;
}

UrokPdf *
urok_pdf_new_from_bytes (GBytes  *bytes,
                         GError **error)
{
  g_autoptr(UrokPdf) self = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL || !urok_pdf_has_header (data, length))
    {
      g_set_error (error, UROK_PDF_ERROR, UROK_PDF_ERROR_NOT_PDF, _("The file is not a PDF document."));
      return NULL;
    }

  self = g_object_new (UROK_TYPE_PDF, NULL);
  self->bytes = g_bytes_ref (bytes);
  self->doc = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  if (self->doc == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, UROK_PDF_ERROR, UROK_PDF_ERROR_ENCRYPTED,
                     _("The PDF is protected by a password; save an unprotected copy to read it here."));
      else
        g_set_error (error, UROK_PDF_ERROR, UROK_PDF_ERROR_DAMAGED, _("The PDF is damaged and cannot be read: %s"),
                     local_error != NULL ? local_error->message : _("unknown error"));
      return NULL;
    }
  self->n_pages = (guint)MAX (0, poppler_document_get_n_pages (self->doc));
  if (self->n_pages == 0)
    {
      g_set_error (error, UROK_PDF_ERROR, UROK_PDF_ERROR_DAMAGED, _("The PDF is damaged: it has no pages."));
      return NULL;
    }
  return g_steal_pointer (&self);
}

UrokPdf *
urok_pdf_new_from_file (const char *path,
                        GError    **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  UrokPdf *self;

  g_return_val_if_fail (path != NULL, NULL);

  /* Mapped, so a 300 MB textbook costs no copy and a second instance for
   * a render thread shares the pages of the first. */
  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, G_FILE_ERROR, local_error->code, _("Could not open “%s”: %s"), path,
                   local_error->message);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  self = urok_pdf_new_from_bytes (bytes, &local_error);
  if (self == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
      return NULL;
    }
  return self;
}

/* A second instance on the same bytes, for another thread. */
UrokPdf *
urok_pdf_open_another (UrokPdf *self,
                       GError **error)
{
  g_return_val_if_fail (UROK_IS_PDF (self), NULL);
  return urok_pdf_new_from_bytes (self->bytes, error);
}

GBytes *
urok_pdf_get_bytes (UrokPdf *self)
{
  g_return_val_if_fail (UROK_IS_PDF (self), NULL);
  return self->bytes;
}

guint
urok_pdf_get_n_pages (UrokPdf *self)
{
  g_return_val_if_fail (UROK_IS_PDF (self), 0);
  return self->n_pages;
}

/* Under the lock. */
static PopplerPage *
get_page (UrokPdf *self,
          guint    page)
{
  if (page >= self->n_pages)
    return NULL;
  return poppler_document_get_page (self->doc, (int)page);
}

gboolean
urok_pdf_get_page_size (UrokPdf *self,
                        guint    page,
                        double  *width,
                        double  *height)
{
  g_autoptr(PopplerPage) ppage = NULL;
  double w = 0, h = 0;

  g_return_val_if_fail (UROK_IS_PDF (self), FALSE);

  g_mutex_lock (&self->lock);
  ppage = get_page (self, page);
  if (ppage != NULL)
    poppler_page_get_size (ppage, &w, &h);
  g_clear_object (&ppage);
  g_mutex_unlock (&self->lock);
  /* A page with no usable size gets A4 rather than a zero-size hole. */
  if (!(w > 0 && h > 0 && w < 1e5 && h < 1e5))
    {
      w = 595.276;
      h = 841.89;
    }
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
  return page < self->n_pages;
}

/* The label printed on the page ("iv", "12"), or its number from 1. */
char *
urok_pdf_dup_page_label (UrokPdf *self,
                         guint    page)
{
  g_autoptr(PopplerPage) ppage = NULL;
  char *label = NULL;

  g_return_val_if_fail (UROK_IS_PDF (self), NULL);

  g_mutex_lock (&self->lock);
  ppage = get_page (self, page);
  if (ppage != NULL)
    label = poppler_page_get_label (ppage);
  g_clear_object (&ppage);
  g_mutex_unlock (&self->lock);
  if (label == NULL || *label == '\0' || !g_utf8_validate (label, -1, NULL))
    {
      g_free (label);
      label = g_strdup_printf ("%u", page + 1);
    }
  return label;
}

static char *
dup_info (UrokPdf *self,
          char *(*getter) (PopplerDocument *))
{
  char *value;

  g_mutex_lock (&self->lock);
  value = getter (self->doc);
  g_mutex_unlock (&self->lock);
  if (value != NULL)
    g_strstrip (value);
  if (value != NULL && (*value == '\0' || !g_utf8_validate (value, -1, NULL)))
    g_clear_pointer (&value, g_free);
  return value;
}

/* The info dictionary's title, or NULL. */
char *
urok_pdf_dup_title (UrokPdf *self)
{
  g_return_val_if_fail (UROK_IS_PDF (self), NULL);
  return dup_info (self, poppler_document_get_title);
}

char *
urok_pdf_dup_author (UrokPdf *self)
{
  g_return_val_if_fail (UROK_IS_PDF (self), NULL);
  return dup_info (self, poppler_document_get_author);
}

char *
urok_pdf_dup_subject (UrokPdf *self)
{
  g_return_val_if_fail (UROK_IS_PDF (self), NULL);
  return dup_info (self, poppler_document_get_subject);
}

/* The trailer's permanent /ID as 32 hex digits, or NULL when it has none. */
char *
urok_pdf_dup_permanent_id (UrokPdf *self)
{
  g_autofree char *permanent = NULL;
  gboolean found;

  g_return_val_if_fail (UROK_IS_PDF (self), NULL);

  g_mutex_lock (&self->lock);
  found = poppler_document_get_id (self->doc, &permanent, NULL);
  g_mutex_unlock (&self->lock);
  /* poppler hands back exactly 32 characters, not NUL-terminated. */
  if (!found || permanent == NULL)
    return NULL;
  for (guint i = 0; i < 32; i++)
    if (!g_ascii_isxdigit (permanent[i]))
      return NULL;
  return g_ascii_strdown (permanent, 32);
}

/* Pixels (@x, @y, @width, @height) of the page drawn @scale pixels to the
 * point, opaque on white. */
cairo_surface_t *
urok_pdf_render (UrokPdf *self,
                 guint    page,
                 double   scale,
                 int      x,
                 int      y,
                 int      width,
                 int      height,
                 GError **error)
{
  g_autoptr(PopplerPage) ppage = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (UROK_IS_PDF (self), NULL);

  if (width <= 0 || height <= 0 || width > MAX_RENDER_SIDE || height > MAX_RENDER_SIDE || !(scale > 0)
      || !isfinite (scale))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot draw a %d × %d picture of a page."), width, height);
      return NULL;
    }
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, _("Not enough memory to draw the page."));
      return NULL;
    }
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, -x, -y);
  cairo_scale (cr, scale, scale);

  g_mutex_lock (&self->lock);
  ppage = get_page (self, page);
  if (ppage != NULL)
    poppler_page_render (ppage, cr);
  g_clear_object (&ppage);
  g_mutex_unlock (&self->lock);
  cairo_destroy (cr);

  if (page >= self->n_pages)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, UROK_PDF_ERROR, UROK_PDF_ERROR_NO_PAGE, _("The book has no page %u."), page + 1);
      return NULL;
    }
  cairo_surface_flush (surface);
  return surface;
}

/* Under the lock: the page, from 0, an outline entry leads to, or -1. */
static int
action_page (UrokPdf       *self,
             PopplerAction *action)
{
  PopplerDest *dest;
  int page = -1;

  if (action == NULL || action->type != POPPLER_ACTION_GOTO_DEST || action->goto_dest.dest == NULL)
    return -1;
  dest = action->goto_dest.dest;
  if (dest->type == POPPLER_DEST_NAMED)
    {
      PopplerDest *named = poppler_document_find_dest (self->doc, dest->named_dest);

      if (named != NULL)
        {
          page = named->page_num - 1;
          poppler_dest_free (named);
        }
    }
  else
    page = dest->page_num - 1;
  return page >= 0 && (guint)page < self->n_pages ? page : -1;
}

/* Under the lock. */
static GListModel *
read_outline (UrokPdf          *self,
              PopplerIndexIter *iter,
              guint             depth)
{
  GListStore *items = g_list_store_new (UROK_TYPE_PDF_OUTLINE_ITEM);

  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child = depth < MAX_OUTLINE_DEPTH ? poppler_index_iter_get_child (iter) : NULL;
      g_autoptr(GListModel) children = NULL;
      g_autoptr(UrokPdfOutlineItem) item = NULL;
      const char *title = action != NULL ? action->any.title : NULL;

      if (child != NULL)
        {
          children = read_outline (self, child, depth + 1);
          poppler_index_iter_free (child);
        }
      item = urok_pdf_outline_item_new (title != NULL && g_utf8_validate (title, -1, NULL) ? title : "",
                                        action_page (self, action), children);
      g_list_store_append (items, item);
      g_clear_pointer (&action, poppler_action_free);
    }
  while (poppler_index_iter_next (iter));
  return G_LIST_MODEL (items);
}

/* The outline's top entries (UrokPdfOutlineItem), empty when it has none. */
GListModel *
urok_pdf_get_outline (UrokPdf *self)
{
  PopplerIndexIter *iter;

  g_return_val_if_fail (UROK_IS_PDF (self), NULL);

  g_mutex_lock (&self->lock);
  if (self->outline == NULL)
    {
      iter = poppler_index_iter_new (self->doc);
      if (iter != NULL)
        {
          self->outline = read_outline (self, iter, 0);
          poppler_index_iter_free (iter);
        }
      else
        self->outline = G_LIST_MODEL (g_list_store_new (UROK_TYPE_PDF_OUTLINE_ITEM));
    }
  g_mutex_unlock (&self->lock);
  return self->outline;
}

/* Under the lock. */
static void
find_on_page (UrokPdf    *self,
              guint       page,
              const char *text,
              GArray     *found)
{
  g_autoptr(PopplerPage) ppage = get_page (self, page);
  GList *rects;
  double height;

  if (ppage == NULL)
    return;
  poppler_page_get_size (ppage, NULL, &height);
  rects = poppler_page_find_text_with_options (ppage, text, POPPLER_FIND_DEFAULT);
  for (GList *l = rects; l != NULL; l = l->next)
    {
      PopplerRectangle *r = l->data;
      /* poppler measures found text from the page's bottom. */
      UrokPdfRect rect = { page, MIN (r->x1, r->x2), height - MAX (r->y1, r->y2), fabs (r->x2 - r->x1),
                           fabs (r->y2 - r->y1) };

      g_array_append_val (found, rect);
    }
  g_list_free_full (rects, (GDestroyNotify)poppler_rectangle_free);
}

/* Where @text is on @page, ignoring case: a GArray of UrokPdfRect. */
GArray *
urok_pdf_find_on_page (UrokPdf    *self,
                       guint       page,
                       const char *text)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (UrokPdfRect));

  g_return_val_if_fail (UROK_IS_PDF (self), found);
  g_return_val_if_fail (text != NULL, found);

  if (*text == '\0')
    return found;
  g_mutex_lock (&self->lock);
  find_on_page (self, page, text, found);
  g_mutex_unlock (&self->lock);
  return found;
}

/* Every place @text is in the book, in page order; stops early (with what
 * it found so far) when @cancellable is cancelled. */
GArray *
urok_pdf_find (UrokPdf      *self,
               const char   *text,
               GCancellable *cancellable)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (UrokPdfRect));

  g_return_val_if_fail (UROK_IS_PDF (self), found);
  g_return_val_if_fail (text != NULL, found);

  if (*text == '\0')
    return found;
  for (guint page = 0; page < self->n_pages && !g_cancellable_is_cancelled (cancellable); page++)
    {
      /* Page by page, so another thread's short call can go between. */
      g_mutex_lock (&self->lock);
      find_on_page (self, page, text, found);
      g_mutex_unlock (&self->lock);
    }
  return found;
}

static PopplerRectangle
to_poppler (const UrokPdfRect *area)
{
  return (PopplerRectangle) { area->x, area->y, area->x + area->width, area->y + area->height };
}

/* The text a reader selects by dragging over @area, glyph by glyph, in
 * reading order; "" when there is none. */
char *
urok_pdf_dup_selected_text (UrokPdf           *self,
                            const UrokPdfRect *area)
{
  g_autoptr(PopplerPage) ppage = NULL;
  PopplerRectangle rect;
  char *text = NULL;

  g_return_val_if_fail (UROK_IS_PDF (self), NULL);
  g_return_val_if_fail (area != NULL, NULL);

  rect = to_poppler (area);
  g_mutex_lock (&self->lock);
  ppage = get_page (self, area->page);
  if (ppage != NULL)
    text = poppler_page_get_selected_text (ppage, POPPLER_SELECTION_GLYPH, &rect);
  g_clear_object (&ppage);
  g_mutex_unlock (&self->lock);
  return text != NULL ? text : g_strdup ("");
}

/* The rectangles to highlight for a selection over @area (UrokPdfRect). */
GArray *
urok_pdf_get_selection_rects (UrokPdf           *self,
                              const UrokPdfRect *area)
{
  /* poppler rounds the region to whole units at the given scale. */
  const double fine = 4.0;
  GArray *rects = g_array_new (FALSE, FALSE, sizeof (UrokPdfRect));
  g_autoptr(PopplerPage) ppage = NULL;
  cairo_region_t *region = NULL;
  PopplerRectangle rect;

  g_return_val_if_fail (UROK_IS_PDF (self), rects);
  g_return_val_if_fail (area != NULL, rects);

  rect = to_poppler (area);
  g_mutex_lock (&self->lock);
  ppage = get_page (self, area->page);
  if (ppage != NULL)
    region = poppler_page_get_selected_region (ppage, fine, POPPLER_SELECTION_GLYPH, &rect);
  g_clear_object (&ppage);
  g_mutex_unlock (&self->lock);
  if (region == NULL)
    return rects;
  for (int i = 0; i < cairo_region_num_rectangles (region); i++)
    {
      cairo_rectangle_int_t r;
      UrokPdfRect out;

      cairo_region_get_rectangle (region, i, &r);
      out = (UrokPdfRect) { area->page, r.x / fine, r.y / fine, r.width / fine, r.height / fine };
      g_array_append_val (rects, out);
    }
  cairo_region_destroy (region);
  return rects;
}
