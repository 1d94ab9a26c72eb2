/* urok-fts-stem-tokenizer.c: `urok_stem`, an FTS5 tokenizer for Russian and
 * English text.
 *
 * A word is a run of letters, digits and combining marks; an apostrophe
 * between letters stays inside it (teacher's, д’Артаньян), anything else
 * (hyphens included: северо-запад is two words, and a query for it is a
 * phrase of the same two) separates.  Each word is folded as urok_fold()
 * folds (case, ё as е) and then stemmed with Snowball: Russian when all its
 * letters are Cyrillic, English when all are Latin; a word with digits or
 * with letters of another or of mixed scripts is kept as folded.  So
 * «учебника» and «учебники» are both indexed as «учебник», and a query is
 * stemmed the same way.  A prefix query ("учебн"*) matches the prefix of
 * stems, which is what a word typed so far needs.
 *
 * Offsets given to FTS5 are those of the word in the original text, so
 * snippet() and highlight() mark what the reader sees.  Each tokenizer
 * instance has stemmers of its own (a Snowball stemmer is not re-entrant),
 * and FTS5 uses an instance from one connection, one thread at a time.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <libstemmer.h>
#include <string.h>

#include "urok-fts-stem-tokenizer.h"
#include "urok-store-private.h"

/* Longer "words" (a base64 blob, a URL run together) are kept as folded,
 * cut to this many bytes: nobody searches for them by form. */
#define MAX_STEMMED_BYTES 120
#define MAX_TERM_BYTES    240

typedef struct
{
  struct sb_stemmer *russian;
  struct sb_stemmer *english;
  GString           *word;  /* the folded word being built */
  /* Folded word → its stem: a book repeats its words, and a lookup costs
   * a fraction of stemming.  Emptied when it grows past STEM_CACHE_SIZE. */
  GHashTable        *stems;
} Tokenizer;

#define STEM_CACHE_SIZE 50000

typedef int (*TokenFunc) (void       *ctx,
                          int         tflags,
                          const char *token,
                          int         n_token,
                          int         start,
                          int         end);

static Tokenizer *
tokenizer_new (void)
{
  Tokenizer *self = g_new0 (Tokenizer, 1);

  self->russian = sb_stemmer_new ("russian", "UTF_8");
  self->english = sb_stemmer_new ("english", "UTF_8");
  self->word = g_string_sized_new (64);
  self->stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

static void
tokenizer_free (Tokenizer *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->russian, sb_stemmer_delete);
  g_clear_pointer (&self->english, sb_stemmer_delete);
  g_string_free (self->word, TRUE);
  g_hash_table_unref (self->stems);
  g_free (self);
}

static gboolean
is_word_char (gunichar c)
{
  /* Most of a Russian or English book, without GLib's tables. */
  if (c < 0x80)
    return g_ascii_isalnum ((char)c);
  if (c >= 0x0410 && c <= 0x044F)
    return TRUE;
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

/* The next character of [p, end), or (gunichar)-1 on a malformed byte
 * (which then counts as one byte that is no part of any word). */
static gunichar
next_char (const char  *p,
           const char  *end,
           const char **after)
{
  gunichar c = g_utf8_get_char_validated (p, end - p);

  if (c == (gunichar)-1 || c == (gunichar)-2)
    {
      *after = p + 1;
      return (gunichar)-1;
    }
  *after = g_utf8_next_char (p);
  return c;
}

/* Appends @c folded to @word; FALSE when @c needs the full folding
 * (normalization, a case mapping of more than one character). */
static gboolean
fold_fast (GString  *word,
           gunichar  c)
{
  if (c < 0x80)
    {
      g_string_append_c (word, g_ascii_tolower ((char)c));
      return TRUE;
    }
  if (is_apostrophe (c))
    {
      g_string_append_c (word, '\'');
      return TRUE;
    }
  if (c >= 0x0400 && c <= 0x04FF)
    {
      if (c >= 0x0410 && c <= 0x042F)
        c += 0x20;
      else if (c == 0x0401 || c == 0x0451)
        c = 0x0435;
      else if (c > 0x044F)
        c = g_unichar_tolower (c);
      else if (c < 0x0410)
        c += 0x50;
      /* Two bytes in UTF-8 (U+0400..U+04FF). */
      g_string_append_c (word, (char)(0xC0 | (c >> 6)));
      g_string_append_c (word, (char)(0x80 | (c & 0x3F)));
      return TRUE;
    }
  return FALSE;
}

/* Folds [start, end) the slow way, into @word. */
static void
fold_slow (GString    *word,
           const char *start,
           const char *end)
{
  g_autofree char *original = g_strndup (start, end - start);
  g_autofree char *folded = _urok_fold (original);

  g_string_truncate (word, 0);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_apostrophe (c))
        g_string_append_c (word, '\'');
      else
        g_string_append_unichar (word, c);
    }
}

typedef enum
{
  SCRIPT_NONE,
  SCRIPT_LATIN,
  SCRIPT_CYRILLIC,
  SCRIPT_OTHER,
} Script;

/* Which stemmer suits the folded @word: the one script of all its letters;
 * OTHER when it has a digit or letters of another or of two scripts. */
static Script
word_script (const GString *word)
{
  Script script = SCRIPT_NONE;

  for (const char *p = word->str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      Script here;

      if (c == '\'')
        continue;
      if (c >= 'a' && c <= 'z')
        here = SCRIPT_LATIN;
      else if ((c >= 0x0430 && c <= 0x044F) || (c >= 0x0400 && c <= 0x04FF && g_unichar_isalpha (c)))
        here = SCRIPT_CYRILLIC;
      else
        return SCRIPT_OTHER;
      if (script != SCRIPT_NONE && script != here)
        return SCRIPT_OTHER;
      script = here;
    }
  return script;
}

/* Cuts @word to at most @max bytes, on a character boundary. */
static void
truncate_word (GString *word,
               gsize    max)
{
  const char *cut;

  if (word->len <= max)
    return;
  cut = g_utf8_find_prev_char (word->str, word->str + max + 1);
  g_string_truncate (word, cut != NULL ? (gsize)(cut - word->str) : 0);
}

static int
emit_word (Tokenizer  *self,
           const char *start,
           const char *end,
           gboolean    slow,
           const char *text,
           void       *ctx,
           TokenFunc   token)
{
  struct sb_stemmer *stemmer = NULL;
  const char *term;
  int n_term;

  if (slow)
    fold_slow (self->word, start, end);
  /* A trailing apostrophe (teachers') is no part of the word. */
  while (self->word->len > 0 && self->word->str[self->word->len - 1] == '\'')
    g_string_truncate (self->word, self->word->len - 1);
  if (self->word->len == 0)
    return SQLITE_OK;

  if (self->word->len <= MAX_STEMMED_BYTES)
    {
      switch (word_script (self->word))
        {
        case SCRIPT_CYRILLIC:
          stemmer = self->russian;
          break;

        case SCRIPT_LATIN:
          stemmer = self->english;
          break;

        case SCRIPT_NONE:
        case SCRIPT_OTHER:
        default:
          break;
        }
    }

  term = self->word->str;
  n_term = (int)self->word->len;
  if (stemmer != NULL)
    {
      const char *cached = g_hash_table_lookup (self->stems, term);
      const sb_symbol *stem;

      if (cached != NULL)
        return token (ctx, 0, cached, (int)strlen (cached), (int)(start - text), (int)(end - text));

      stem = sb_stemmer_stem (stemmer, (const sb_symbol *)term, n_term);
      /* NULL only when out of memory: then the word goes in unstemmed. */
      if (stem != NULL && sb_stemmer_length (stemmer) > 0)
        {
          term = (const char *)stem;
          n_term = sb_stemmer_length (stemmer);
        }
      if (g_hash_table_size (self->stems) >= STEM_CACHE_SIZE)
        g_hash_table_remove_all (self->stems);
      g_hash_table_insert (self->stems, g_strdup (self->word->str), g_strndup (term, n_term));
    }
  else
    {
      truncate_word (self->word, MAX_TERM_BYTES);
      n_term = (int)self->word->len;
    }

  return token (ctx, 0, term, n_term, (int)(start - text), (int)(end - text));
}

static int
tokenize (Tokenizer  *self,
          void       *ctx,
          const char *text,
          int         n_text,
          TokenFunc   token)
{
  const char *end;
  const char *p;
  const char *word_start = NULL;
  const char *word_end = NULL;
  gboolean slow = FALSE;

  if (text == NULL || n_text <= 0)
    return SQLITE_OK;
  end = text + n_text;

  for (p = text; p < end; )
    {
      const char *after;
      gunichar c = next_char (p, end, &after);

      if (c != (gunichar)-1 && is_word_char (c))
        {
          if (word_start == NULL)
            {
              word_start = p;
              slow = FALSE;
              g_string_truncate (self->word, 0);
            }
          /* fold_fast() takes no combining mark (outside the Cyrillic block). */
          if (!slow && !fold_fast (self->word, c))
            slow = TRUE;
          word_end = after;
          p = after;
          continue;
        }

      /* An apostrophe inside a word, followed by a letter, joins. */
      if (word_start != NULL && c != (gunichar)-1 && is_apostrophe (c) && after < end)
        {
          const char *after_next;
          gunichar next = next_char (after, end, &after_next);

          if (next != (gunichar)-1 && g_unichar_isalpha (next))
            {
              if (!slow)
                fold_fast (self->word, c);
              p = after;
              continue;
            }
        }

      if (word_start != NULL)
        {
          int rc = emit_word (self, word_start, word_end, slow, text, ctx, token);

          if (rc != SQLITE_OK)
            return rc;
          word_start = NULL;
        }
      p = after;
    }

  if (word_start != NULL)
    return emit_word (self, word_start, word_end, slow, text, ctx, token);
  return SQLITE_OK;
}

/* FTS5's side. */

static int
fts_create (void            *user_data,
            const char     **args,
            int              n_args,
            Fts5Tokenizer  **out)
{
  Tokenizer *self = tokenizer_new ();

  if (self->russian == NULL || self->english == NULL)
    {
      tokenizer_free (self);
      return SQLITE_ERROR;
    }
  *out = (Fts5Tokenizer *)self;
  return SQLITE_OK;
}

static void
fts_delete (Fts5Tokenizer *tokenizer)
{
  tokenizer_free ((Tokenizer *)tokenizer);
}

static int
fts_tokenize (Fts5Tokenizer  *tokenizer,
              void           *ctx,
              int             flags,
              const char     *text,
              int             n_text,
              TokenFunc       token)
{
  /* Documents and queries alike: a query word is stemmed as the indexed
   * words were; FTS5 applies a prefix (FTS5_TOKENIZE_PREFIX) to the stem. */
  return tokenize ((Tokenizer *)tokenizer, ctx, text, n_text, token);
}

static fts5_api *
get_fts5_api (sqlite3 *db)
{
  fts5_api *api = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_pointer (stmt, 1, (void *)&api, "fts5_api_ptr", NULL);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  return api;
}

gboolean
urok_fts_stem_tokenizer_register (sqlite3  *db,
                                  GError  **error)
{
  static fts5_tokenizer methods = { fts_create, fts_delete, fts_tokenize };
  fts5_api *api;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);

  api = get_fts5_api (db);
  if (api == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("This SQLite has no full-text search (FTS5)"));
      return FALSE;
    }
  rc = api->xCreateTokenizer (api, "urok_stem", NULL, &methods, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Could not register the urok_stem tokenizer: %s", sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

static int
collect_term (void       *ctx,
              int         tflags,
              const char *token,
              int         n_token,
              int         start,
              int         end)
{
  g_ptr_array_add (ctx, g_strndup (token, n_token));
  return SQLITE_OK;
}

GStrv
urok_fts_stem_terms (const char *text)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  Tokenizer *self = tokenizer_new ();

  if (text != NULL)
    tokenize (self, terms, text, (int)strlen (text), collect_term);
  tokenizer_free (self);
  g_ptr_array_add (terms, NULL);
  return (GStrv)g_ptr_array_free (g_steal_pointer (&terms), FALSE);
}
