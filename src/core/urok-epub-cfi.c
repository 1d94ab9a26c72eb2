/* urok-epub-cfi.c: EPUB CFI 1.1 parsing, canonical form and ordering.
 *
 * The syntax, in short: steps "/N[id]", even N naming the N/2-th child
 * element and odd N the run of text between elements; "!" follows a
 * reference into another document (the spine's itemref into its content
 * document); a terminal ":N[before,after;s=b]" character offset, "~T"
 * temporal and "@X:Y" spatial offsets; "epubcfi(P,S,E)" a range of the
 * two local paths S and E under the common parent path P.  Inside
 * brackets "^" escapes the characters ^ [ ] ( ) , ; =.
 *
 * Generation and resolution against a document are in urok-epub-cfi-dom.c.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "urok-epub-cfi-private.h"

G_DEFINE_BOXED_TYPE (UrokEpubCfi, urok_epub_cfi, urok_epub_cfi_ref, urok_epub_cfi_unref)
G_DEFINE_QUARK (urok-epub-cfi-error-quark, urok_epub_cfi_error)

/* Deeper than any real document; bounds the work a hostile string can ask. */
#define MAX_STEPS 512

static void
step_clear (gpointer data)
{
  UrokCfiStep *step = data;

  g_free (step->assertion);
}

void
_urok_cfi_path_init (UrokCfiPath *path)
{
  memset (path, 0, sizeof *path);
  path->steps = g_array_new (FALSE, TRUE, sizeof (UrokCfiStep));
  g_array_set_clear_func (path->steps, step_clear);
}

static void
path_clear (UrokCfiPath *path)
{
  g_clear_pointer (&path->steps, g_array_unref);
  g_clear_pointer (&path->before, g_free);
  g_clear_pointer (&path->after, g_free);
  g_clear_pointer (&path->temporal, g_free);
  g_clear_pointer (&path->spatial, g_free);
}

UrokEpubCfi *
_urok_epub_cfi_new (void)
{
  UrokEpubCfi *self = g_atomic_rc_box_new0 (UrokEpubCfi);

  _urok_cfi_path_init (&self->parent);
  _urok_cfi_path_init (&self->start);
  _urok_cfi_path_init (&self->end);
  return self;
}

static void
cfi_clear (gpointer data)
{
  UrokEpubCfi *self = data;

  path_clear (&self->parent);
  path_clear (&self->start);
  path_clear (&self->end);
}

UrokEpubCfi *
urok_epub_cfi_ref (UrokEpubCfi *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
urok_epub_cfi_unref (UrokEpubCfi *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, cfi_clear);
}

/* Parsing */

typedef struct
{
  const char *text;
  const char *p;
  GError    **error;
} Parser;

static gboolean
fail (Parser     *parser,
      const char *what)
{
  g_set_error (parser->error, UROK_EPUB_CFI_ERROR, UROK_EPUB_CFI_ERROR_SYNTAX,
               "Not an EPUB CFI: %s at character %d of “%s”",
               what, (int) (parser->p - parser->text), parser->text);
  return FALSE;
}

static gboolean
is_special (char c)
{
  return c != '\0' && strchr ("^[](),;=", c) != NULL;
}

static gboolean
parse_integer (Parser *parser,
               guint  *value)
{
  guint64 v = 0;

  if (!g_ascii_isdigit (*parser->p))
    return fail (parser, "a number expected");
  if (parser->p[0] == '0' && g_ascii_isdigit (parser->p[1]))
    return fail (parser, "a number with a leading zero");
  while (g_ascii_isdigit (*parser->p))
    {
      v = v * 10 + (guint64) (*parser->p - '0');
      if (v > G_MAXINT32)
        return fail (parser, "a number too large");
      parser->p++;
    }
  *value = (guint) v;
  return TRUE;
}

/* A decimal number kept as written ("23.5"): only ordering by character
 * offsets is needed, and the text round-trips exactly. */
static gboolean
parse_number (Parser  *parser,
              char   **value)
{
  const char *start = parser->p;
  guint ignored;

  if (!parse_integer (parser, &ignored))
    return FALSE;
  if (*parser->p == '.')
    {
      parser->p++;
      if (!g_ascii_isdigit (*parser->p))
        return fail (parser, "digits expected after the decimal point");
      while (g_ascii_isdigit (*parser->p))
        parser->p++;
      if (parser->p - start > 32)
        return fail (parser, "a number too long");
    }
  *value = g_strndup (start, (gsize) (parser->p - start));
  return TRUE;
}

/* Unescaped text up to one of @stops (not consumed). */
static gboolean
parse_value (Parser      *parser,
             const char  *stops,
             char       **value)
{
  g_autoptr(GString) out = g_string_new (NULL);

  while (*parser->p != '\0' && strchr (stops, *parser->p) == NULL)
    {
      if (*parser->p == '^')
        {
          parser->p++;
          if (*parser->p == '\0')
            return fail (parser, "“^” at the end");
          g_string_append_c (out, *parser->p);
        }
      else if (is_special (*parser->p))
        return fail (parser, "an unescaped special character");
      else
        g_string_append_c (out, *parser->p);
      parser->p++;
    }
  if (*parser->p == '\0')
    return fail (parser, "an unclosed “[”");
  if (!g_utf8_validate (out->str, (gssize) out->len, NULL))
    return fail (parser, "invalid UTF-8 in an assertion");
  *value = g_string_free (g_steal_pointer (&out), FALSE);
  return TRUE;
}

/* ";name=value" parameters up to "]"; keeps s=a|b in @side. */
static gboolean
parse_parameters (Parser *parser,
                  char   *side)
{
  while (*parser->p == ';')
    {
      g_autofree char *name = NULL;
      g_autofree char *value = NULL;

      parser->p++;
      if (!parse_value (parser, "=]", &name))
        return FALSE;
      if (*parser->p != '=')
        return fail (parser, "“=” expected in a parameter");
      parser->p++;
      if (!parse_value (parser, ";]", &value))
        return FALSE;
      if (*name == '\0')
        return fail (parser, "a parameter without a name");
      if (side != NULL && g_str_equal (name, "s"))
        {
          if (!g_str_equal (value, "a") && !g_str_equal (value, "b"))
            return fail (parser, "a side bias other than “a” or “b”");
          *side = value[0];
        }
    }
  return TRUE;
}

static gboolean
parse_step_assertion (Parser  *parser,
                      char   **id)
{
  parser->p++; /* [ */
  if (!parse_value (parser, ";]", id))
    return FALSE;
  if (!parse_parameters (parser, NULL))
    return FALSE;
  if (*parser->p != ']')
    return fail (parser, "“]” expected");
  parser->p++;
  if (**id == '\0')
    g_clear_pointer (id, g_free);
  return TRUE;
}

static gboolean
parse_text_assertion (Parser      *parser,
                      UrokCfiPath *path)
{
  parser->p++; /* [ */
  if (!parse_value (parser, ",;]", &path->before))
    return FALSE;
  if (*parser->p == ',')
    {
      parser->p++;
      if (!parse_value (parser, ";]", &path->after))
        return FALSE;
    }
  if (!parse_parameters (parser, &path->side))
    return FALSE;
  if (*parser->p != ']')
    return fail (parser, "“]” expected");
  parser->p++;
  if (path->before != NULL && *path->before == '\0')
    g_clear_pointer (&path->before, g_free);
  if (path->after != NULL && *path->after == '\0')
    g_clear_pointer (&path->after, g_free);
  return TRUE;
}

static gboolean
parse_offset (Parser      *parser,
              UrokCfiPath *path)
{
  if (*parser->p == ':')
    {
      parser->p++;
      if (!parse_integer (parser, &path->char_offset))
        return FALSE;
      path->has_char_offset = TRUE;
      if (*parser->p == '[')
        return parse_text_assertion (parser, path);
      return TRUE;
    }
  if (*parser->p == '~')
    {
      parser->p++;
      if (!parse_number (parser, &path->temporal))
        return FALSE;
    }
  if (*parser->p == '@')
    {
      g_autofree char *x = NULL;
      g_autofree char *y = NULL;

      parser->p++;
      if (!parse_number (parser, &x))
        return FALSE;
      if (*parser->p != ':')
        return fail (parser, "“:” expected in a spatial offset");
      parser->p++;
      if (!parse_number (parser, &y))
        return FALSE;
      path->spatial = g_strdup_printf ("%s:%s", x, y);
    }
  if (*parser->p == '[')
    {
      /* Side bias of a temporal or spatial offset. */
      g_autofree char *ignored = NULL;
      return parse_step_assertion (parser, &ignored);
    }
  return TRUE;
}

/* Steps, then an optional offset; stops at "," or ")" or the end. */
static gboolean
parse_path (Parser      *parser,
            UrokCfiPath *path,
            gboolean     need_step)
{
  gboolean redirect = FALSE;

  while (*parser->p == '/' || *parser->p == '!')
    {
      UrokCfiStep step = { 0, };

      if (*parser->p == '!')
        {
          if (redirect)
            return fail (parser, "“!!”");
          redirect = TRUE;
          parser->p++;
          continue;
        }
      parser->p++;
      if (!parse_integer (parser, &step.index))
        return FALSE;
      if (*parser->p == '[' && !parse_step_assertion (parser, &step.assertion))
        {
          g_free (step.assertion);
          return FALSE;
        }
      step.redirect = redirect;
      redirect = FALSE;
      if (path->steps->len >= MAX_STEPS)
        {
          g_free (step.assertion);
          return fail (parser, "too many steps");
        }
      g_array_append_val (path->steps, step);
    }
  if (redirect)
    return fail (parser, "“!” without a step after it");
  if (need_step && path->steps->len == 0)
    return fail (parser, "a step expected");
  if (*parser->p == ':' || *parser->p == '~' || *parser->p == '@')
    return parse_offset (parser, path);
  return TRUE;
}

static gboolean
has_offset (const UrokCfiPath *path)
{
  return path->has_char_offset || path->temporal != NULL || path->spatial != NULL;
}

UrokEpubCfi *
urok_epub_cfi_parse (const char  *text,
                     GError     **error)
{
  g_autoptr(UrokEpubCfi) self = NULL;
  Parser parser = { text, text, error };
  gboolean wrapped;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = _urok_epub_cfi_new ();
  wrapped = g_str_has_prefix (text, "epubcfi(");
  if (wrapped)
    parser.p += strlen ("epubcfi(");

  if (!parse_path (&parser, &self->parent, TRUE))
    return NULL;
  if (*parser.p == ',')
    {
      if (has_offset (&self->parent))
        {
          fail (&parser, "an offset before a range");
          return NULL;
        }
      self->range = TRUE;
      parser.p++;
      if (!parse_path (&parser, &self->start, FALSE))
        return NULL;
      if (*parser.p != ',')
        {
          fail (&parser, "“,” expected before the end of a range");
          return NULL;
        }
      parser.p++;
      if (!parse_path (&parser, &self->end, FALSE))
        return NULL;
      if ((self->start.steps->len == 0 && !has_offset (&self->start))
          || (self->end.steps->len == 0 && !has_offset (&self->end)))
        {
          fail (&parser, "an empty end of a range");
          return NULL;
        }
    }
  if (wrapped)
    {
      if (*parser.p != ')')
        {
          fail (&parser, "“)” expected");
          return NULL;
        }
      parser.p++;
    }
  if (*parser.p != '\0')
    {
      fail (&parser, "unexpected text");
      return NULL;
    }
  return g_steal_pointer (&self);
}

/* The canonical string */

static void
append_escaped (GString    *out,
                const char *value)
{
  for (const char *p = value; *p != '\0'; p++)
    {
      if (is_special (*p))
        g_string_append_c (out, '^');
      g_string_append_c (out, *p);
    }
}

static void
append_path (GString           *out,
             const UrokCfiPath *path)
{
  for (guint i = 0; i < path->steps->len; i++)
    {
      const UrokCfiStep *step = &g_array_index (path->steps, UrokCfiStep, i);

      if (step->redirect)
        g_string_append_c (out, '!');
      g_string_append_printf (out, "/%u", step->index);
      if (step->assertion != NULL)
        {
          g_string_append_c (out, '[');
          append_escaped (out, step->assertion);
          g_string_append_c (out, ']');
        }
    }
  if (path->has_char_offset)
    {
      g_string_append_printf (out, ":%u", path->char_offset);
      if (path->before != NULL || path->after != NULL || path->side != '\0')
        {
          g_string_append_c (out, '[');
          if (path->before != NULL)
            append_escaped (out, path->before);
          if (path->after != NULL)
            {
              g_string_append_c (out, ',');
              append_escaped (out, path->after);
            }
          if (path->side != '\0')
            g_string_append_printf (out, ";s=%c", path->side);
          g_string_append_c (out, ']');
        }
    }
  if (path->temporal != NULL)
    g_string_append_printf (out, "~%s", path->temporal);
  if (path->spatial != NULL)
    g_string_append_printf (out, "@%s", path->spatial);
}

char *
urok_epub_cfi_to_string (const UrokEpubCfi *self)
{
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  out = g_string_new ("epubcfi(");
  append_path (out, &self->parent);
  if (self->range)
    {
      g_string_append_c (out, ',');
      append_path (out, &self->start);
      g_string_append_c (out, ',');
      append_path (out, &self->end);
    }
  g_string_append_c (out, ')');
  return g_string_free (out, FALSE);
}

gboolean
urok_epub_cfi_is_range (const UrokEpubCfi *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->range;
}

gboolean
urok_epub_cfi_get_spine_item (const UrokEpubCfi  *self,
                              guint              *spine_index,
                              const char        **idref)
{
  const UrokCfiPath *path;
  const UrokCfiStep *step;

  g_return_val_if_fail (self != NULL, FALSE);

  /* "/6/N[idref]!": the spine (the package's third child element), then
   * the itemref, then the step into its document. */
  path = &self->parent;
  if (path->steps->len < 2 || g_array_index (path->steps, UrokCfiStep, 0).index != 6)
    return FALSE;
  step = &g_array_index (path->steps, UrokCfiStep, 1);
  if (step->index < 2 || step->index % 2 != 0)
    return FALSE;
  if (spine_index != NULL)
    *spine_index = step->index / 2 - 1;
  if (idref != NULL)
    *idref = step->assertion;
  return TRUE;
}

/* Ordering */

/* The steps of one end, parent's then the local path's, and its offset. */
static void
collect_point (const UrokEpubCfi   *self,
               gboolean             end,
               GPtrArray           *steps,
               const UrokCfiPath  **terminal)
{
  const UrokCfiPath *local = end ? &self->end : &self->start;

  for (guint i = 0; i < self->parent.steps->len; i++)
    g_ptr_array_add (steps, &g_array_index (self->parent.steps, UrokCfiStep, i));
  *terminal = &self->parent;
  if (!self->range)
    return;
  for (guint i = 0; i < local->steps->len; i++)
    g_ptr_array_add (steps, &g_array_index (local->steps, UrokCfiStep, i));
  *terminal = local;
}

static int
compare_points (const UrokEpubCfi *a,
                const UrokEpubCfi *b,
                gboolean           end)
{
  g_autoptr(GPtrArray) sa = g_ptr_array_new ();
  g_autoptr(GPtrArray) sb = g_ptr_array_new ();
  const UrokCfiPath *ta;
  const UrokCfiPath *tb;

  collect_point (a, end, sa, &ta);
  collect_point (b, end, sb, &tb);
  for (guint i = 0; i < sa->len && i < sb->len; i++)
    {
      guint ia = ((UrokCfiStep *) sa->pdata[i])->index;
      guint ib = ((UrokCfiStep *) sb->pdata[i])->index;

      if (ia != ib)
        return ia < ib ? -1 : 1;
    }
  /* A path that stops on an element comes before what lies inside it. */
  if (sa->len != sb->len)
    return sa->len < sb->len ? -1 : 1;
  if (ta->char_offset != tb->char_offset)
    return ta->char_offset < tb->char_offset ? -1 : 1;
  return 0;
}

int
urok_epub_cfi_compare (const UrokEpubCfi *a,
                       const UrokEpubCfi *b)
{
  int order;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  order = compare_points (a, b, FALSE);
  if (order != 0)
    return order;
  /* A point is an empty range: before any range starting there. */
  if (a->range != b->range)
    return a->range ? 1 : -1;
  return a->range ? compare_points (a, b, TRUE) : 0;
}

/* UTF-16 units, as the DOM counts */

gsize
urok_utf16_length (const char *utf8,
                   gssize      n_bytes)
{
  const char *end = n_bytes < 0 ? utf8 + strlen (utf8) : utf8 + n_bytes;
  gsize n = 0;

  for (const char *p = utf8; p < end; p = g_utf8_next_char (p))
    n += ((guchar) *p >= 0xf0) ? 2 : 1;
  return n;
}

gsize
urok_utf16_to_byte_index (const char *utf8,
                          gsize       utf16_offset)
{
  const char *p = utf8;
  gsize n = 0;

  while (*p != '\0' && n < utf16_offset)
    {
      n += ((guchar) *p >= 0xf0) ? 2 : 1;
      p = g_utf8_next_char (p);
    }
  return (gsize) (p - utf8);
}
