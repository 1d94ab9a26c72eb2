/* urok-lesson-plan-text.c: the lesson plan's text, gathered once from the
 * lesson for both writers, and the temporary file each writes into before
 * renaming it over the document.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "urok-lesson-plan-private.h"
#include "urok-stage-kind.h"

/* The plan's text */

/* Valid UTF-8 with no control characters but newlines and tabs: Pango
 * warns on anything else, and XML 1.0 cannot hold it at all. */
static char *
clean_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (out, '\n');
        }
      else if (c == '\n' || c == '\t' || (!g_unichar_iscntrl (c) && c != 0xFFFE && c != 0xFFFF))
        g_string_append_unichar (out, c);
    }
  return g_strchomp (g_strchug (g_string_free (out, FALSE)));
}

static char *
format_date (const char *iso)
{
  g_autoptr(GDateTime) date = NULL;
  int year = 0;
  int month = 0;
  int day = 0;

  if (iso == NULL || *iso == '\0')
    return g_strdup ("");
  if (sscanf (iso, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return clean_text (iso);

  date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  /* Translators: the lesson's date in the lesson plan, a
   * g_date_time_format() format; %B is the month's name in the form that
   * follows a day ("23 ноября"). */
  return g_date_time_format (date, _("%-d %B %Y"));
}

static char *
stage_kind_name (UrokLessonPlan *self,
                 const char     *code)
{
  g_autoptr(GListModel) kinds = self->stage_kinds != NULL ? g_object_ref (self->stage_kinds) : urok_stage_kinds_built_in ();
  guint n_kinds = g_list_model_get_n_items (kinds);

  if (code == NULL || *code == '\0')
    return g_strdup ("");
  for (guint i = 0; i < n_kinds; i++)
    {
      g_autoptr(UrokStageKind) kind = g_list_model_get_item (kinds, i);

      if (g_strcmp0 (urok_stage_kind_get_code (kind), code) == 0)
        return clean_text (urok_stage_kind_get_name (kind));
    }
  return g_strdup ("");
}

static const char *
media_kind_name (const char *media_type)
{
  if (g_str_has_prefix (media_type, "image/"))
    return _("Image");
  if (g_str_has_prefix (media_type, "audio/"))
    return _("Audio");
  if (g_str_has_prefix (media_type, "video/"))
    return _("Video");
  return _("Media file");
}

static void
plan_resource_free (UrokPlanResource *item)
{
  g_free (item->kind);
  g_free (item->title);
  g_free (item->detail);
  g_free (item);
}

/* A resource is named by its kind and its title; the detail line keeps
 * what a printed page cannot open: the URL, the place in the book, the
 * card's text, or the file's name when there is no title. */
static UrokPlanResource *
plan_resource_new (UrokResource *resource)
{
  UrokPlanResource *item = g_new0 (UrokPlanResource, 1);
  const char *detail = NULL;
  const char *kind = NULL;

  switch (urok_resource_get_kind (resource))
    {
    case UROK_RESOURCE_BOARD_PAGE:
      kind = _("Whiteboard page");
      break;

    case UROK_RESOURCE_BOOK_PLACE:
      kind = _("Textbook");
      detail = urok_resource_get_location (resource);
      break;

    case UROK_RESOURCE_MEDIA:
      kind = media_kind_name (urok_resource_get_media_type (resource));
      if (*urok_resource_get_title (resource) == '\0')
        detail = urok_resource_get_target (resource);
      break;

    case UROK_RESOURCE_TEST:
      kind = _("Test");
      break;

    case UROK_RESOURCE_LINK:
      kind = _("Web link");
      detail = urok_resource_get_target (resource);
      item->detail_is_url = TRUE;
      break;

    case UROK_RESOURCE_TEXT:
      kind = _("Text card");
      detail = urok_resource_get_text (resource);
      break;

    default:
      kind = _("Resource");
      break;
    }

  item->kind = g_strdup (kind);
  item->title = clean_text (urok_resource_get_title (resource));
  if (detail != NULL && *detail != '\0')
    item->detail = clean_text (detail);
  return item;
}

static void
plan_stage_free (UrokPlanStage *stage)
{
  g_free (stage->title);
  g_free (stage->kind);
  g_free (stage->minutes);
  g_free (stage->teacher_activity);
  g_free (stage->student_activity);
  g_free (stage->methods);
  g_free (stage->planned_results);
  g_clear_pointer (&stage->resources, g_ptr_array_unref);
  g_free (stage);
}

static UrokPlanStage *
plan_stage_new (UrokLessonPlan *self,
                UrokStage      *stage,
                guint           number)
{
  UrokPlanStage *row = g_new0 (UrokPlanStage, 1);
  g_autofree char *title = clean_text (urok_stage_get_title (stage));
  GListModel *resources = urok_stage_get_resources (stage);
  guint n_resources = g_list_model_get_n_items (resources);

  row->title = *title != '\0' ? g_strdup_printf ("%u. %s", number, title) : g_strdup_printf ("%u.", number);
  row->kind = stage_kind_name (self, urok_stage_get_kind (stage));
  /* Translators: a stage's planned length in the lesson plan's table. */
  row->minutes = g_strdup_printf (_("%d min"), urok_stage_get_duration_minutes (stage));
  row->teacher_activity = clean_text (urok_stage_get_teacher_activity (stage));
  row->student_activity = clean_text (urok_stage_get_student_activity (stage));
  row->methods = clean_text (urok_stage_get_methods (stage));
  row->planned_results = clean_text (urok_stage_get_planned_results (stage));
  row->resources = g_ptr_array_new_with_free_func ((GDestroyNotify)plan_resource_free);
  for (guint i = 0; i < n_resources; i++)
    {
      g_autoptr(UrokResource) resource = g_list_model_get_item (resources, i);

      g_ptr_array_add (row->resources, plan_resource_new (resource));
    }
  return row;
}

void
_urok_plan_text_free (UrokPlanText *text)
{
  g_free (text->title);
  for (guint i = 0; i < UROK_PLAN_N_FIELDS; i++)
    {
      g_free (text->labels[i]);
      g_free (text->values[i]);
    }
  for (guint i = 0; i < UROK_PLAN_N_COLUMNS; i++)
    g_free (text->columns[i]);
  g_clear_pointer (&text->stages, g_ptr_array_unref);
  g_free (text);
}

UrokPlanText *
_urok_lesson_plan_get_text (UrokLessonPlan *self)
{
  UrokPlanText *text = g_new0 (UrokPlanText, 1);
  UrokLesson *lesson = self->lesson;
  GListModel *stages = urok_lesson_get_stages (lesson);
  guint n_stages = g_list_model_get_n_items (stages);
  const char *type_name = urok_lesson_type_name (urok_lesson_get_lesson_type (lesson));
  int grade = urok_lesson_get_grade_level (lesson);
  int minutes = urok_lesson_get_duration_minutes (lesson);

  text->title = g_strdup (_("Lesson Plan"));

  text->labels[UROK_PLAN_FIELD_TEACHER] = g_strdup (_("Teacher"));
  text->values[UROK_PLAN_FIELD_TEACHER] = clean_text (self->teacher);
  text->labels[UROK_PLAN_FIELD_SCHOOL] = g_strdup (_("School"));
  text->values[UROK_PLAN_FIELD_SCHOOL] = clean_text (self->school);
  text->labels[UROK_PLAN_FIELD_SUBJECT] = g_strdup (_("Subject"));
  text->values[UROK_PLAN_FIELD_SUBJECT] = clean_text (urok_lesson_get_subject (lesson));
  text->labels[UROK_PLAN_FIELD_CLASS] = g_strdup (_("Class"));
  /* The class group's name ("7Б") says the grade too; without one, the grade. */
  if (*self->class_group_name != '\0')
    text->values[UROK_PLAN_FIELD_CLASS] = clean_text (self->class_group_name);
  else if (grade > 0)
    /* Translators: the grade level in the lesson plan, when no class group is chosen. */
    text->values[UROK_PLAN_FIELD_CLASS] = g_strdup_printf (_("Grade %d"), grade);
  else
    text->values[UROK_PLAN_FIELD_CLASS] = g_strdup ("");
  text->labels[UROK_PLAN_FIELD_DATE] = g_strdup (_("Date"));
  text->values[UROK_PLAN_FIELD_DATE] = format_date (urok_lesson_get_planned_date (lesson));
  text->labels[UROK_PLAN_FIELD_DURATION] = g_strdup (_("Duration"));
  text->values[UROK_PLAN_FIELD_DURATION] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", minutes), minutes);
  text->labels[UROK_PLAN_FIELD_LESSON_TYPE] = g_strdup (_("Lesson type"));
  text->values[UROK_PLAN_FIELD_LESSON_TYPE] = clean_text (type_name);
  text->labels[UROK_PLAN_FIELD_TOPIC] = g_strdup (_("Topic"));
  text->values[UROK_PLAN_FIELD_TOPIC] = clean_text (urok_lesson_get_topic (lesson));
  text->labels[UROK_PLAN_FIELD_GOALS] = g_strdup (_("Goals"));
  text->values[UROK_PLAN_FIELD_GOALS] = clean_text (urok_lesson_get_goals (lesson));
  text->labels[UROK_PLAN_FIELD_RESULTS] = g_strdup (_("Planned results"));
  text->values[UROK_PLAN_FIELD_RESULTS] = clean_text (urok_lesson_get_planned_results (lesson));

  text->columns[UROK_PLAN_COLUMN_STAGE] = g_strdup (_("Stage"));
  text->columns[UROK_PLAN_COLUMN_TEACHER] = g_strdup (_("Teacher activity"));
  text->columns[UROK_PLAN_COLUMN_STUDENT] = g_strdup (_("Student activity"));
  text->columns[UROK_PLAN_COLUMN_METHODS] = g_strdup (_("Methods and forms of work"));
  text->columns[UROK_PLAN_COLUMN_RESOURCES] = g_strdup (_("Resources"));
  text->columns[UROK_PLAN_COLUMN_RESULTS] = g_strdup (_("Planned results"));

  text->stages = g_ptr_array_new_with_free_func ((GDestroyNotify)plan_stage_free);
  for (guint i = 0; i < n_stages; i++)
    {
      g_autoptr(UrokStage) stage = g_list_model_get_item (stages, i);

      g_ptr_array_add (text->stages, plan_stage_new (self, stage, i + 1));
    }
  return text;
}

char *
_urok_lesson_plan_dup_document_title (UrokLessonPlan *self)
{
  g_autofree char *topic = clean_text (urok_lesson_get_topic (self->lesson));

  if (*topic == '\0')
    return g_strdup (_("Lesson Plan"));
  return g_strdup_printf ("%s — %s", _("Lesson Plan"), topic);
}

/* Files */

void
_urok_lesson_plan_set_save_error (GError    **error,
                                  const char *path,
                                  int         code,
                                  const char *reason)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, code,
               _("Could not save the lesson plan as “%s”: %s. Choose another folder or name."),
               display, reason);
}

int
_urok_lesson_plan_open_temp (const char  *path,
                             char       **out_tmp_path,
                             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmp_path = g_build_filename (dir, name, NULL);
  int fd;

  /* 0666 less the umask: an exported document is an ordinary file. */
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved_errno = errno;

      _urok_lesson_plan_set_save_error (error, path, g_io_error_from_errno (saved_errno),
                                        g_strerror (saved_errno));
      return -1;
    }
  *out_tmp_path = g_steal_pointer (&tmp_path);
  return fd;
}

gboolean
_urok_lesson_plan_commit_temp (int          fd,
                               const char  *tmp_path,
                               const char  *path,
                               GError     **error)
{
  int saved_errno = 0;

  /* On disk before the rename, or a crash could leave an empty document
   * where the old one was. */
  if (g_fsync (fd) != 0)
    saved_errno = errno;
  if (close (fd) != 0 && saved_errno == 0)
    saved_errno = errno;
  if (saved_errno == 0 && g_rename (tmp_path, path) != 0)
    saved_errno = errno;

  if (saved_errno != 0)
    {
      g_unlink (tmp_path);
      _urok_lesson_plan_set_save_error (error, path, g_io_error_from_errno (saved_errno),
                                        g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

void
_urok_lesson_plan_discard_temp (int         fd,
                                const char *tmp_path)
{
  close (fd);
  g_unlink (tmp_path);
}

