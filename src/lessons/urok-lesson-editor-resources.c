/* urok-lesson-editor-resources.c: adding, editing, moving and removing the
 * resources of the shown stage.
 *
 * Pickers are small dialogs over the store's lists (textbooks, tests) or a
 * file chooser; files, whether chosen or dropped, are copied into the
 * lesson's media folder (in a thread) so that the lesson does not depend
 * on where they were.  Each add, edit, move or removal is one undoable step.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "urok-board-page-window.h"
#include "urok-lesson-editor-private.h"
#include "urok-lesson-util.h"
#include "urok-section-util.h"

typedef struct
{
  UrokLessonEditor *editor;
  UrokStage        *stage;
  UrokResource     *resource;  /* NULL when adding */
  UrokResourceKind  kind;
  GListModel       *choices;   /* books or tests, for those kinds */
  GtkWidget        *choice_row;
  GtkWidget        *target_row;
  GtkWidget        *location_row;
  GtkWidget        *title_row;
  GtkTextView      *text_view;
} ResourceDialog;

static void
resource_dialog_free (gpointer data)
{
  ResourceDialog *dialog = data;

  g_clear_object (&dialog->editor);
  g_clear_object (&dialog->stage);
  g_clear_object (&dialog->resource);
  g_clear_object (&dialog->choices);
  g_free (dialog);
}

static guint
n_resources (UrokStage *stage)
{
  return g_list_model_get_n_items (urok_stage_get_resources (stage));
}

/* Adds @resource at the end of the shown stage, as one step. */
static void
append_resource (UrokLessonEditor *self,
                 UrokStage        *stage,
                 UrokResource     *resource)
{
  urok_lesson_history_insert_resource (self->history, stage, n_resources (stage), resource);
  urok_stage_editor_focus_resource (self->stage_editor, resource);
}

void
_urok_lesson_editor_update_resource_actions (UrokLessonEditor *self)
{
  static const char *const actions[] = {
    "lesson.add-media", "lesson.add-book-place", "lesson.add-test",
    "lesson.add-link", "lesson.add-text", "lesson.add-board-page",
    "lesson.import-board-file",
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], self->selected != NULL);
}

/* Files
 *
 * Copying a video can take seconds, so files are copied into the lesson's
 * media folder in a thread (the copy touches no database); the resources
 * are added when it is done, as one step, if the stage is still there. */

typedef struct
{
  char *name;
  char *media_type;
  char *title;
} CopiedFile;

typedef struct
{
  UrokStore *store;
  char      *lesson_uuid;
  GPtrArray *files;    /* GFile */
  UrokStage *stage;
  guint      position;
  GPtrArray *copied;   /* CopiedFile */
  GPtrArray *failed;   /* basenames */
} MediaJob;

static void
copied_file_free (gpointer data)
{
  CopiedFile *copied = data;

  g_free (copied->name);
  g_free (copied->media_type);
  g_free (copied->title);
  g_free (copied);
}

static void
media_job_free (gpointer data)
{
  MediaJob *job = data;

  g_clear_object (&job->store);
  g_free (job->lesson_uuid);
  g_ptr_array_unref (job->files);
  g_clear_object (&job->stage);
  g_ptr_array_unref (job->copied);
  g_ptr_array_unref (job->failed);
  g_free (job);
}

static void
copy_media_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  MediaJob *job = task_data;

  for (guint i = 0; i < job->files->len; i++)
    {
      GFile *file = g_ptr_array_index (job->files, i);
      g_autoptr(GError) error = NULL;
      g_autofree char *media_type = NULL;
      g_autofree char *name = urok_store_add_lesson_media (job->store, job->lesson_uuid, file, &media_type, &error);
      g_autofree char *basename = g_file_get_basename (file);

      if (name == NULL)
        {
          g_warning ("Could not add %s to the lesson: %s", basename, error->message);
          g_ptr_array_add (job->failed, g_steal_pointer (&basename));
        }
      else
        {
          CopiedFile *copied = g_new0 (CopiedFile, 1);

          copied->name = g_steal_pointer (&name);
          copied->media_type = media_type != NULL ? g_steal_pointer (&media_type)
                                                  : g_strdup ("application/octet-stream");
          copied->title = g_steal_pointer (&basename);
          g_ptr_array_add (job->copied, copied);
        }
    }
  g_task_return_boolean (task, TRUE);
}

static void
media_copied_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  UrokLessonEditor *self = UROK_LESSON_EDITOR (source);
  MediaJob *job = g_task_get_task_data (G_TASK (result));
  UrokResource *last = NULL;
  guint position;

  /* Another lesson opened meanwhile, or the stage was removed: the copies
   * stay in the media folder, unused. */
  if (self->lesson == NULL || g_strcmp0 (urok_lesson_get_uuid (self->lesson), job->lesson_uuid) != 0 ||
      urok_lesson_find_stage (self->lesson, job->stage) < 0)
    return;

  position = MIN (job->position, n_resources (job->stage));
  /* Several files dropped at once are undone at once. */
  urok_lesson_history_begin_group (self->history);
  for (guint i = 0; i < job->copied->len; i++)
    {
      CopiedFile *copied = g_ptr_array_index (job->copied, i);
      g_autoptr(UrokResource) resource = urok_resource_new (UROK_RESOURCE_MEDIA);

      urok_resource_set_target (resource, copied->name);
      urok_resource_set_media_type (resource, copied->media_type);
      urok_resource_set_title (resource, copied->title);
      urok_lesson_history_insert_resource (self->history, job->stage, position + i, resource);
      last = resource;
    }
  urok_lesson_history_end_group (self->history);

  if (job->stage == self->selected && last != NULL)
    urok_stage_editor_focus_resource (self->stage_editor, last);
  if (job->failed->len > 0)
    {
      g_autofree char *names = NULL;
      g_autofree char *message = NULL;

      g_ptr_array_add (job->failed, NULL);
      names = g_strjoinv ("”, “", (char **)job->failed->pdata);
      message = g_markup_printf_escaped (_("Could not add “%s”: the file cannot be read"), names);
      _urok_lesson_editor_show_toast (self, adw_toast_new (message));
    }
  else if (job->stage != self->selected && job->copied->len > 0)
    {
      /* Dropped on another stage's row: say where the files went. */
      g_autofree char *message =
        g_markup_printf_escaped (g_dngettext (GETTEXT_PACKAGE, "%u file added to “%s”", "%u files added to “%s”",
                                              job->copied->len),
                                 job->copied->len, urok_stage_get_title (job->stage));
      _urok_lesson_editor_show_toast (self, adw_toast_new (message));
    }
}

void
_urok_lesson_editor_add_files (UrokLessonEditor *self,
                               UrokStage        *stage,
                               guint             position,
                               GSList           *files)
{
  g_autoptr(GTask) task = NULL;
  MediaJob *job;

  if (self->lesson == NULL || stage == NULL || files == NULL)
    return;

  job = g_new0 (MediaJob, 1);
  job->store = g_object_ref (self->store);
  job->lesson_uuid = g_strdup (urok_lesson_get_uuid (self->lesson));
  job->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (job->files, g_object_ref (l->data));
  job->stage = g_object_ref (stage);
  job->position = position;
  job->copied = g_ptr_array_new_with_free_func (copied_file_free);
  job->failed = g_ptr_array_new_with_free_func (g_free);

  task = g_task_new (self, NULL, media_copied_cb, NULL);
  g_task_set_task_data (task, job, media_job_free);
  g_task_run_in_thread (task, copy_media_thread);
}

static void
media_chosen_cb (GtkNativeDialog  *chooser,
                 int               response,
                 UrokLessonEditor *self)
{
  g_autoptr(GListModel) files = NULL;
  UrokStage *stage = g_object_get_data (G_OBJECT (chooser), "stage");
  GSList *list = NULL;

  if (response == GTK_RESPONSE_ACCEPT && stage != NULL)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = g_list_model_get_n_items (files); i > 0; i--)
        list = g_slist_prepend (list, g_list_model_get_item (files, i - 1));
      _urok_lesson_editor_add_files (self, stage, n_resources (stage), list);
      g_slist_free_full (list, g_object_unref);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
add_filter (GtkFileChooser     *chooser,
            const char         *name,
            const char * const *mime_types)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  if (mime_types == NULL)
    gtk_file_filter_add_pattern (filter, "*");
  for (guint i = 0; mime_types != NULL && mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
add_media_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  static const char *const media_types[] = { "image/*", "audio/*", "video/*", NULL };
  UrokLessonEditor *self = UROK_LESSON_EDITOR (widget);
  GtkFileChooserNative *chooser;

  if (self->selected == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Add Media Files"), _urok_lesson_editor_get_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (chooser), _("Images, audio and video"), media_types);
  add_filter (GTK_FILE_CHOOSER (chooser), _("All files"), NULL);
  g_object_set_data_full (G_OBJECT (chooser), "stage", g_object_ref (self->selected), g_object_unref);
  g_signal_connect_object (chooser, "response", G_CALLBACK (media_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Dialogs for the other kinds */

static char *
row_text (GtkWidget *row)
{
  return row != NULL ? g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)))) : g_strdup ("");
}

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* An http(s) address with a host, or NULL.  "example.org/page" is taken
 * as https, as a browser would. */
static char *
normalize_url (const char *text)
{
  g_autofree char *candidate = NULL;
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (text == NULL || *text == '\0' || strchr (text, ' ') != NULL)
    return NULL;
  candidate = strstr (text, "://") != NULL ? g_strdup (text) : g_strconcat ("https://", text, NULL);
  uri = g_uri_parse (candidate, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return NULL;
  scheme = g_uri_get_scheme (uri);
  if ((g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0) ||
      g_uri_get_host (uri) == NULL || strchr (g_uri_get_host (uri), '.') == NULL)
    return NULL;
  return g_uri_to_string (uri);
}

static gboolean
dialog_valid (ResourceDialog *dialog)
{
  switch (dialog->kind)
    {
    case UROK_RESOURCE_LINK:
      {
        g_autofree char *text = row_text (dialog->target_row);
        g_autofree char *url = normalize_url (text);

        /* Say what is wrong only once something was typed. */
        if (url == NULL && *text != '\0')
          gtk_widget_add_css_class (dialog->target_row, "error");
        else
          gtk_widget_remove_css_class (dialog->target_row, "error");
        return url != NULL;
      }
    case UROK_RESOURCE_TEXT:
      {
        g_autofree char *text = view_text (dialog->text_view);
        return *g_strstrip (text) != '\0';
      }
    case UROK_RESOURCE_BOOK_PLACE:
    case UROK_RESOURCE_TEST:
      return adw_combo_row_get_selected_item (ADW_COMBO_ROW (dialog->choice_row)) != NULL;
    case UROK_RESOURCE_MEDIA:
    case UROK_RESOURCE_BOARD_PAGE:
    default:
      return TRUE;
    }
}

static void
validate_cb (AdwMessageDialog *message_dialog)
{
  ResourceDialog *dialog = g_object_get_data (G_OBJECT (message_dialog), "resource-dialog");

  adw_message_dialog_set_response_enabled (message_dialog, "accept", dialog_valid (dialog));
}

/* Sets @property of the edited resource through the history, or of the
 * new one directly (it is not in the lesson yet). */
static void
apply_string (ResourceDialog *dialog,
              UrokResource   *resource,
              const char     *property,
              const char     *value)
{
  g_autofree char *current = NULL;

  g_object_get (resource, property, &current, NULL);
  if (g_strcmp0 (current, value) == 0)
    return;
  if (dialog->resource != NULL)
    urok_lesson_history_set_string (dialog->editor->history, G_OBJECT (resource), property, value);
  else
    g_object_set (resource, property, value, NULL);
}

static void
replace_string (char       **string,
                const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*string);
  *string = copy;
}

static void
resource_response_cb (AdwMessageDialog *message_dialog,
                      const char       *response,
                      gpointer          user_data)
{
  ResourceDialog *dialog = g_object_get_data (G_OBJECT (message_dialog), "resource-dialog");
  UrokLessonEditor *self = dialog->editor;
  g_autoptr(UrokResource) resource = NULL;
  g_autofree char *title = row_text (dialog->title_row);

  if (!g_str_equal (response, "accept") || self->lesson == NULL || !dialog_valid (dialog) ||
      urok_lesson_find_stage (self->lesson, dialog->stage) < 0)
    return;

  resource = dialog->resource != NULL ? g_object_ref (dialog->resource) : urok_resource_new (dialog->kind);
  if (dialog->resource != NULL)
    urok_lesson_history_begin_group (self->history);

  switch (dialog->kind)
    {
    case UROK_RESOURCE_LINK:
      {
        g_autofree char *text = row_text (dialog->target_row);
        g_autofree char *url = normalize_url (text);

        apply_string (dialog, resource, "target", url);
        if (*title == '\0')
          replace_string (&title, url);
      }
      break;
    case UROK_RESOURCE_TEXT:
      {
        g_autofree char *text = view_text (dialog->text_view);

        apply_string (dialog, resource, "text", text);
      }
      break;
    case UROK_RESOURCE_BOOK_PLACE:
      {
        UrokBookInfo *book = adw_combo_row_get_selected_item (ADW_COMBO_ROW (dialog->choice_row));
        g_autofree char *location = row_text (dialog->location_row);

        apply_string (dialog, resource, "target", urok_book_info_get_identifier (book));
        apply_string (dialog, resource, "location", location);
        if (*title == '\0')
          replace_string (&title, *location != '\0' ? location : urok_book_info_get_title (book));
      }
      break;
    case UROK_RESOURCE_TEST:
      {
        UrokTestInfo *test = adw_combo_row_get_selected_item (ADW_COMBO_ROW (dialog->choice_row));

        apply_string (dialog, resource, "target", urok_test_info_get_uuid (test));
        if (*title == '\0')
          replace_string (&title, urok_test_info_get_title (test));
      }
      break;
    case UROK_RESOURCE_MEDIA:
    case UROK_RESOURCE_BOARD_PAGE:
    default:
      break;
    }
  apply_string (dialog, resource, "title", title);

  if (dialog->resource != NULL)
    urok_lesson_history_end_group (self->history);
  else
    append_resource (self, dialog->stage, resource);
}

static GtkWidget *
add_entry_row (GtkWidget  *list,
               const char *name,
               const char *title,
               const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static void
show_nothing_to_choose (UrokLessonEditor *self,
                        const char       *heading,
                        const char       *body)
{
  GtkWidget *message = adw_message_dialog_new (_urok_lesson_editor_get_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (message));
}

/* The add or edit dialog of a resource of @kind; @resource is NULL to add
 * one to @stage. */
static void
open_resource_dialog (UrokLessonEditor *self,
                      UrokStage        *stage,
                      UrokResourceKind  kind,
                      UrokResource     *resource)
{
  ResourceDialog *dialog;
  AdwMessageDialog *message_dialog;
  GtkWidget *list;
  const char *heading = NULL;
  const char *body = NULL;

  switch (kind)
    {
    case UROK_RESOURCE_LINK:
      heading = resource != NULL ? _("Edit Web Link") : _("Add a Web Link");
      body = _("A web page to open during this stage");
      break;
    case UROK_RESOURCE_TEXT:
      heading = resource != NULL ? _("Edit Card") : _("Add a Text or Formula Card");
      body = _("Text to show on the board. Put a formula between dollar signs, such as $\\frac{1}{2}$.");
      break;
    case UROK_RESOURCE_BOOK_PLACE:
      if (self->books == NULL || g_list_model_get_n_items (self->books) == 0)
        {
          show_nothing_to_choose (self, _("No Textbooks Yet"),
                                  _("Import a textbook in the Library section, then add a place in it here."));
          return;
        }
      heading = resource != NULL ? _("Edit Textbook Place") : _("Add a Textbook Place");
      body = _("A page or paragraph of a textbook from the library");
      break;
    case UROK_RESOURCE_TEST:
      if (self->tests == NULL || g_list_model_get_n_items (self->tests) == 0)
        {
          show_nothing_to_choose (self, _("No Tests Yet"),
                                  _("Create a test in the Tests section, then add it to a stage here."));
          return;
        }
      heading = resource != NULL ? _("Edit Test") : _("Add a Test");
      body = _("A test from the Tests section, to run during this stage");
      break;
    case UROK_RESOURCE_BOARD_PAGE:
      heading = _("Rename Board Page");
      body = _("The page opens on the whiteboard when the lesson is presented; what is written on it is saved with the lesson.");
      break;
    case UROK_RESOURCE_MEDIA:
    default:
      heading = _("Rename Media File");
      break;
    }

  dialog = g_new0 (ResourceDialog, 1);
  dialog->editor = g_object_ref (self);
  dialog->stage = g_object_ref (stage);
  dialog->resource = resource != NULL ? g_object_ref (resource) : NULL;
  dialog->kind = kind;

  message_dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (_urok_lesson_editor_get_window (self), heading, body));
  g_object_set_data_full (G_OBJECT (message_dialog), "resource-dialog", dialog, resource_dialog_free);
  adw_message_dialog_add_response (message_dialog, "cancel", _("_Cancel"));
  adw_message_dialog_add_response (message_dialog, "accept", resource != NULL ? _("_Save") : _("_Add"));
  adw_message_dialog_set_response_appearance (message_dialog, "accept", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (message_dialog, "accept");
  adw_message_dialog_set_close_response (message_dialog, "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_size_request (list, 360, -1);

  if (kind == UROK_RESOURCE_BOOK_PLACE || kind == UROK_RESOURCE_TEST)
    {
      gboolean books = kind == UROK_RESOURCE_BOOK_PLACE;

      dialog->choices = g_object_ref (books ? self->books : self->tests);
      dialog->choice_row = adw_combo_row_new ();
      gtk_widget_set_name (dialog->choice_row, "resource-choice");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (dialog->choice_row), books ? _("Textbook") : _("Test"));
      adw_combo_row_set_expression (ADW_COMBO_ROW (dialog->choice_row),
                                    gtk_property_expression_new (books ? UROK_TYPE_BOOK_INFO : UROK_TYPE_TEST_INFO,
                                                                 NULL, "title"));
      adw_combo_row_set_model (ADW_COMBO_ROW (dialog->choice_row), dialog->choices);
      if (resource != NULL)
        {
          guint position = 0;
          g_autoptr(GObject) chosen = urok_list_find (dialog->choices, books ? "identifier" : "uuid",
                                                      urok_resource_get_target (resource), &position);

          adw_combo_row_set_selected (ADW_COMBO_ROW (dialog->choice_row), chosen != NULL ? position : 0);
        }
      gtk_list_box_append (GTK_LIST_BOX (list), dialog->choice_row);
      g_signal_connect_swapped (dialog->choice_row, "notify::selected", G_CALLBACK (validate_cb), message_dialog);
    }
  if (kind == UROK_RESOURCE_BOOK_PLACE)
    dialog->location_row = add_entry_row (list, "resource-location", _("Place: Page, Paragraph"),
                                          resource != NULL ? urok_resource_get_location (resource) : NULL);
  if (kind == UROK_RESOURCE_LINK)
    {
      dialog->target_row = add_entry_row (list, "resource-target", _("Address"),
                                          resource != NULL ? urok_resource_get_target (resource) : NULL);
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (dialog->target_row), GTK_INPUT_PURPOSE_URL);
      g_signal_connect_swapped (dialog->target_row, "changed", G_CALLBACK (validate_cb), message_dialog);
    }
  dialog->title_row = add_entry_row (list, "resource-title",
                                     kind == UROK_RESOURCE_LINK || kind == UROK_RESOURCE_TEXT ||
                                     kind == UROK_RESOURCE_BOOK_PLACE || kind == UROK_RESOURCE_TEST
                                     ? _("Title (Optional)") : _("Title"),
                                     resource != NULL ? urok_resource_get_title (resource) : NULL);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (dialog->title_row), TRUE);

  if (kind == UROK_RESOURCE_TEXT)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      GtkWidget *view = gtk_text_view_new ();
      GtkWidget *scroller = gtk_scrolled_window_new ();

      gtk_widget_set_name (view, "resource-text");
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 12);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
      gtk_widget_add_css_class (view, "card");
      gtk_widget_add_css_class (view, "lesson-text");
      if (resource != NULL)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), urok_resource_get_text (resource), -1);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 120);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      dialog->text_view = GTK_TEXT_VIEW (view);
      g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                                G_CALLBACK (validate_cb), message_dialog);
      gtk_box_append (GTK_BOX (box), list);
      gtk_box_append (GTK_BOX (box), scroller);
      adw_message_dialog_set_extra_child (message_dialog, box);
    }
  else
    adw_message_dialog_set_extra_child (message_dialog, list);

  validate_cb (message_dialog);
  g_signal_connect (message_dialog, "response", G_CALLBACK (resource_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (message_dialog));
  if (dialog->target_row != NULL)
    gtk_widget_grab_focus (dialog->target_row);
  else if (dialog->text_view != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (dialog->text_view));
}

static void
add_kind_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  UrokLessonEditor *self = UROK_LESSON_EDITOR (widget);
  UrokResourceKind kind = UROK_RESOURCE_TEXT;

  if (self->selected == NULL)
    return;
  if (g_str_equal (action_name, "lesson.add-link"))
    kind = UROK_RESOURCE_LINK;
  else if (g_str_equal (action_name, "lesson.add-book-place"))
    kind = UROK_RESOURCE_BOOK_PLACE;
  else if (g_str_equal (action_name, "lesson.add-test"))
    kind = UROK_RESOURCE_TEST;
  open_resource_dialog (self, self->selected, kind, NULL);
}

/* A blank page: the whiteboard fills it in once it exists. */
static void
add_board_page_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  UrokLessonEditor *self = UROK_LESSON_EDITOR (widget);
  g_autoptr(UrokResource) resource = NULL;
  g_autofree char *title = NULL;
  GListModel *stages;
  guint pages = 0;

  if (self->selected == NULL)
    return;
  stages = urok_lesson_get_stages (self->lesson);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(UrokStage) stage = g_list_model_get_item (stages, i);

      for (guint j = 0; j < n_resources (stage); j++)
        {
          g_autoptr(UrokResource) other = g_list_model_get_item (urok_stage_get_resources (stage), j);

          pages += urok_resource_get_kind (other) == UROK_RESOURCE_BOARD_PAGE;
        }
    }

  title = g_strdup_printf (_("Board page %u"), pages + 1);
  resource = urok_resource_new (UROK_RESOURCE_BOARD_PAGE);
  urok_resource_set_board (resource, "{}");
  urok_resource_set_title (resource, title);
  append_resource (self, self->selected, resource);
}

static void
edit_resource_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  UrokLessonEditor *self = UROK_LESSON_EDITOR (widget);
  UrokStage *stage = NULL;
  guint position = 0;
  g_autoptr(UrokResource) resource = NULL;

  if (self->lesson == NULL ||
      !urok_lesson_find_resource (self->lesson, g_variant_get_string (parameter, NULL), &stage, &position))
    return;
  resource = g_list_model_get_item (urok_stage_get_resources (stage), position);
  open_resource_dialog (self, stage, urok_resource_get_kind (resource), resource);
}

/* The board page on the whiteboard, to prepare before the lesson: the
 * lesson is saved first, so the page's row is the store's. */
static void
open_board_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  UrokLessonEditor *self = UROK_LESSON_EDITOR (widget);
  UrokStage *stage = NULL;
  guint position = 0;
  g_autoptr(UrokResource) resource = NULL;
  g_autoptr(GError) error = NULL;
  UrokBoardPageWindow *window;

  if (self->lesson == NULL || self->store == NULL ||
      !urok_lesson_find_resource (self->lesson, g_variant_get_string (parameter, NULL), &stage, &position))
    return;
  resource = g_list_model_get_item (urok_stage_get_resources (stage), position);
  if (urok_resource_get_kind (resource) != UROK_RESOURCE_BOARD_PAGE || !_urok_lesson_editor_save_now (self, NULL))
    return;
  window = urok_board_page_window_new (self->store, urok_lesson_get_uuid (self->lesson), resource, &error);
  if (window == NULL)
    {
      urok_section_show_error (widget, _("Could Not Open the Board Page"), error->message);
      return;
    }
  gtk_window_set_transient_for (GTK_WINDOW (window), _urok_lesson_editor_get_window (self));
  gtk_window_present (GTK_WINDOW (window));
}

static void
remove_resource_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  UrokLessonEditor *self = UROK_LESSON_EDITOR (widget);
  UrokStage *stage = NULL;
  guint position = 0;
  g_autoptr(UrokResource) resource = NULL;
  g_autoptr(UrokResource) neighbour = NULL;
  g_autofree char *title = NULL;

  if (self->lesson == NULL ||
      !urok_lesson_find_resource (self->lesson, g_variant_get_string (parameter, NULL), &stage, &position))
    return;
  resource = g_list_model_get_item (urok_stage_get_resources (stage), position);
  urok_lesson_history_remove_resource (self->history, stage, position);

  /* The keyboard stays in the list, on the next row. */
  if (n_resources (stage) > 0)
    {
      neighbour = g_list_model_get_item (urok_stage_get_resources (stage), MIN (position, n_resources (stage) - 1));
      urok_stage_editor_focus_resource (self->stage_editor, neighbour);
    }

  title = g_markup_printf_escaped (_("“%s” removed"),
                                   *urok_resource_get_title (resource) != '\0' ? urok_resource_get_title (resource)
                                                                                : _("Resource"));
  _urok_lesson_editor_show_undo_toast (self, title);
}

static void
move_resource_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  UrokLessonEditor *self = UROK_LESSON_EDITOR (widget);
  int delta = g_str_equal (action_name, "lesson.move-resource-up") ? -1 : 1;
  UrokStage *stage = NULL;
  guint position = 0;
  g_autoptr(UrokResource) resource = NULL;

  if (self->lesson == NULL ||
      !urok_lesson_find_resource (self->lesson, g_variant_get_string (parameter, NULL), &stage, &position) ||
      (int)position + delta < 0 || position + delta >= n_resources (stage))
    return;
  resource = g_list_model_get_item (urok_stage_get_resources (stage), position);
  urok_lesson_history_move_resource (self->history, stage, position, stage, position + delta);
  urok_stage_editor_focus_resource (self->stage_editor, resource);
}

void
_urok_lesson_editor_class_init_resources (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "lesson.add-media", NULL, add_media_activated);
  gtk_widget_class_install_action (widget_class, "lesson.add-book-place", NULL, add_kind_activated);
  gtk_widget_class_install_action (widget_class, "lesson.add-test", NULL, add_kind_activated);
  gtk_widget_class_install_action (widget_class, "lesson.add-link", NULL, add_kind_activated);
  gtk_widget_class_install_action (widget_class, "lesson.add-text", NULL, add_kind_activated);
  gtk_widget_class_install_action (widget_class, "lesson.add-board-page", NULL, add_board_page_activated);
  gtk_widget_class_install_action (widget_class, "lesson.edit-resource", "s", edit_resource_activated);
  gtk_widget_class_install_action (widget_class, "lesson.remove-resource", "s", remove_resource_activated);
  gtk_widget_class_install_action (widget_class, "lesson.open-board", "s", open_board_activated);
  gtk_widget_class_install_action (widget_class, "lesson.move-resource-up", "s", move_resource_activated);
  gtk_widget_class_install_action (widget_class, "lesson.move-resource-down", "s", move_resource_activated);
}
