/* urok-reader-view.h: a book's pages, as the teacher reads them.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <jsc/jsc.h>

#include "urok-book-source.h"

G_BEGIN_DECLS

#define UROK_TYPE_READER_VIEW (urok_reader_view_get_type ())

G_DECLARE_FINAL_TYPE (UrokReaderView, urok_reader_view, UROK, READER_VIEW, GtkWidget)

GtkWidget      *urok_reader_view_new              (void);
void            urok_reader_view_open             (UrokReaderView       *self,
                                                   UrokBookSource       *source,
                                                   const char           *path);
UrokBookSource *urok_reader_view_get_source       (UrokReaderView       *self);
void            urok_reader_view_go_to            (UrokReaderView       *self,
                                                   const char           *path);
void            urok_reader_view_go_to_location   (UrokReaderView       *self,
                                                   guint                 spine_index,
                                                   double                progression);
int             urok_reader_view_get_spine_index  (UrokReaderView       *self);
int             urok_reader_view_get_page         (UrokReaderView       *self);
int             urok_reader_view_get_n_pages      (UrokReaderView       *self);
double          urok_reader_view_get_progression  (UrokReaderView       *self);
gboolean        urok_reader_view_is_ready         (UrokReaderView       *self);

const char     *urok_reader_view_get_theme        (UrokReaderView       *self);
void            urok_reader_view_set_theme        (UrokReaderView       *self,
                                                   const char           *theme);
const char     *urok_reader_view_get_layout       (UrokReaderView       *self);
void            urok_reader_view_set_layout       (UrokReaderView       *self,
                                                   const char           *layout);
double          urok_reader_view_get_text_scale   (UrokReaderView       *self);
void            urok_reader_view_set_text_scale   (UrokReaderView       *self,
                                                   double                scale);
const char     *urok_reader_view_get_font_family  (UrokReaderView       *self);
void            urok_reader_view_set_font_family  (UrokReaderView       *self,
                                                   const char           *family);
double          urok_reader_view_get_line_spacing (UrokReaderView       *self);
void            urok_reader_view_set_line_spacing (UrokReaderView       *self,
                                                   double                spacing);
int             urok_reader_view_get_margin       (UrokReaderView       *self);
void            urok_reader_view_set_margin       (UrokReaderView       *self,
                                                   int                   margin);
double          urok_reader_view_get_zoom         (UrokReaderView       *self);
void            urok_reader_view_set_zoom         (UrokReaderView       *self,
                                                   double                zoom);

/* Runs @body, the body of an async function, in the reader's own script
 * world of the page shown (where window.urokReader lives), never in the
 * book's. */
void            urok_reader_view_evaluate_async   (UrokReaderView       *self,
                                                   const char           *body,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
JSCValue       *urok_reader_view_evaluate_finish  (UrokReaderView       *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS
