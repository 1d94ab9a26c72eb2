/* urok-application.c: the app: its store, settings and app-wide actions.
 *
 * The store is opened once, at the first activation.  If it cannot be
 * opened because it is damaged, the app offers the newest backup instead of
 * touching the damaged file.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-application.h"
#include "urok-book-import.h"
#include "urok-demo.h"
#include "urok-lessons-page.h"
#include "urok-library-page.h"
#include "urok-preferences-window.h"
#include "urok-window.h"

struct _UrokApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  UrokStore      *store;
  char           *store_path;
  gboolean        load_demo;
  gboolean        exit_after_first_frame;
};

G_DEFINE_FINAL_TYPE (UrokApplication, urok_application, ADW_TYPE_APPLICATION)

static void urok_application_open_store (UrokApplication *self);

UrokApplication *
urok_application_new (void)
{
  return g_object_new (UROK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/ru/urok/Urok",
                       NULL);
}

UrokStore *
urok_application_get_store (UrokApplication *self)
{
  g_return_val_if_fail (UROK_IS_APPLICATION (self), NULL);
  return self->store;
}

GSettings *
urok_application_get_settings (UrokApplication *self)
{
  g_return_val_if_fail (UROK_IS_APPLICATION (self), NULL);
  return self->settings;
}

char *
urok_application_get_books_dir (UrokApplication *self)
{
  return urok_store_dup_books_dir (self->store);
}

gboolean
urok_application_load_demo (UrokApplication  *self,
                            GError          **error)
{
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GFile) textbook = NULL;
  g_autofree char *books_dir = NULL;

  g_return_val_if_fail (UROK_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  json = g_resources_lookup_data (APP_PATH "demo/demo.json", 0, error);
  if (json == NULL)
    return FALSE;
  textbook = g_file_new_for_uri ("resource://" APP_PATH "demo/demo-textbook.epub");
  books_dir = urok_application_get_books_dir (self);

  if (!urok_demo_load (self->store, json, textbook, books_dir, error))
    return FALSE;
  g_settings_set_boolean (self->settings, "demo-offered", TRUE);
  return TRUE;
}

static UrokWindow *
get_window (UrokApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (UROK_IS_WINDOW (window))
    return UROK_WINDOW (window);
  return NULL;
}

static UrokWindow *
ensure_window (UrokApplication *self)
{
  UrokWindow *window = get_window (self);

  if (window == NULL)
    window = urok_window_new (self);
  return window;
}

static gboolean
quit_after_frame_cb (gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
  return G_SOURCE_REMOVE;
}

/* A benchmark hook: the first frame of the main window has been drawn. */
static void
first_frame_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  UrokApplication *self = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 elapsed = now - GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (self), "start-time"));

  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, user_data);
  /* The absolute time lets a benchmark measure from the process's start. */
  g_print ("first-frame %.3f ms at %" G_GINT64_FORMAT "\n", elapsed / 1000.0, now);
  g_idle_add (quit_after_frame_cb, self);
}

static void
window_realized_cb (GtkWidget *widget,
                    gpointer   user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect_after (clock, "after-paint", G_CALLBACK (first_frame_cb), user_data);
}

static void
present_main_window (UrokApplication *self)
{
  UrokWindow *window = ensure_window (self);

  if (self->exit_after_first_frame)
    g_signal_connect (window, "realize", G_CALLBACK (window_realized_cb), self);
  gtk_window_present (GTK_WINDOW (window));
}

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  UrokApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;

  if (g_str_equal (response, "quit"))
    {
      g_application_release (G_APPLICATION (self));
      return;
    }

  backup = g_str_equal (response, "restore") ? urok_store_find_backup (self->store_path) : NULL;
  if (!urok_store_restore_backup (self->store_path, backup, NULL, &error))
    g_critical ("Could not set the damaged store aside: %s", error->message);

  urok_application_open_store (self);
  if (self->store != NULL)
    present_main_window (self);
  g_application_release (G_APPLICATION (self));
}

static void
show_recovery_dialog (UrokApplication *self,
                      const GError    *error)
{
  g_autofree char *backup = urok_store_find_backup (self->store_path);
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (backup != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (backup);
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, 0, NULL, NULL);
      g_autoptr(GDateTime) when = info != NULL ? g_file_info_get_modification_date_time (info) : NULL;
      g_autofree char *date = when != NULL ? g_date_time_format (when, "%x %X") : g_strdup ("?");

      body = g_strdup_printf (_("%s\n\nA backup from %s is available. The damaged file will be kept "
                                "beside it, renamed, so nothing is lost."),
                              error->message, date);
    }
  else
    body = g_strdup_printf (_("%s\n\nNo backup was found. You can start with empty data; the damaged "
                              "file will be kept beside it, renamed, so nothing is lost."),
                            error->message);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("Your Data Could Not Be Opened"), body));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  adw_message_dialog_add_response (dialog, "quit", _("_Quit"));
  adw_message_dialog_add_response (dialog, "empty", _("Start _Empty"));
  adw_message_dialog_set_response_appearance (dialog, "empty", ADW_RESPONSE_DESTRUCTIVE);
  if (backup != NULL)
    {
      adw_message_dialog_add_response (dialog, "restore", _("_Restore Backup"));
      adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "restore");
    }
  adw_message_dialog_set_close_response (dialog, "quit");

  /* Held until the teacher answers, so the app does not exit windowless. */
  g_application_hold (G_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (recovery_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
urok_application_open_store (UrokApplication *self)
{
  g_autoptr(GError) error = NULL;

  self->store = urok_store_open (self->store_path, &error);
  if (self->store == NULL)
    {
      g_message ("Could not open the store: %s", error->message);
      if (g_error_matches (error, UROK_STORE_ERROR, UROK_STORE_ERROR_CORRUPT))
        show_recovery_dialog (self, error);
      else
        {
          AdwMessageDialog *dialog =
            ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("Your Data Could Not Be Opened"),
                                                        error->message));
          gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
          adw_message_dialog_add_response (dialog, "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      return;
    }

  /* A new teacher starts on the demo, once; after that an empty store
   * stays empty. */
  if (self->load_demo ||
      (!g_settings_get_boolean (self->settings, "demo-offered") && urok_store_is_empty (self->store)))
    {
      if (!urok_application_load_demo (self, &error))
        g_warning ("Could not load the demo content: %s", error->message);
    }
}

static void
urok_application_activate (GApplication *app)
{
  UrokApplication *self = UROK_APPLICATION (app);

  if (self->store == NULL)
    {
      urok_application_open_store (self);
      if (self->store == NULL)
        return;
    }
  present_main_window (self);
}

/* A package given on the command line is in the store and open. */
static void
package_imported_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  UrokLessonsPage *lessons = UROK_LESSONS_PAGE (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (lessons));

  if (urok_lessons_page_import_package_finish (lessons, result, &error))
    {
      if (UROK_IS_WINDOW (root))
        urok_window_show_section (UROK_WINDOW (root), "lessons");
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && UROK_IS_WINDOW (root))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could not import “%s”"), name);

      urok_window_show_error (UROK_WINDOW (root), heading, error->message);
    }
}

/* A textbook given on the command line or by the file manager is in the
 * library (imported if new) and open. */
static void
book_imported_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  UrokLibraryPage *library = UROK_LIBRARY_PAGE (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(UrokBookInfo) book = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (library));

  book = urok_library_page_import_finish (library, result, NULL, &error);
  if (!UROK_IS_WINDOW (root))
    return;
  if (book == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could not import “%s”"), name);

      urok_window_show_error (UROK_WINDOW (root), heading, error->message);
      return;
    }
  urok_window_show_section (UROK_WINDOW (root), "library");
  gtk_widget_activate_action (GTK_WIDGET (library), "library.open-book", "s", urok_book_info_get_identifier (book));
}

static void
urok_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  UrokApplication *self = UROK_APPLICATION (app);
  UrokWindow *window;

  urok_application_activate (app);
  if (self->store == NULL)
    return;

  window = ensure_window (self);
  for (int i = 0; i < n_files; i++)
    {
      /* Lesson packages open in the lesson editor; anything else is taken
       * for a textbook. */
      if (urok_lessons_page_is_package (files[i]))
        {
          UrokLessonsPage *lessons = UROK_LESSONS_PAGE (urok_window_get_page (window, "lessons"));

          urok_lessons_page_import_package_async (lessons, files[i], package_imported_cb,
                                                  g_object_ref (files[i]));
          continue;
        }

      urok_library_page_import_async (UROK_LIBRARY_PAGE (urok_window_get_page (window, "library")), files[i],
                                      book_imported_cb, g_object_ref (files[i]));
    }
}

static void
apply_color_scheme (UrokApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  guint scheme = (guint)g_settings_get_enum (self->settings, "color-scheme");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[MIN (scheme, G_N_ELEMENTS (schemes) - 1)]);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  UrokApplication *self = user_data;
  GtkWindow *preferences = GTK_WINDOW (urok_preferences_window_new (self->settings));

  gtk_window_set_transient_for (preferences, GTK_WINDOW (get_window (self)));
  gtk_window_present (preferences);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  UrokApplication *self = user_data;
  static const char *developers[] = { "Urok developers", NULL };

  adw_show_about_window (GTK_WINDOW (get_window (self)),
                         "application-name", _("Urok"),
                         "application-icon", APP_ID,
                         "developer-name", _("Urok developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Plan lessons, show them in class, run tests and keep the grade book"),
                         "developers", developers,
                         "copyright", "© 2026 Urok developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
load_demo_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  UrokApplication *self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!urok_application_load_demo (self, &error))
    urok_window_show_error (ensure_window (self), _("Could not load the demo content"), error->message);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
  { "load-demo", load_demo_activated },
};

static void
urok_application_startup (GApplication *app)
{
  UrokApplication *self = UROK_APPLICATION (app);
  static const struct
  {
    const char *action;
    const char *accel;
  } accels[] = {
    { "app.quit", "<Control>q" },
    { "app.preferences", "<Control>comma" },
    { "win.new", "<Control>n" },
    { "win.import-book", "<Control>o" },
    { "win.section::lessons", "<Alt>1" },
    { "win.section::presentation", "<Alt>2" },
    { "win.section::library", "<Alt>3" },
    { "win.section::quiz", "<Alt>4" },
    { "win.section::gradebook", "<Alt>5" },
  };

  G_APPLICATION_CLASS (urok_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    {
      const char *list[] = { accels[i].accel, NULL };
      gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, list);
    }

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_swapped (self->settings, "changed::color-scheme", G_CALLBACK (apply_color_scheme), self);
  apply_color_scheme (self);
}

static void
urok_application_shutdown (GApplication *app)
{
  UrokApplication *self = UROK_APPLICATION (app);

  /* The windows go first: an editor closing saves its last edits (and
   * waits for the store's writer thread to write them), and results of
   * saves still to be delivered let go of the writer. */
  for (GList *windows; (windows = gtk_application_get_windows (GTK_APPLICATION (self))) != NULL;)
    gtk_window_destroy (windows->data);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* The backup offered if the store is ever found damaged. */
  if (self->store != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!urok_store_backup (self->store, NULL, &error))
        g_warning ("%s", error->message);
    }

  /* Close the store for real (the windows' sections hold it too), so that
   * SQLite checkpoints the WAL into the database file and removes it; the
   * writer thread's connection closes with it. */
  g_clear_object (&self->store);

  G_APPLICATION_CLASS (urok_application_parent_class)->shutdown (app);
}

static int
urok_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  UrokApplication *self = UROK_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("urok %s\n", PACKAGE_VERSION);
      return 0;
    }
  self->load_demo = g_variant_dict_contains (options, "demo");
  self->exit_after_first_frame = g_variant_dict_contains (options, "exit-after-first-frame");
  if (self->exit_after_first_frame)
    /* Measured in-process, so one instance is guaranteed to do the work. */
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
  return -1;
}

static void
urok_application_finalize (GObject *object)
{
  UrokApplication *self = (UrokApplication *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->store_path, g_free);

  G_OBJECT_CLASS (urok_application_parent_class)->finalize (object);
}

static void
urok_application_class_init (UrokApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = urok_application_finalize;
  app_class->startup = urok_application_startup;
  app_class->shutdown = urok_application_shutdown;
  app_class->activate = urok_application_activate;
  app_class->open = urok_application_open;
  app_class->handle_local_options = urok_application_handle_local_options;
}

static void
urok_application_init (UrokApplication *self)
{
  static const GOptionEntry entries[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Load the demo class, lesson, textbook and test"), NULL },
    { "exit-after-first-frame", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL,
      "Quit once the main window has drawn its first frame (for benchmarks)", NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
    { NULL }
  };

  g_object_set_data (G_OBJECT (self), "start-time", GSIZE_TO_POINTER (g_get_monotonic_time ()));
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  self->store_path = urok_store_default_path ();
}
