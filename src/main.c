/* main.c: start Urok.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "urok-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(UrokApplication) app = NULL;

  /* Before any thread: with TZ unset glibc checks /etc/localtime on every
   * mktime(), which libarchive calls for each entry of a book (about 20 ms
   * per open of a 2,000-chapter book). */
  g_setenv ("TZ", ":/etc/localtime", FALSE);
  setlocale (LC_ALL, "");
  /* UROK_LOCALEDIR lets the uninstalled build (meson devenv) find its catalogues. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("UROK_LOCALEDIR") ? g_getenv ("UROK_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = urok_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
