/* urok-lesson-plan.c: the lesson plan document («технологическая карта
 * урока»): its layout in pages, its drawing and its PDF (the text comes
 * from urok-lesson-plan-text.c).
 *
 * Every cell is a PangoLayout that wraps and is never clipped.  A row that
 * does not fit on what is left of a page goes on the next one, split
 * between lines of its cells when it is taller than a page, so no text is
 * ever lost; the table's header row starts every page the table is on.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <unistd.h>

#include "urok-lesson-plan-private.h"
#include "urok-stage-kind.h"

/* A4 landscape, in points. */
#define PDF_WIDTH 842.0
#define PDF_HEIGHT 595.0

#define MARGIN 36.0
#define FOOTER_HEIGHT 18.0
#define PAD_X 5.0
#define PAD_Y 4.0
#define BORDER_WIDTH 0.6
#define TITLE_GAP 6.0
#define TABLE_GAP 14.0
#define MAX_CELLS 6

/* The fonts a Debian desktop, LibreOffice users and our CI have, the
 * narrower first: narrow columns of Russian text wrap less. */
#define FONT_FAMILIES "Liberation Sans, Arimo, DejaVu Sans, Cantarell, Sans"
#define BODY_SIZE 9.0
#define TITLE_SIZE 14.0
#define FOOTER_SIZE 7.5
#define GREY "#555555"

/* The activity columns take most of the width: that is where the text is. */
static const double column_share[UROK_PLAN_N_COLUMNS] = {
  0.155, /* stage */
  0.205, /* teacher activity */
  0.185, /* student activity */
  0.140, /* methods */
  0.160, /* resources */
  0.155, /* planned results */
};

/* One line of a cell, in points from the top of its layout. */
typedef struct
{
  double top;
  double bottom;
  double baseline;
  double x;
} LineBox;

typedef struct
{
  PangoLayout *layout; /* NULL: an empty cell */
  GArray      *lines;  /* of LineBox */
  double       x;      /* from the left margin */
  double       width;
  gboolean     shaded;
} Cell;

typedef struct
{
  Cell         cells[MAX_CELLS];
  guint        n_cells;
  gboolean     framed;
  double       space_before;
  /* Shown in the first cell of the part of a split row on a later page,
   * once that cell's own text is used up: which stage this is. */
  PangoLayout *continued;
  double       continued_height;
} Row;

/* A row, or the part of it between lines start and end, on a page. */
typedef struct
{
  const Row *row;
  double     y;
  double     height;
  guint      start[MAX_CELLS];
  guint      end[MAX_CELLS];
  gboolean   show_continued;
} Placement;


G_DEFINE_FINAL_TYPE (UrokLessonPlan, urok_lesson_plan, G_TYPE_OBJECT)

static void
row_free (Row *row)
{
  for (guint i = 0; i < row->n_cells; i++)
    {
      g_clear_object (&row->cells[i].layout);
      g_clear_pointer (&row->cells[i].lines, g_array_unref);
    }
  g_clear_object (&row->continued);
  g_free (row);
}

static void
clear_pagination (UrokLessonPlan *self)
{
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->footer, g_free);
  g_clear_object (&self->context);
}

static void
urok_lesson_plan_finalize (GObject *object)
{
  UrokLessonPlan *self = (UrokLessonPlan *)object;

  clear_pagination (self);
  g_clear_object (&self->lesson);
  g_clear_object (&self->stage_kinds);
  g_clear_pointer (&self->teacher, g_free);
  g_clear_pointer (&self->school, g_free);
  g_clear_pointer (&self->class_group_name, g_free);

  G_OBJECT_CLASS (urok_lesson_plan_parent_class)->finalize (object);
}

static void
urok_lesson_plan_class_init (UrokLessonPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = urok_lesson_plan_finalize;
}

static void
urok_lesson_plan_init (UrokLessonPlan *self)
{
}

UrokLessonPlan *
urok_lesson_plan_new (UrokLesson *lesson,
                      const char *teacher,
                      const char *school,
                      const char *class_group_name)
{
  UrokLessonPlan *self;

  g_return_val_if_fail (UROK_IS_LESSON (lesson), NULL);

  self = g_object_new (UROK_TYPE_LESSON_PLAN, NULL);
  self->lesson = g_object_ref (lesson);
  self->teacher = g_strdup (teacher != NULL ? teacher : "");
  self->school = g_strdup (school != NULL ? school : "");
  self->class_group_name = g_strdup (class_group_name != NULL ? class_group_name : "");
  return self;
}

void
urok_lesson_plan_set_stage_kinds (UrokLessonPlan *self,
                                  GListModel     *kinds)
{
  g_return_if_fail (UROK_IS_LESSON_PLAN (self));
  g_return_if_fail (kinds == NULL || G_IS_LIST_MODEL (kinds));

  g_set_object (&self->stage_kinds, kinds);
}

/* A fresh plan of the same lesson, so that writing a file never disturbs a
 * pagination the UI is printing from. */
static UrokLessonPlan *
urok_lesson_plan_dup (UrokLessonPlan *self)
{
  UrokLessonPlan *copy = urok_lesson_plan_new (self->lesson, self->teacher, self->school,
                                               self->class_group_name);

  urok_lesson_plan_set_stage_kinds (copy, self->stage_kinds);
  return copy;
}

/* Layout */

static PangoFontDescription *
font_new (double   size,
          gboolean bold)
{
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILIES);

  pango_font_description_set_size (font, (int)(size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  return font;
}

static PangoLayout *
layout_new (UrokLessonPlan             *self,
            const char                 *markup,
            const PangoFontDescription *font,
            double                      width,
            PangoAlignment              alignment)
{
  PangoLayout *layout = pango_layout_new (self->context);

  pango_layout_set_font_description (layout, font);
  /* Words wrap; a word longer than the column breaks (with a hyphen)
   * rather than running out of its cell. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1.0)));
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static GArray *
measure_lines (PangoLayout *layout)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (LineBox));
  PangoLayoutIter *iter;

  if (layout == NULL)
    return lines;

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;
      LineBox box;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      box.top = pango_units_to_double (logical.y);
      box.bottom = pango_units_to_double (logical.y + logical.height);
      box.baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter));
      box.x = pango_units_to_double (logical.x);
      g_array_append_val (lines, box);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return lines;
}

/* Takes @layout (NULL for an empty cell). */
static void
row_add_cell (Row         *row,
              PangoLayout *layout,
              double       x,
              double       width,
              gboolean     shaded)
{
  Cell *cell;

  g_assert (row->n_cells < MAX_CELLS);
  cell = &row->cells[row->n_cells++];
  cell->layout = layout;
  cell->lines = measure_lines (layout);
  cell->x = x;
  cell->width = width;
  cell->shaded = shaded;
}

static void
row_add_text_cell (UrokLessonPlan             *self,
                   Row                        *row,
                   const char                 *markup,
                   const PangoFontDescription *font,
                   double                      x,
                   double                      width,
                   gboolean                    shaded,
                   PangoAlignment              alignment)
{
  PangoLayout *layout = NULL;

  if (markup != NULL && *markup != '\0')
    layout = layout_new (self, markup, font, width - 2 * PAD_X, alignment);
  row_add_cell (row, layout, x, width, shaded);
}

static Row *
row_new (gboolean framed,
         double   space_before)
{
  Row *row = g_new0 (Row, 1);

  row->framed = framed;
  row->space_before = space_before;
  return row;
}

static double
cell_height (const Cell *cell,
             guint       start,
             guint       end)
{
  if (end <= start)
    return 0.0;
  return g_array_index (cell->lines, LineBox, end - 1).bottom -
         g_array_index (cell->lines, LineBox, start).top;
}

static double
row_full_height (const Row *row)
{
  double tallest = 0.0;

  for (guint i = 0; i < row->n_cells; i++)
    tallest = MAX (tallest, cell_height (&row->cells[i], 0, row->cells[i].lines->len));
  return tallest + 2 * PAD_Y;
}

static gboolean
row_done (const Row   *row,
          const guint *start)
{
  for (guint i = 0; i < row->n_cells; i++)
    if (start[i] < row->cells[i].lines->len)
      return FALSE;
  return TRUE;
}

/* How much of @row, from lines @start on, fits in @avail points: sets
 * @end and returns the part's height, or -1 when no line fits.  With
 * @force at least one line of each cell goes in, so a page always takes
 * something even from a row of impossibly tall lines. */
static double
fit_part (const Row   *row,
          const guint *start,
          double       avail,
          gboolean     force,
          gboolean     continuation,
          guint       *end,
          gboolean    *show_continued)
{
  double text_avail = avail - 2 * PAD_Y;
  double tallest = 0.0;
  gboolean progress = row_done (row, start);

  for (guint i = 0; i < row->n_cells; i++)
    {
      const Cell *cell = &row->cells[i];
      guint n_lines = cell->lines->len;
      guint e = start[i];

      while (e < n_lines && cell_height (cell, start[i], e + 1) <= text_avail)
        e++;
      if (e == start[i] && e < n_lines && force)
        e++;
      if (e > start[i])
        progress = TRUE;
      tallest = MAX (tallest, cell_height (cell, start[i], e));
      end[i] = e;
    }

  *show_continued = FALSE;
  if (!progress)
    return -1.0;
  if (continuation && row->continued != NULL && end[0] == start[0] &&
      row->continued_height <= MAX (text_avail, tallest))
    {
      *show_continued = TRUE;
      tallest = MAX (tallest, row->continued_height);
    }
  return tallest + 2 * PAD_Y;
}

typedef struct
{
  UrokLessonPlan *self;
  GArray         *page;  /* of Placement */
  double          y;     /* where the next row goes */
  double          top;   /* below the repeated header: "at the top" */
  double          bottom;
  const Row      *table_header;
} Paginator;

static void
paginator_place (Paginator   *p,
                 const Row   *row,
                 double       y,
                 double       height,
                 const guint *start,
                 const guint *end,
                 gboolean     show_continued)
{
  Placement placement = { 0 };

  placement.row = row;
  placement.y = y;
  placement.height = height;
  placement.show_continued = show_continued;
  memcpy (placement.start, start, sizeof placement.start);
  memcpy (placement.end, end, sizeof placement.end);
  g_array_append_val (p->page, placement);
  p->y = y + height;
}

static void
paginator_place_whole (Paginator *p,
                       const Row *row,
                       double     y)
{
  guint start[MAX_CELLS] = { 0 };
  guint end[MAX_CELLS] = { 0 };

  for (guint i = 0; i < row->n_cells; i++)
    end[i] = row->cells[i].lines->len;
  paginator_place (p, row, y, row_full_height (row), start, end, FALSE);
}

static void
paginator_new_page (Paginator *p)
{
  g_ptr_array_add (p->self->pages, p->page);
  p->page = g_array_new (FALSE, TRUE, sizeof (Placement));
  p->y = MARGIN;
  if (p->table_header != NULL)
    paginator_place_whole (p, p->table_header, p->y);
  p->top = p->y;
}

static double
min_part_height (void)
{
  /* Two lines of body text: less is not worth starting a row for. */
  return 2 * BODY_SIZE * 1.25 + 2 * PAD_Y;
}

static void
paginate_table_header (Paginator *p,
                       const Row *row,
                       const Row *next)
{
  double need = row_full_height (row);

  /* Never alone at the foot of a page. */
  if (next != NULL)
    need += MIN (row_full_height (next), min_part_height ());
  if (p->y > p->top && p->y + row->space_before + need > p->bottom)
    paginator_new_page (p);
  paginator_place_whole (p, row, p->y > p->top ? p->y + row->space_before : p->y);
  p->table_header = row;
  p->top = p->y;
}

static void
paginate_row (Paginator *p,
              const Row *row)
{
  guint start[MAX_CELLS] = { 0 };
  guint end[MAX_CELLS] = { 0 };
  double full = row_full_height (row);
  double fresh = p->bottom - MARGIN - (p->table_header != NULL ? row_full_height (p->table_header) : 0.0);
  double left = p->bottom - p->y - row->space_before;
  gboolean continuation = FALSE;

  /* A row that fits on a page is split only when that saves a gap of
   * more than a third of the page; a tall one is split wherever it is. */
  if (p->y > p->top && full > left &&
      (left < min_part_height () || (full <= fresh && left < fresh * 0.35)))
    paginator_new_page (p);

  for (;;)
    {
      gboolean at_top = p->y <= p->top;
      double gap = at_top || continuation ? 0.0 : row->space_before;
      gboolean show_continued = FALSE;
      double height;

      height = fit_part (row, start, p->bottom - p->y - gap, at_top, continuation, end, &show_continued);
      if (height < 0)
        {
          g_assert (!at_top);
          paginator_new_page (p);
          continue;
        }
      paginator_place (p, row, p->y + gap, height, start, end, show_continued);
      memcpy (start, end, sizeof start);
      if (row_done (row, start))
        break;
      paginator_new_page (p);
      continuation = TRUE;
    }
}

static char *
stage_markup (const UrokPlanStage *stage)
{
  GString *markup = g_string_new (NULL);
  g_autofree char *title = g_markup_escape_text (stage->title, -1);
  g_autofree char *minutes = g_markup_escape_text (stage->minutes, -1);

  g_string_append_printf (markup, "<b>%s</b>", title);
  if (*stage->kind != '\0')
    {
      g_autofree char *kind = g_markup_escape_text (stage->kind, -1);

      g_string_append_printf (markup, "\n<span foreground='" GREY "'>%s</span>", kind);
    }
  g_string_append_printf (markup, "\n%s", minutes);
  return g_string_free (markup, FALSE);
}

static char *
resources_markup (const UrokPlanStage *stage)
{
  GString *markup = g_string_new (NULL);
  gboolean bullets = stage->resources->len > 1;

  for (guint i = 0; i < stage->resources->len; i++)
    {
      const UrokPlanResource *item = g_ptr_array_index (stage->resources, i);
      g_autofree char *kind = g_markup_printf_escaped ("<span foreground='" GREY "'>%s</span>", item->kind);

      if (i > 0)
        g_string_append_c (markup, '\n');
      if (bullets)
        g_string_append (markup, "• ");
      if (*item->title != '\0')
        {
          g_autofree char *title = g_markup_escape_text (item->title, -1);

          /* Translators: a resource in the lesson plan: its kind ("Test"), then its title. */
          g_string_append_printf (markup, _("%s: %s"), kind, title);
        }
      else
        g_string_append (markup, kind);
      if (item->detail != NULL)
        {
          g_autofree char *detail = g_markup_escape_text (item->detail, -1);

          /* A URL broken with a hyphen would be a different URL. */
          g_string_append_printf (markup, "\n<span size='smaller'%s>%s</span>",
                                  item->detail_is_url ? " insert_hyphens='false'" : "", detail);
        }
    }
  return g_string_free (markup, FALSE);
}

static char *
escape_or_null (const char *text)
{
  return *text != '\0' ? g_markup_escape_text (text, -1) : NULL;
}

static void
add_field_cells (UrokLessonPlan             *self,
                 Row                        *row,
                 const UrokPlanText         *text,
                 UrokPlanField               field,
                 const PangoFontDescription *body,
                 const PangoFontDescription *bold,
                 double                      x,
                 double                      label_width,
                 double                      value_width)
{
  g_autofree char *label = g_markup_escape_text (text->labels[field], -1);
  g_autofree char *value = escape_or_null (text->values[field]);

  row_add_text_cell (self, row, label, bold, x, label_width, TRUE, PANGO_ALIGN_LEFT);
  if (value != NULL && field == UROK_PLAN_FIELD_TOPIC)
    {
      g_autofree char *plain = g_steal_pointer (&value);

      value = g_strdup_printf ("<b>%s</b>", plain);
    }
  row_add_text_cell (self, row, value, body, x + label_width, value_width, FALSE, PANGO_ALIGN_LEFT);
}

static void
build_rows (UrokLessonPlan     *self,
            const UrokPlanText *text,
            double              content_width)
{
  g_autoptr(PangoFontDescription) body = font_new (BODY_SIZE, FALSE);
  g_autoptr(PangoFontDescription) bold = font_new (BODY_SIZE, TRUE);
  g_autoptr(PangoFontDescription) title_font = font_new (TITLE_SIZE, TRUE);
  g_autofree char *title = g_markup_escape_text (text->title, -1);
  double label_width = MAX (content_width * 0.13, 40.0);
  double pair_width = (content_width - 2 * label_width) / 2;
  double column_x[UROK_PLAN_N_COLUMNS + 1];
  Row *row;

  row = row_new (FALSE, 0.0);
  row_add_text_cell (self, row, title, title_font, 0, content_width, FALSE, PANGO_ALIGN_CENTER);
  g_ptr_array_add (self->rows, row);

  /* The short fields two to a line, the long ones across the page. */
  for (UrokPlanField field = UROK_PLAN_FIELD_TEACHER; field < UROK_PLAN_FIELD_LESSON_TYPE; field += 2)
    {
      row = row_new (TRUE, field == UROK_PLAN_FIELD_TEACHER ? TITLE_GAP : 0.0);
      add_field_cells (self, row, text, field, body, bold, 0, label_width, pair_width);
      add_field_cells (self, row, text, field + 1, body, bold, label_width + pair_width, label_width, pair_width);
      g_ptr_array_add (self->rows, row);
    }
  for (UrokPlanField field = UROK_PLAN_FIELD_LESSON_TYPE; field < UROK_PLAN_N_FIELDS; field++)
    {
      row = row_new (TRUE, 0.0);
      add_field_cells (self, row, text, field, body, bold, 0, label_width, content_width - label_width);
      g_ptr_array_add (self->rows, row);
    }

  column_x[0] = 0;
  for (guint i = 0; i < UROK_PLAN_N_COLUMNS; i++)
    column_x[i + 1] = column_x[i] + content_width * column_share[i];
  column_x[UROK_PLAN_N_COLUMNS] = content_width;

  row = row_new (TRUE, TABLE_GAP);
  for (guint i = 0; i < UROK_PLAN_N_COLUMNS; i++)
    {
      g_autofree char *heading = g_markup_escape_text (text->columns[i], -1);

      row_add_text_cell (self, row, heading, bold, column_x[i], column_x[i + 1] - column_x[i], TRUE, PANGO_ALIGN_CENTER);
    }
  g_ptr_array_add (self->rows, row);

  for (guint s = 0; s < text->stages->len; s++)
    {
      const UrokPlanStage *stage = g_ptr_array_index (text->stages, s);
      g_autofree char *stage_title = g_markup_escape_text (stage->title, -1);
      g_autofree char *continued_text = NULL;
      g_autofree char *continued = NULL;
      char *cells[UROK_PLAN_N_COLUMNS] = { NULL };
      PangoRectangle logical;

      /* Translators: in the lesson plan, the first cell of a stage's row
       * where it goes on over a page break; %s is the stage's title. */
      continued_text = g_strdup_printf (_("%s (continued)"), stage_title);
      continued = g_strdup_printf ("<span foreground='" GREY "'><i>%s</i></span>", continued_text);

      cells[UROK_PLAN_COLUMN_STAGE] = stage_markup (stage);
      cells[UROK_PLAN_COLUMN_TEACHER] = escape_or_null (stage->teacher_activity);
      cells[UROK_PLAN_COLUMN_STUDENT] = escape_or_null (stage->student_activity);
      cells[UROK_PLAN_COLUMN_METHODS] = escape_or_null (stage->methods);
      cells[UROK_PLAN_COLUMN_RESOURCES] = resources_markup (stage);
      cells[UROK_PLAN_COLUMN_RESULTS] = escape_or_null (stage->planned_results);

      row = row_new (TRUE, 0.0);
      for (guint i = 0; i < UROK_PLAN_N_COLUMNS; i++)
        row_add_text_cell (self, row, cells[i], body, column_x[i], column_x[i + 1] - column_x[i], FALSE, PANGO_ALIGN_LEFT);
      row->continued = layout_new (self, continued, body, row->cells[0].width - 2 * PAD_X, PANGO_ALIGN_LEFT);
      pango_layout_get_extents (row->continued, NULL, &logical);
      row->continued_height = pango_units_to_double (logical.height);
      g_ptr_array_add (self->rows, row);

      for (guint i = 0; i < UROK_PLAN_N_COLUMNS; i++)
        g_free (cells[i]);
    }
}

guint
urok_lesson_plan_paginate (UrokLessonPlan *self,
                           PangoContext   *context,
                           double          width,
                           double          height)
{
  g_autoptr(UrokPlanText) text = NULL;
  Paginator p = { 0 };
  guint first_table_row = 0;

  g_return_val_if_fail (UROK_IS_LESSON_PLAN (self), 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);
  g_return_val_if_fail (width > 2 * MARGIN && height > 2 * MARGIN + FOOTER_HEIGHT, 0);

  clear_pagination (self);
  self->context = g_object_ref (context);
  self->width = width;
  self->height = height;
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)row_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);

  text = _urok_lesson_plan_get_text (self);
  self->footer = _urok_lesson_plan_dup_document_title (self);
  build_rows (self, text, width - 2 * MARGIN);
  first_table_row = self->rows->len - text->stages->len - 1;

  p.self = self;
  p.page = g_array_new (FALSE, TRUE, sizeof (Placement));
  p.y = p.top = MARGIN;
  p.bottom = height - MARGIN - FOOTER_HEIGHT;
  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = g_ptr_array_index (self->rows, i);

      if (i == first_table_row)
        paginate_table_header (&p, row, i + 1 < self->rows->len ? g_ptr_array_index (self->rows, i + 1) : NULL);
      else
        paginate_row (&p, row);
    }
  g_ptr_array_add (self->pages, p.page);

  return self->pages->len;
}

/* Drawing */

static void
draw_placement (cairo_t         *cr,
                const Placement *placement)
{
  const Row *row = placement->row;

  for (guint i = 0; i < row->n_cells; i++)
    {
      const Cell *cell = &row->cells[i];
      double x = MARGIN + cell->x;
      double origin;

      if (cell->shaded)
        {
          cairo_rectangle (cr, x, placement->y, cell->width, placement->height);
          cairo_set_source_rgb (cr, 0.91, 0.91, 0.91);
          cairo_fill (cr);
        }

      cairo_set_source_rgb (cr, 0, 0, 0);
      if (placement->end[i] > placement->start[i])
        {
          origin = g_array_index (cell->lines, LineBox, placement->start[i]).top;
          /* Line by line: a part of a layout is drawn without clipping
           * the lines next to it. */
          for (guint l = placement->start[i]; l < placement->end[i]; l++)
            {
              const LineBox *box = &g_array_index (cell->lines, LineBox, l);

              cairo_move_to (cr, x + PAD_X + box->x, placement->y + PAD_Y + box->baseline - origin);
              pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (cell->layout, (int)l));
            }
        }
      if (i == 0 && placement->show_continued)
        {
          cairo_move_to (cr, x + PAD_X, placement->y + PAD_Y);
          pango_cairo_show_layout (cr, row->continued);
        }
    }

  if (row->framed)
    {
      cairo_set_line_width (cr, BORDER_WIDTH);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      for (guint i = 0; i < row->n_cells; i++)
        cairo_rectangle (cr, MARGIN + row->cells[i].x, placement->y, row->cells[i].width, placement->height);
      cairo_stroke (cr);
    }
}

static void
draw_footer (UrokLessonPlan *self,
             cairo_t        *cr,
             guint           page)
{
  g_autoptr(PangoLayout) number = pango_layout_new (self->context);
  g_autoptr(PangoLayout) title = pango_layout_new (self->context);
  g_autofree char *number_text = g_strdup_printf ("%u / %u", page + 1, self->pages->len);
  g_autoptr(PangoFontDescription) font = font_new (FOOTER_SIZE, FALSE);
  PangoRectangle logical;
  double baseline_y = self->height - MARGIN;

  pango_layout_set_font_description (number, font);
  pango_layout_set_text (number, number_text, -1);
  pango_layout_get_extents (number, NULL, &logical);

  /* The topic, so that a loose page says which plan it belongs to. */
  pango_layout_set_font_description (title, font);
  pango_layout_set_text (title, self->footer, -1);
  pango_layout_set_width (title, pango_units_from_double ((self->width - 2 * MARGIN) * 0.75));
  pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);

  cairo_set_source_rgb (cr, 0.33, 0.33, 0.33);
  cairo_move_to (cr, self->width - MARGIN - pango_units_to_double (logical.width),
                 baseline_y - pango_units_to_double (pango_layout_get_baseline (number)));
  pango_cairo_show_layout (cr, number);
  cairo_move_to (cr, MARGIN, baseline_y - pango_units_to_double (pango_layout_get_baseline (title)));
  pango_cairo_show_layout (cr, title);
}

void
urok_lesson_plan_draw_page (UrokLessonPlan *self,
                            cairo_t        *cr,
                            guint           page)
{
  GArray *placements;

  g_return_if_fail (UROK_IS_LESSON_PLAN (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->pages != NULL);
  g_return_if_fail (page < self->pages->len);

  placements = g_ptr_array_index (self->pages, page);
  cairo_save (cr);
  for (guint i = 0; i < placements->len; i++)
    draw_placement (cr, &g_array_index (placements, Placement, i));
  draw_footer (self, cr, page);
  cairo_restore (cr);
}

/* PDF */

typedef struct
{
  int fd;
  int saved_errno;
} PdfSink;

static cairo_status_t
pdf_write (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  PdfSink *sink = closure;

  while (length > 0)
    {
      gssize written = write (sink->fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          sink->saved_errno = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= (unsigned int)written;
    }
  return CAIRO_STATUS_SUCCESS;
}

gboolean
urok_lesson_plan_write_pdf (UrokLessonPlan *self,
                            const char     *path,
                            GError        **error)
{
  g_autoptr(UrokLessonPlan) plan = NULL;
  g_autofree char *tmp_path = NULL;
  g_autofree char *title = NULL;
  PdfSink sink = { -1, 0 };
  PangoContext *context;
  cairo_surface_t *surface;
  cairo_font_options_t *options;
  cairo_status_t status;
  cairo_t *cr;
  guint n_pages;

  g_return_val_if_fail (UROK_IS_LESSON_PLAN (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sink.fd = _urok_lesson_plan_open_temp (path, &tmp_path, error);
  if (sink.fd < 0)
    return FALSE;

  plan = urok_lesson_plan_dup (self);
  title = _urok_lesson_plan_dup_document_title (plan);
  surface = cairo_pdf_surface_create_for_stream (pdf_write, &sink, PDF_WIDTH, PDF_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Urok " PACKAGE_VERSION);
  cr = cairo_create (surface);

  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, 72.0);
  /* Unhinted metrics: the page must look the same whatever screen the
   * font settings came from. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  n_pages = urok_lesson_plan_paginate (plan, context, PDF_WIDTH, PDF_HEIGHT);
  for (guint i = 0; i < n_pages; i++)
    {
      urok_lesson_plan_draw_page (plan, cr, i);
      cairo_show_page (cr);
    }
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      if (sink.saved_errno != 0)
        _urok_lesson_plan_set_save_error (error, path, g_io_error_from_errno (sink.saved_errno),
                                          g_strerror (sink.saved_errno));
      else
        _urok_lesson_plan_set_save_error (error, path, G_IO_ERROR_FAILED, cairo_status_to_string (status));
      _urok_lesson_plan_discard_temp (sink.fd, tmp_path);
      return FALSE;
    }
  return _urok_lesson_plan_commit_temp (sink.fd, tmp_path, path, error);
}
