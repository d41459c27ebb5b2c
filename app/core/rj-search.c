/* rj-search.c: finding days again by what was written on them.
 *
 * Every text of a day (each craving's trigger, by its name in the client's list, and
 * its words; use or lapse; the look back at a lapse; wins; topics; what to keep from
 * the session, each homework task and how it went; notes) is folded once into one buffer per day:
 * lower case, accents and other combining marks dropped, compatibility forms decomposed,
 * so that what a person types matches what they wrote however either was accented or
 * capitalised. A query is split into words at white
 * space and each word folded the same way; a day is found when every word appears in
 * it, in any of its texts, anywhere within a word (so that the word being typed already
 * finds). That is a search for words, not for a phrase: "brother call" finds a day that
 * says "called my brother".
 *
 * Beside each folded byte the index keeps the byte offset of the original character it
 * came from, so that a match in the folded text is highlighted in the original one.
 * Nothing of it is written anywhere: it lives in memory, in buffers that are wiped
 * before they are freed, and goes when the journal locks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE  /* memmem() */
#define G_LOG_DOMAIN "rj-search"

#include "config.h"

#include <string.h>
#include <sodium.h>

#include "rj-search.h"

/* How much of the original text a snippet shows, in characters. */
#define SNIPPET_BEFORE 40
#define SNIPPET_LENGTH 140
#define ELLIPSIS "…"
/* Words of a query past this many are left out. */
#define MAX_WORDS 64

/* Buffers that hold decrypted text are wiped before they are freed, and never grown by
 * g_realloc(), which would leave the old copy behind unwiped. */
static void
wipe_free (gpointer data,
           gsize size)
{
  if (data == NULL)
    return;
  sodium_memzero (data, size);
  g_free (data);
}

typedef struct {
  char *data;
  guint32 *map;             /* for each byte of @data, where its character starts in the
                             * original text */
  gsize len;
  gsize cap;
} FoldBuffer;

static void
fold_buffer_init (FoldBuffer *buf,
                  gsize cap)
{
  buf->cap = MAX (cap, 16);
  buf->len = 0;
  buf->data = g_malloc (buf->cap);
  buf->map = g_new (guint32, buf->cap);
}

static void
fold_buffer_clear (FoldBuffer *buf)
{
  wipe_free (buf->data, buf->cap);
  wipe_free (buf->map, buf->cap * sizeof (guint32));
  buf->data = NULL;
  buf->map = NULL;
  buf->len = buf->cap = 0;
}

static void
fold_buffer_reserve (FoldBuffer *buf,
                     gsize extra)
{
  gsize cap;
  char *data;
  guint32 *map;

  if (buf->len + extra <= buf->cap)
    return;
  cap = MAX (buf->cap * 2, buf->len + extra);
  data = g_malloc (cap);
  map = g_new (guint32, cap);
  memcpy (data, buf->data, buf->len);
  memcpy (map, buf->map, buf->len * sizeof (guint32));
  wipe_free (buf->data, buf->cap);
  wipe_free (buf->map, buf->cap * sizeof (guint32));
  buf->data = data;
  buf->map = map;
  buf->cap = cap;
}

static inline void
fold_buffer_append (FoldBuffer *buf,
                    const char *bytes,
                    gsize n,
                    guint32 origin)
{
  fold_buffer_reserve (buf, n);
  for (gsize i = 0; i < n; i++)
    {
      buf->data[buf->len] = bytes[i];
      buf->map[buf->len] = origin;
      buf->len++;
    }
}

static gboolean
is_mark (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return g_unichar_combining_class (c) != 0 || type == G_UNICODE_NON_SPACING_MARK ||
         type == G_UNICODE_ENCLOSING_MARK;
}

/* Appends the folded form of @c: its compatibility decomposition (NFKD) without
 * combining marks, each character in lower case; "ß" is "ss" and a final sigma a plain
 * one, as case folding has them. A mark alone folds to nothing. */
static void
fold_char (FoldBuffer *buf,
           gunichar c,
           guint32 origin)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  if (c < 0x80)
    {
      char ascii = g_ascii_tolower ((char) c);
      fold_buffer_append (buf, &ascii, 1, origin);
      return;
    }

  n = g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed));
  for (gsize i = 0; i < n; i++)
    {
      gunichar d = decomposed[i];
      char utf8[6];
      int len;

      if (is_mark (d))
        continue;
      if (d == 0x00DF || d == 0x1E9E)  /* ß, ẞ */
        {
          fold_buffer_append (buf, "ss", 2, origin);
          continue;
        }
      if (d == 0x03C2)                 /* ς */
        d = 0x03C3;
      d = g_unichar_tolower (d);
      len = g_unichar_to_utf8 (d, utf8);
      fold_buffer_append (buf, utf8, len, origin);
    }
}

/* Folds the valid UTF-8 @text of @len bytes onto the end of @buf. */
static void
fold_into (FoldBuffer *buf,
           const char *text,
           gsize len)
{
  const char *p = text, *end = text + len;

  fold_buffer_reserve (buf, len);
  while (p < end)
    {
      guchar b = (guchar) *p;

      if (b < 0x80)
        {
          /* The common case, without a call per byte. */
          if (buf->len == buf->cap)
            fold_buffer_reserve (buf, 1);
          buf->data[buf->len] = g_ascii_tolower ((char) b);
          buf->map[buf->len] = (guint32) (p - text);
          buf->len++;
          p++;
          continue;
        }
      fold_char (buf, g_utf8_get_char (p), (guint32) (p - text));
      p = g_utf8_next_char (p);
    }
}

char *
rj_search_fold (const char *text)
{
  FoldBuffer buf;
  char *folded;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  fold_buffer_init (&buf, strlen (text) + 1);
  fold_into (&buf, text, strlen (text));
  folded = g_strndup (buf.data, buf.len);
  fold_buffer_clear (&buf);
  return folded;
}

/* A day in the index. */

typedef struct {
  RjSearchField field;
  gboolean is_private;
  char *text;               /* the original, as the client wrote it */
  gsize text_len;
  gsize offset;             /* of its folded form in the day's buffer */
  gsize folded_len;
} DayText;

typedef struct {
  gatomicrefcount ref_count;
  GDate date;
  guint julian;
  FoldBuffer folded;        /* every text folded, each followed by a NUL, which no
                             * word of a query holds */
  GArray *texts;            /* of DayText */
} Day;

static void
day_text_clear (gpointer data)
{
  DayText *text = data;

  wipe_free (text->text, text->text_len + 1);
  text->text = NULL;
}

static Day *
day_ref (Day *day)
{
  g_atomic_ref_count_inc (&day->ref_count);
  return day;
}

static void
day_unref (Day *day)
{
  if (!g_atomic_ref_count_dec (&day->ref_count))
    return;
  g_array_unref (day->texts);
  fold_buffer_clear (&day->folded);
  g_free (day);
}

static void
day_add_text (Day *day,
              RjSearchField field,
              const RjNote *note)
{
  DayText text = { 0 };

  if (rj_note_is_empty (note) || !g_utf8_validate (note->text, -1, NULL))
    return;

  text.field = field;
  text.is_private = note->is_private;
  text.text_len = strlen (note->text);
  text.text = g_strndup (note->text, text.text_len);
  text.offset = day->folded.len;
  fold_into (&day->folded, text.text, text.text_len);
  text.folded_len = day->folded.len - text.offset;
  /* The separator maps to the end of the text: a match that ends at the last folded
   * byte ends at the end of the original. */
  fold_buffer_append (&day->folded, "", 1, (guint32) text.text_len);
  g_array_append_val (day->texts, text);
}

static gsize
note_len (const RjNote *note)
{
  return rj_note_is_empty (note) ? 0 : strlen (note->text) + 1;
}

/* The texts in the order the check-in shows them. */
static Day *
day_new (const RjEntry *entry,
         const RjProfile *profile)
{
  Day *day = g_new0 (Day, 1);
  gsize total = 0;

  g_atomic_ref_count_init (&day->ref_count);
  day->date = entry->date;
  day->julian = g_date_get_julian (&entry->date);
  day->texts = g_array_new (FALSE, TRUE, sizeof (DayText));
  g_array_set_clear_func (day->texts, day_text_clear);

  for (guint i = 0; i < entry->cravings->len; i++)
    total += note_len (&((RjCraving *) g_ptr_array_index (entry->cravings, i))->trigger_words)
             + 64;
  total += note_len (&entry->use.amount) + note_len (&entry->use.what_happened) +
           note_len (&entry->use.next_time) + note_len (&entry->notes);
  total += note_len (&entry->review.vulnerable) + note_len (&entry->review.set_off) +
           note_len (&entry->review.thoughts) + note_len (&entry->after_session.keep);
  for (guint i = 0; i < entry->after_session.homework->len; i++)
    {
      const RjHomework *homework = g_ptr_array_index (entry->after_session.homework, i);
      total += note_len (&homework->task) + note_len (&homework->how_it_went);
    }
  for (guint i = 0; i < entry->wins->len; i++)
    total += note_len (g_ptr_array_index (entry->wins, i));
  for (guint i = 0; i < entry->topics->len; i++)
    total += note_len (g_ptr_array_index (entry->topics, i));
  /* Accents fold to fewer bytes; only rarer scripts grow. */
  fold_buffer_init (&day->folded, total + total / 8);

  for (guint i = 0; i < entry->cravings->len; i++)
    {
      const RjCraving *craving = g_ptr_array_index (entry->cravings, i);
      const RjListItem *trigger = NULL;

      if (profile != NULL && craving->trigger_id != NULL)
        trigger = rj_profile_find_item (profile, RJ_LIST_TRIGGERS, craving->trigger_id);
      if (trigger != NULL)
        {
          /* The trigger as the check-in names it: the list is the client's own. */
          RjNote name = { (char *) rj_list_item_get_label (trigger), FALSE };
          day_add_text (day, RJ_SEARCH_FIELD_TRIGGER, &name);
        }
      day_add_text (day, RJ_SEARCH_FIELD_CRAVING, &craving->trigger_words);
    }
  day_add_text (day, RJ_SEARCH_FIELD_USE_AMOUNT, &entry->use.amount);
  day_add_text (day, RJ_SEARCH_FIELD_USE_WHAT_HAPPENED, &entry->use.what_happened);
  day_add_text (day, RJ_SEARCH_FIELD_USE_NEXT_TIME, &entry->use.next_time);
  day_add_text (day, RJ_SEARCH_FIELD_REVIEW_VULNERABLE, &entry->review.vulnerable);
  day_add_text (day, RJ_SEARCH_FIELD_REVIEW_SET_OFF, &entry->review.set_off);
  day_add_text (day, RJ_SEARCH_FIELD_REVIEW_THOUGHTS, &entry->review.thoughts);
  for (guint i = 0; i < entry->wins->len; i++)
    day_add_text (day, RJ_SEARCH_FIELD_WIN, g_ptr_array_index (entry->wins, i));
  for (guint i = 0; i < entry->topics->len; i++)
    day_add_text (day, RJ_SEARCH_FIELD_TOPIC, g_ptr_array_index (entry->topics, i));
  day_add_text (day, RJ_SEARCH_FIELD_SESSION_KEEP, &entry->after_session.keep);
  for (guint i = 0; i < entry->after_session.homework->len; i++)
    {
      const RjHomework *homework = g_ptr_array_index (entry->after_session.homework, i);

      day_add_text (day, RJ_SEARCH_FIELD_HOMEWORK, &homework->task);
      day_add_text (day, RJ_SEARCH_FIELD_HOMEWORK_HOW_IT_WENT, &homework->how_it_went);
    }
  day_add_text (day, RJ_SEARCH_FIELD_NOTES, &entry->notes);
  return day;
}

/* Matches and snippets. */

void
rj_search_match_free (RjSearchMatch *match)
{
  if (match == NULL)
    return;
  if (match->snippet != NULL)
    wipe_free (match->snippet, strlen (match->snippet) + 1);
  g_clear_pointer (&match->ranges, g_array_unref);
  g_free (match);
}

static gint
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const RjSearchRange *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

static gboolean
is_space_at (const char *p)
{
  return g_unichar_isspace (g_utf8_get_char (p));
}

/* The matches of every word in @text, as sorted, merged byte ranges of the original. */
static GArray *
find_ranges (const Day *day,
             const DayText *text,
             char **words)
{
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (RjSearchRange));
  const char *folded = day->folded.data + text->offset;
  const guint32 *map = day->folded.map + text->offset;
  GArray *merged;

  for (guint w = 0; words[w] != NULL; w++)
    {
      gsize wlen = strlen (words[w]);
      const char *p = folded, *end = folded + text->folded_len;

      while ((gsize) (end - p) >= wlen)
        {
          const char *hit = memmem (p, end - p, words[w], wlen);
          RjSearchRange range;
          gsize fs, fe;
          const char *q;

          if (hit == NULL)
            break;
          fs = hit - folded;
          fe = fs + wlen;
          range.start = map[fs];
          /* To the end of the character that gave the last folded byte, and of the
           * marks after it: an accent is never cut from its letter. */
          q = g_utf8_next_char (text->text + map[fe - 1]);
          while ((gsize) (q - text->text) < text->text_len && is_mark (g_utf8_get_char (q)))
            q = g_utf8_next_char (q);
          range.end = q - text->text;
          g_array_append_val (ranges, range);
          p = hit + wlen;
        }
    }

  if (ranges->len == 0)
    return NULL;

  g_array_sort (ranges, compare_ranges);
  merged = g_array_new (FALSE, FALSE, sizeof (RjSearchRange));
  for (guint i = 0; i < ranges->len; i++)
    {
      RjSearchRange *range = &g_array_index (ranges, RjSearchRange, i);

      if (merged->len > 0 &&
          range->start <= g_array_index (merged, RjSearchRange, merged->len - 1).end)
        {
          RjSearchRange *last = &g_array_index (merged, RjSearchRange, merged->len - 1);
          last->end = MAX (last->end, range->end);
        }
      else
        g_array_append_val (merged, *range);
    }
  return merged;
}

/* A short piece of @text around the first of @ranges, cut at word boundaries. */
static RjSearchMatch *
make_match (const DayText *text,
            GArray *ranges)
{
  const char *s = text->text, *end = s + text->text_len;
  const RjSearchRange *first = &g_array_index (ranges, RjSearchRange, 0);
  const char *start = s + first->start, *stop;
  RjSearchMatch *match;
  GString *snippet;
  gsize *pos;

  /* Back a few words from the first match, to the start of a word. */
  for (guint n = 0; n < SNIPPET_BEFORE && start > s; n++)
    start = g_utf8_prev_char (start);
  if (start > s)
    {
      const char *p = start;

      while (p < s + first->start && !is_space_at (p))
        p = g_utf8_next_char (p);
      if (p < s + first->start)
        start = p;
    }
  while (start < s + first->start && is_space_at (start))
    start = g_utf8_next_char (start);

  /* On to about a line's length, past the first match, and back to the end of a word. */
  stop = start;
  for (guint n = 0; n < SNIPPET_LENGTH && stop < end; n++)
    stop = g_utf8_next_char (stop);
  if (stop < s + first->end)
    stop = s + first->end;
  if (stop < end)
    {
      const char *p = stop;

      while (p > s + first->end && !is_space_at (p))
        p = g_utf8_prev_char (p);
      if (p > s + first->end)
        stop = p;
    }
  while (stop > s + first->end && is_space_at (g_utf8_prev_char (stop)))
    stop = g_utf8_prev_char (stop);

  /* Sized up front: a GString that grows would leave a copy of the text behind. Runs
   * of white space, line breaks included, show as one space; @pos says where each byte
   * of the original went. */
  pos = g_new (gsize, (stop - start) + 1);
  snippet = g_string_sized_new ((stop - start) + 2 * strlen (ELLIPSIS) + 1);
  if (start > s)
    g_string_append (snippet, ELLIPSIS);
  for (const char *p = start; p < stop; )
    {
      const char *next = g_utf8_next_char (p);

      for (const char *q = p; q < next; q++)
        pos[q - start] = snippet->len + (q - p);
      if (is_space_at (p))
        {
          if (snippet->len == 0 || snippet->str[snippet->len - 1] != ' ')
            g_string_append_c (snippet, ' ');
          else
            for (const char *q = p; q < next; q++)
              pos[q - start] = snippet->len;
        }
      else
        g_string_append_len (snippet, p, next - p);
      p = next;
    }
  pos[stop - start] = snippet->len;
  if (stop < end)
    g_string_append (snippet, ELLIPSIS);

  match = g_new0 (RjSearchMatch, 1);
  match->field = text->field;
  match->is_private = text->is_private;
  match->ranges = g_array_new (FALSE, FALSE, sizeof (RjSearchRange));
  for (guint i = 0; i < ranges->len; i++)
    {
      const RjSearchRange *range = &g_array_index (ranges, RjSearchRange, i);
      RjSearchRange in_snippet;

      if (s + range->end <= start || s + range->start >= stop)
        continue;
      in_snippet.start = pos[MAX (s + range->start, start) - start];
      in_snippet.end = pos[MIN (s + range->end, stop) - start];
      g_array_append_val (match->ranges, in_snippet);
    }
  g_free (pos);
  match->snippet = g_string_free (snippet, FALSE);
  return match;
}

/* Results. */

struct _RjSearchResults
{
  gatomicrefcount ref_count;
  char **words;             /* folded */
  GPtrArray *days;          /* of Day*, newest first */
};

G_DEFINE_BOXED_TYPE (RjSearchResults, rj_search_results,
                     rj_search_results_ref, rj_search_results_unref)

static RjSearchResults *
search_results_new (char **words)
{
  RjSearchResults *self = g_new0 (RjSearchResults, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->words = words;
  self->days = g_ptr_array_new_with_free_func ((GDestroyNotify) day_unref);
  return self;
}

RjSearchResults *
rj_search_results_ref (RjSearchResults *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
rj_search_results_unref (RjSearchResults *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  if (self->words != NULL)
    for (guint i = 0; self->words[i] != NULL; i++)
      sodium_memzero (self->words[i], strlen (self->words[i]));
  g_strfreev (self->words);
  g_ptr_array_unref (self->days);
  g_free (self);
}

guint
rj_search_results_get_n_days (RjSearchResults *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->days->len;
}

void
rj_search_results_get_date (RjSearchResults *self,
                            guint index,
                            GDate *date_out)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->days->len);
  g_return_if_fail (date_out != NULL);

  *date_out = ((Day *) g_ptr_array_index (self->days, index))->date;
}

GPtrArray *
rj_search_results_dup_matches (RjSearchResults *self,
                               guint index)
{
  GPtrArray *matches;
  const Day *day;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->days->len, NULL);

  day = g_ptr_array_index (self->days, index);
  matches = g_ptr_array_new_with_free_func ((GDestroyNotify) rj_search_match_free);
  for (guint i = 0; i < day->texts->len; i++)
    {
      const DayText *text = &g_array_index (day->texts, DayText, i);
      g_autoptr(GArray) ranges = find_ranges (day, text, self->words);

      if (ranges != NULL)
        g_ptr_array_add (matches, make_match (text, ranges));
    }
  return matches;
}

/* The index. */

struct _RjSearchIndex
{
  GObject parent_instance;

  RjStore *store;
  gboolean built;
  RjProfile *profile;       /* while the index is being built or brought up to date */
  GPtrArray *days;          /* of Day*, newest first */
  GHashTable *changed;      /* julian days saved since the index was built */
};

G_DEFINE_FINAL_TYPE (RjSearchIndex, rj_search_index, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The position of @julian in the days, newest first, or where it would go. */
static guint
find_day (RjSearchIndex *self,
          guint julian,
          gboolean *found)
{
  guint lo = 0, hi = self->days->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint j = ((Day *) g_ptr_array_index (self->days, mid))->julian;

      if (j == julian)
        {
          *found = TRUE;
          return mid;
        }
      if (j > julian)
        lo = mid + 1;
      else
        hi = mid;
    }
  *found = FALSE;
  return lo;
}

static gboolean
build_day_cb (const RjEntry *entry,
              gpointer user_data)
{
  RjSearchIndex *self = user_data;

  g_ptr_array_add (self->days, day_new (entry, self->profile));
  return TRUE;
}

/* Brings the days saved since the index was built up to date. */
static void
apply_changes (RjSearchIndex *self)
{
  GHashTableIter iter;
  gpointer key;

  if (g_hash_table_size (self->changed) == 0)
    return;
  self->profile = rj_store_dup_profile (self->store);
  g_hash_table_iter_init (&iter, self->changed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint julian = GPOINTER_TO_UINT (key);
      g_autoptr(RjEntry) entry = NULL;
      gboolean found;
      guint position = find_day (self, julian, &found);
      GDate date;

      if (found)
        g_ptr_array_remove_index (self->days, position);

      g_date_clear (&date, 1);
      g_date_set_julian (&date, julian);
      entry = rj_store_dup_entry (self->store, &date);
      if (entry != NULL)
        g_ptr_array_insert (self->days, position, day_new (entry, self->profile));
    }
  g_hash_table_remove_all (self->changed);
  g_clear_pointer (&self->profile, rj_profile_unref);
}

static void
store_entry_changed_cb (RjSearchIndex *self,
                        const GDate *date)
{
  if (self->built)
    g_hash_table_add (self->changed, GUINT_TO_POINTER (g_date_get_julian (date)));
}

static void
store_profile_changed_cb (RjSearchIndex *self)
{
  /* A trigger renamed names every day it was logged on: built again on the next query,
   * which takes a moment even for years of journal. */
  rj_search_index_clear (self);
}

static void
store_notify_unlocked_cb (RjSearchIndex *self)
{
  rj_search_index_clear (self);
}

static void
rj_search_index_dispose (GObject *object)
{
  RjSearchIndex *self = RJ_SEARCH_INDEX (object);

  rj_search_index_clear (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rj_search_index_parent_class)->dispose (object);
}

static void
rj_search_index_finalize (GObject *object)
{
  RjSearchIndex *self = RJ_SEARCH_INDEX (object);

  g_ptr_array_unref (self->days);
  g_hash_table_unref (self->changed);

  G_OBJECT_CLASS (rj_search_index_parent_class)->finalize (object);
}

static void
rj_search_index_get_property (GObject *object,
                              guint prop_id,
                              GValue *value,
                              GParamSpec *pspec)
{
  RjSearchIndex *self = RJ_SEARCH_INDEX (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_search_index_set_property (GObject *object,
                              guint prop_id,
                              const GValue *value,
                              GParamSpec *pspec)
{
  RjSearchIndex *self = RJ_SEARCH_INDEX (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      g_signal_connect_object (self->store, "entry-changed",
                               G_CALLBACK (store_entry_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->store, "profile-changed",
                               G_CALLBACK (store_profile_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->store, "notify::unlocked",
                               G_CALLBACK (store_notify_unlocked_cb), self, G_CONNECT_SWAPPED);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rj_search_index_class_init (RjSearchIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rj_search_index_dispose;
  object_class->finalize = rj_search_index_finalize;
  object_class->get_property = rj_search_index_get_property;
  object_class->set_property = rj_search_index_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RJ_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rj_search_index_init (RjSearchIndex *self)
{
  self->days = g_ptr_array_new_with_free_func ((GDestroyNotify) day_unref);
  self->changed = g_hash_table_new (NULL, NULL);
}

RjSearchIndex *
rj_search_index_new (RjStore *store)
{
  g_return_val_if_fail (RJ_IS_STORE (store), NULL);

  return g_object_new (RJ_TYPE_SEARCH_INDEX, "store", store, NULL);
}

void
rj_search_index_build (RjSearchIndex *self)
{
  g_return_if_fail (RJ_IS_SEARCH_INDEX (self));

  if (!rj_store_is_unlocked (self->store))
    {
      rj_search_index_clear (self);
      return;
    }
  if (!self->built)
    {
      g_hash_table_remove_all (self->changed);
      self->profile = rj_store_dup_profile (self->store);
      rj_store_foreach_entry (self->store, NULL, NULL, TRUE, build_day_cb, self);
      g_clear_pointer (&self->profile, rj_profile_unref);
      self->built = TRUE;
    }
  apply_changes (self);
}

void
rj_search_index_clear (RjSearchIndex *self)
{
  g_return_if_fail (RJ_IS_SEARCH_INDEX (self));

  /* Days still held by results are wiped when those go. */
  g_ptr_array_set_size (self->days, 0);
  g_hash_table_remove_all (self->changed);
  self->built = FALSE;
}

guint
rj_search_index_get_n_days (RjSearchIndex *self)
{
  g_return_val_if_fail (RJ_IS_SEARCH_INDEX (self), 0);

  return self->days->len;
}

static gint
compare_longest_first (gconstpointer a,
                       gconstpointer b)
{
  gsize x = strlen (*(char **) a), y = strlen (*(char **) b);

  return x > y ? -1 : x < y;
}

/* The folded words of @query, longest first (the rarest, usually, so that a day is
 * turned down after one look), without repeats. */
static char **
query_words (const char *query)
{
  GPtrArray *words = g_ptr_array_new ();
  const char *p = query;

  while (*p != '\0' && words->len < MAX_WORDS)
    {
      const char *start;
      char *word;

      while (*p != '\0' && is_space_at (p))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && !is_space_at (p))
        p = g_utf8_next_char (p);
      if (p == start)
        break;

      {
        g_autofree char *original = g_strndup (start, p - start);
        word = rj_search_fold (original);
        sodium_memzero (original, p - start);
      }
      if (word[0] == '\0' ||
          g_ptr_array_find_with_equal_func (words, word, g_str_equal, NULL))
        {
          g_free (word);
          continue;
        }
      g_ptr_array_add (words, word);
    }
  g_ptr_array_sort (words, compare_longest_first);
  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (words, FALSE);
}

RjSearchResults *
rj_search_index_query (RjSearchIndex *self,
                       const char *query)
{
  RjSearchResults *results;
  gsize lens[MAX_WORDS];
  guint n_words = 0;

  g_return_val_if_fail (RJ_IS_SEARCH_INDEX (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!g_utf8_validate (query, -1, NULL))
    return search_results_new (g_new0 (char *, 1));

  results = search_results_new (query_words (query));
  if (results->words[0] == NULL)
    return results;

  rj_search_index_build (self);
  if (!self->built)
    return results;

  for (; results->words[n_words] != NULL; n_words++)
    lens[n_words] = strlen (results->words[n_words]);

  for (guint i = 0; i < self->days->len; i++)
    {
      Day *day = g_ptr_array_index (self->days, i);
      gboolean all = TRUE;

      for (guint w = 0; w < n_words && all; w++)
        all = memmem (day->folded.data, day->folded.len, results->words[w], lens[w]) != NULL;
      if (all)
        g_ptr_array_add (results->days, day_ref (day));
    }
  return results;
}
