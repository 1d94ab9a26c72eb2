/* bench-lesson-plan.c: lessons.export_pdf, the plan of a ten-stage lesson
 * written to PDF (layout, drawing, fonts embedded, file renamed in place).
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "plan-test-util.h"

#include "urok-lesson-plan.h"

#define RUNS 21

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("urok-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.pdf", NULL);
  g_autoptr(UrokLesson) lesson = plan_test_lesson_new (FALSE);
  g_autoptr(UrokLessonPlan) plan = urok_lesson_plan_new (lesson, "Иванова Анна Петровна",
                                                         "МБОУ «Школа № 17»", "5 «Б»");
  g_autoptr(GError) error = NULL;
  double first_ms;
  double ms[RUNS];
  gint64 start;

  /* The first export also loads fontconfig's cache and the fonts: once per
   * process, so it is reported on its own. */
  start = g_get_monotonic_time ();
  if (!urok_lesson_plan_write_pdf (plan, path, &error))
    g_error ("%s", error->message);
  first_ms = (g_get_monotonic_time () - start) / 1000.0;

  for (guint i = 0; i < RUNS; i++)
    {
      start = g_get_monotonic_time ();
      if (!urok_lesson_plan_write_pdf (plan, path, &error))
        g_error ("%s", error->message);
      ms[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (ms, RUNS, sizeof (double), compare_doubles);

  g_print ("BENCH lessons.export_pdf %.1f ms\n", ms[RUNS / 2]);
  g_print ("BENCH lessons.export_pdf.first %.1f ms\n", first_ms);

  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
