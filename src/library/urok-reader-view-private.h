/* urok-reader-view-private.h: what urok-reader-view*.c share.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <webkit/webkit.h>

#include "urok-reader-view.h"

G_BEGIN_DECLS

enum {
  PROP_0,
  PROP_SOURCE,
  PROP_THEME,
  PROP_LAYOUT,
  PROP_TEXT_SCALE,
  PROP_FONT_FAMILY,
  PROP_LINE_SPACING,
  PROP_MARGIN,
  PROP_ZOOM,
  PROP_SPINE_INDEX,
  PROP_PAGE,
  PROP_N_PAGES,
  PROP_PROGRESSION,
  PROP_READY,
  N_PROPS
};

struct _UrokReaderView
{
  GtkWidget       parent_instance;

  WebKitWebView  *web_view;
  GtkPopover     *footnote;
  GtkLabel       *footnote_label;
  GCancellable   *cancellable;

  UrokBookSource *source;
  /* Where the next document loaded is to open (JSON for the page script). */
  char           *pending_target;
  gboolean        starting;
  gboolean        ready;

  int             spine_index;
  int             page;
  int             n_pages;
  double          progression;

  char           *theme;
  char           *layout;
  char           *font_family;
  double          text_scale;
  double          line_spacing;
  int             margin;
  double          zoom;
};

char   *_urok_reader_view_settings_json     (UrokReaderView *self);
void    _urok_reader_view_run_script        (UrokReaderView *self,
                                             const char     *script);
void    _urok_reader_view_relocated         (UrokReaderView *self,
                                             JSCValue       *message);
double  _urok_reader_view_get_number        (JSCValue       *object,
                                             const char     *name);
extern GParamSpec *_urok_reader_view_properties[N_PROPS];

void    _urok_reader_view_install_properties (GObjectClass  *klass);
void    _urok_reader_view_get_property      (GObject        *object,
                                             guint           prop_id,
                                             GValue         *value,
                                             GParamSpec     *pspec);
void    _urok_reader_view_set_property      (GObject        *object,
                                             guint           prop_id,
                                             const GValue   *value,
                                             GParamSpec     *pspec);

G_END_DECLS
