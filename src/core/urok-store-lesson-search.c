/* urok-store-lesson-search.c: finding lessons in the store: the library's
 * search (FTS5 over topics, goals and stage texts), filters and sorting,
 * and the subjects and tags its filters offer.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "urok-store-private.h"

/* The columns of UrokLessonInfo, for a lesson row `l`. */
#define INFO_COLUMNS                                                            \
  "l.id, l.uuid, l.topic, l.subject, coalesce(l.grade_level, 0), l.duration_minutes," \
  " (SELECT count(*) FROM stage s WHERE s.lesson_id = l.id),"                   \
  " (SELECT coalesce(sum(s.duration_minutes), 0) FROM stage s WHERE s.lesson_id = l.id)," \
  " coalesce(l.planned_date, ''), l.lesson_type, l.tags, l.is_template, l.modified"

static UrokLessonInfo *
info_from_row (sqlite3_stmt *stmt)
{
  g_auto(GStrv) tags = _urok_strv_from_json (_urok_column_text (stmt, 10));

  return g_object_new (UROK_TYPE_LESSON_INFO,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "uuid", _urok_column_text (stmt, 1),
                       "topic", _urok_column_text (stmt, 2),
                       "subject", _urok_column_text (stmt, 3),
                       "grade-level", sqlite3_column_int (stmt, 4),
                       "duration-minutes", sqlite3_column_int (stmt, 5),
                       "n-stages", sqlite3_column_int (stmt, 6),
                       "planned-minutes", sqlite3_column_int (stmt, 7),
                       "planned-date", _urok_column_text (stmt, 8),
                       "lesson-type", _urok_column_text (stmt, 9),
                       "tags", tags,
                       "is-template", sqlite3_column_int (stmt, 11) != 0,
                       "modified", _urok_column_text (stmt, 12),
                       NULL);
}

/* The words of @text as an FTS5 query: each word a quoted prefix, all of
 * them required.  Quoting every word means nothing the teacher types is
 * read as FTS5 syntax (AND, NEAR, a stray quote or colon).  NULL when there
 * is no word at all. */
static char *
build_match (const char *text)
{
  g_autofree char *folded = _urok_fold (text);
  g_autoptr(GString) match = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          g_string_append_printf (match, "%s\"%s\"*", match->len > 0 ? " " : "", word->str);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }

  if (match->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&match), FALSE);
}

GListModel *
urok_store_search_lessons (UrokStore              *self,
                           const UrokLessonQuery  *query,
                           GError                **error)
{
  static const UrokLessonQuery everything;
  g_autoptr(GListStore) lessons = g_list_store_new (UROK_TYPE_LESSON_INFO);
  g_autoptr(GString) inner = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *match = NULL;
  g_autofree char *sql = NULL;
  const char *order;
  int param = 1;
  int rc;

  g_return_val_if_fail (UROK_IS_STORE (self), NULL);

  if (query == NULL)
    query = &everything;

  switch (query->sort)
    {
    case UROK_LESSON_SORT_TOPIC:
      order = "l.sort_topic, l.id";
      break;

    case UROK_LESSON_SORT_PLANNED_DATE:
      order = "l.planned_date IS NULL, l.planned_date, l.modified DESC, l.id DESC";
      break;

    case UROK_LESSON_SORT_MODIFIED:
    default:
      order = "l.modified DESC, l.id DESC";
      break;
    }

  if (query->text != NULL)
    match = build_match (query->text);

  /* The page is chosen first and only its rows get their stages counted:
   * with thousands of lessons matching, counting them all would dominate. */
  g_string_append (inner, "SELECT l.id FROM lesson l WHERE l.is_template = ?");
  if (match != NULL)
    g_string_append (inner, " AND l.id IN (SELECT rowid FROM lesson_fts WHERE lesson_fts MATCH ?)");
  if (query->subject != NULL && query->subject[0] != '\0')
    g_string_append (inner, " AND l.subject = ?");
  if (query->grade_level > 0)
    g_string_append (inner, " AND l.grade_level = ?");
  if (query->tag != NULL && query->tag[0] != '\0')
    g_string_append (inner, " AND EXISTS (SELECT 1 FROM json_each(l.tags) t WHERE t.value = ?)");
  g_string_append_printf (inner, " ORDER BY %s LIMIT ? OFFSET ?", order);

  sql = g_strdup_printf ("SELECT " INFO_COLUMNS " FROM (%s) AS page JOIN lesson l ON l.id = page.id"
                         " ORDER BY %s", inner->str, order);
  stmt = _urok_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, param++, query->templates ? 1 : 0);
  if (match != NULL)
    sqlite3_bind_text (stmt, param++, match, -1, SQLITE_TRANSIENT);
  if (query->subject != NULL && query->subject[0] != '\0')
    sqlite3_bind_text (stmt, param++, query->subject, -1, SQLITE_TRANSIENT);
  if (query->grade_level > 0)
    sqlite3_bind_int (stmt, param++, query->grade_level);
  if (query->tag != NULL && query->tag[0] != '\0')
    sqlite3_bind_text (stmt, param++, query->tag, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, param++, query->limit > 0 ? (gint64)query->limit : -1);
  sqlite3_bind_int64 (stmt, param++, query->offset);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(UrokLessonInfo) info = info_from_row (stmt);
      g_list_store_append (lessons, info);
    }
  if (rc != SQLITE_DONE)
    {
      _urok_store_set_error (self, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&lessons));
}

GListModel *
urok_store_list_lessons (UrokStore  *self,
                         GError    **error)
{
  UrokLessonQuery query = { 0 };

  g_return_val_if_fail (UROK_IS_STORE (self), NULL);

  return urok_store_search_lessons (self, &query, error);
}

static int
compare_text (gconstpointer a,
              gconstpointer b)
{
  return g_utf8_collate (*(const char *const *)a, *(const char *const *)b);
}

static GStrv
collect_strings (UrokStore   *self,
                 const char  *sql,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _urok_store_prepare (self, sql, error);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (values, g_strdup (_urok_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      g_ptr_array_set_free_func (values, g_free);
      _urok_store_set_error (self, error);
      return NULL;
    }
  g_ptr_array_sort (values, compare_text);
  g_ptr_array_add (values, NULL);
  return (GStrv)g_ptr_array_steal (values, NULL);
}

GStrv
urok_store_list_lesson_subjects (UrokStore  *self,
                                 GError    **error)
{
  g_return_val_if_fail (UROK_IS_STORE (self), NULL);

  return collect_strings (self, "SELECT DISTINCT subject FROM lesson WHERE subject <> ''", error);
}

GStrv
urok_store_list_lesson_tags (UrokStore  *self,
                             GError    **error)
{
  g_return_val_if_fail (UROK_IS_STORE (self), NULL);

  return collect_strings (self,
                          "SELECT DISTINCT t.value FROM lesson l, json_each(l.tags) t"
                          " WHERE t.type = 'text' AND t.value <> ''",
                          error);
}
