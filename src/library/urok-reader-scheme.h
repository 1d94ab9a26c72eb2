/* urok-reader-scheme.h: books served to the reader as urok-book://<id>/<path>.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <webkit/webkit.h>

#include "urok-book-source.h"

G_BEGIN_DECLS

#define UROK_READER_SCHEME "urok-book"

WebKitWebContext     *urok_reader_scheme_get_context         (void);
WebKitNetworkSession *urok_reader_scheme_get_session         (void);
void                  urok_reader_scheme_set_view_source     (WebKitWebView  *web_view,
                                                              UrokBookSource *source);
char                 *urok_reader_scheme_build_uri           (UrokBookSource *source,
                                                              const char     *path);
char                 *urok_reader_scheme_parse_uri           (const char     *uri,
                                                              char          **host);

G_END_DECLS
