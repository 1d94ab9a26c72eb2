/* urok-board-export.c: a command-line converter of whiteboard files, on
 * the core alone (no display needed): Xournal++ (.xopp), IWB (.iwb), PDF and Urok's
 * page JSON in; PDF, SVG or PNG out.
 *
 *   urok-board-export [--scale=S] INPUT... OUTPUT
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "urok-board-export.h"
#include "urok-board-import.h"

static gboolean
load (const char *path,
      GPtrArray  *pages,
      GError    **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) read = NULL;

  if (file == NULL)
    return FALSE;
  bytes = g_mapped_file_get_bytes (file);
  if (g_str_has_suffix (lower, ".xopp"))
    read = urok_board_import_xopp (bytes, error);
  else if (g_str_has_suffix (lower, ".iwb"))
    read = urok_board_import_iwb (bytes, error);
  else if (g_str_has_suffix (lower, ".pdf"))
    read = urok_board_import_pdf (bytes, 0, error);
  else if (g_str_has_suffix (lower, ".json"))
    {
      g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      UrokBoardPage *page = urok_board_page_new_from_string (text, error);

      if (page != NULL)
        {
          read = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (read, page);
        }
    }
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("“%s” is not a file this program reads (.xopp, .iwb, .pdf, .json)"), path);
  if (read == NULL)
    return FALSE;
  g_ptr_array_extend_and_steal (pages, g_steal_pointer (&read));
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  double scale = 1;
  UrokBoardExportFormat format;
  const GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, N_("PNG pixels per board unit (default 1)"), "S" },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("UROK_LOCALEDIR") ? g_getenv ("UROK_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  context = g_option_context_new (_("INPUT… OUTPUT — convert whiteboard pages"));
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (argc < 3 || !urok_board_export_format_for_path (argv[argc - 1], &format))
    {
      g_printerr ("%s\n", _("Give one or more input files and an output file ending in .pdf, .svg or .png"));
      return 2;
    }
  for (int i = 1; i < argc - 1; i++)
    if (!load (argv[i], pages, &error))
      {
        g_printerr ("%s\n", error->message);
        return 1;
      }
  if (!urok_board_export (pages, format, argv[argc - 1], scale, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
