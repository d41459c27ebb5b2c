/* test-search.c: finding days again by the words written on them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <malloc.h>
#include <string.h>

#include "rj-heap-scan.h"
#include "rj-search.h"
#include "rj-test-util.h"

typedef struct {
  char *dir;
  RjStore *store;
  RjSearchIndex *index;
  GDate today;
} Fixture;

static void
fixture_set_up (Fixture *fixture,
                gconstpointer data)
{
  g_autofree char *path = NULL;

  fixture->dir = rj_test_make_tmp_dir ("rj-test-search-XXXXXX");
  path = g_build_filename (fixture->dir, "journal.db", NULL);
  fixture->store = rj_test_create_store (path, RJ_TEST_PASSPHRASE, NULL);
  fixture->index = rj_search_index_new (fixture->store);
  g_date_clear (&fixture->today, 1);
  g_date_set_dmy (&fixture->today, 3, G_DATE_MARCH, 2026);
}

static void
fixture_tear_down (Fixture *fixture,
                   gconstpointer data)
{
  g_assert_finalize_object (fixture->index);
  g_assert_finalize_object (fixture->store);
  rj_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static GDate
day (Fixture *fixture,
     guint days_ago)
{
  GDate date = fixture->today;

  g_date_subtract_days (&date, days_ago);
  return date;
}

/* Saves a day with @notes as its notes and @win as its only win (either may be NULL). */
static void
save_day (Fixture *fixture,
          guint days_ago,
          const char *notes,
          const char *win,
          gboolean win_private)
{
  GDate date = day (fixture, days_ago);
  g_autoptr(RjEntry) entry = rj_entry_new (&date);
  g_autoptr(GError) error = NULL;

  if (notes != NULL)
    rj_note_set (&entry->notes, notes, FALSE);
  if (win != NULL)
    rj_entry_add_win (entry, win, win_private);
  g_assert_true (rj_store_save_entry (fixture->store, entry, &error));
  g_assert_no_error (error);
}

static RjSearchResults *
query (Fixture *fixture,
       const char *text)
{
  RjSearchResults *results = rj_search_index_query (fixture->index, text);

  g_assert_nonnull (results);
  return results;
}

/* The days found, as "days ago" numbers, newest first, e.g. "0,2". */
static char *
found_days (Fixture *fixture,
            const char *text)
{
  g_autoptr(RjSearchResults) results = query (fixture, text);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < rj_search_results_get_n_days (results); i++)
    {
      GDate date;

      rj_search_results_get_date (results, i, &date);
      g_string_append_printf (out, "%s%d", i > 0 ? "," : "",
                              g_date_days_between (&date, &fixture->today));
    }
  return g_string_free (out, FALSE);
}

#define assert_found(fixture, text, expected)                   \
  G_STMT_START {                                                \
    g_autofree char *found_ = found_days ((fixture), (text));   \
    g_assert_cmpstr (found_, ==, (expected));                   \
  } G_STMT_END

/* The highlighted pieces of a match's snippet, joined with "|". */
static char *
highlighted (const RjSearchMatch *match)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < match->ranges->len; i++)
    {
      const RjSearchRange *range = &g_array_index (match->ranges, RjSearchRange, i);

      g_assert_cmpuint (range->start, <, range->end);
      g_assert_cmpuint (range->end, <=, strlen (match->snippet));
      g_assert_true (g_utf8_validate (match->snippet + range->start,
                                      range->end - range->start, NULL));
      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append_len (out, match->snippet + range->start, range->end - range->start);
    }
  return g_string_free (out, FALSE);
}

static RjSearchField
field_of (const char *name)
{
  if (g_str_has_suffix (name, "trigger-words"))
    return RJ_SEARCH_FIELD_CRAVING;
  if (g_str_equal (name, "amount"))
    return RJ_SEARCH_FIELD_USE_AMOUNT;
  if (g_str_equal (name, "what-happened"))
    return RJ_SEARCH_FIELD_USE_WHAT_HAPPENED;
  if (g_str_equal (name, "next-time"))
    return RJ_SEARCH_FIELD_USE_NEXT_TIME;
  if (g_str_has_suffix (name, "win"))
    return RJ_SEARCH_FIELD_WIN;
  if (g_str_has_suffix (name, "topic"))
    return RJ_SEARCH_FIELD_TOPIC;
  g_assert_cmpstr (name, ==, "notes");
  return RJ_SEARCH_FIELD_NOTES;
}

static RjSearchField
loop_field_of (const char *name)
{
  if (g_str_equal (name, "session-keep"))
    return RJ_SEARCH_FIELD_SESSION_KEEP;
  if (g_str_has_suffix (name, "homework"))
    return RJ_SEARCH_FIELD_HOMEWORK;
  if (g_str_has_suffix (name, "homework-note"))
    return RJ_SEARCH_FIELD_HOMEWORK_HOW_IT_WENT;
  if (g_str_equal (name, "review-vulnerable"))
    return RJ_SEARCH_FIELD_REVIEW_VULNERABLE;
  if (g_str_equal (name, "review-set-off"))
    return RJ_SEARCH_FIELD_REVIEW_SET_OFF;
  g_assert_cmpstr (name, ==, "private-review-thoughts");
  return RJ_SEARCH_FIELD_REVIEW_THOUGHTS;
}

/* How many canaries of rj_test_entry_full() hold "zanzibar-@name" (a word is found
 * anywhere within a word: "homework" is inside "homework-note"). */
static guint
n_canaries_holding (const char *name)
{
  g_autofree char *word = g_strdup_printf ("zanzibar-%s", name);
  const char *const *lists[] = { rj_test_entry_fields, rj_test_entry_loop_fields };
  guint n = 0;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l][i] != NULL; i++)
      {
        g_autofree char *canary = g_strdup_printf ("zanzibar-%s", lists[l][i]);
        n += strstr (canary, word) != NULL;
      }
  return n;
}

/* Every text a client can write on a day is found, with its kind and whether it is
 * private: private items are the client's own and belong in the results. */
static void
test_every_field (Fixture *fixture,
                  gconstpointer data)
{
  GDate date = day (fixture, 4);
  g_autoptr(RjEntry) entry = rj_test_entry_full (&date, "zanzibar");
  g_autoptr(GError) error = NULL;

  g_assert_true (rj_store_save_entry (fixture->store, entry, &error));
  g_assert_no_error (error);
  save_day (fixture, 1, "Nothing of that here", NULL, FALSE);

  for (guint i = 0; rj_test_entry_fields[i] != NULL; i++)
    {
      const char *name = rj_test_entry_fields[i];
      g_autofree char *word = g_strdup_printf ("zanzibar-%s", name);
      g_autoptr(RjSearchResults) results = query (fixture, word);
      g_autoptr(GPtrArray) matches = NULL;
      g_autofree char *expected = g_strdup_printf ("Ça va — %s ✓", word);
      g_autofree char *bold = NULL;
      RjSearchMatch *match;
      GDate found;

      g_test_message ("field %s", name);
      g_assert_cmpuint (rj_search_results_get_n_days (results), ==, 1);
      rj_search_results_get_date (results, 0, &found);
      g_assert_cmpint (g_date_compare (&found, &date), ==, 0);

      matches = rj_search_results_dup_matches (results, 0);
      g_assert_cmpuint (matches->len, ==, 1);
      match = g_ptr_array_index (matches, 0);
      g_assert_cmpint (match->field, ==, field_of (name));
      /* rj_test_entry_full() keeps these private. */
      g_assert_cmpint (match->is_private, ==,
                       g_str_has_prefix (name, "private-") ||
                       g_str_equal (name, "what-happened") || g_str_equal (name, "notes"));
      if (g_str_equal (name, "notes"))
        {
          /* A note of several lines, shown on one. */
          g_assert_cmpstr (match->snippet, ==, "…paragraph with tabs and “quotes”. "
                                               "zanzibar-notes");
        }
      else
        g_assert_cmpstr (match->snippet, ==, expected);
      bold = highlighted (match);
      g_assert_cmpstr (bold, ==, word);
    }

  /* What the session, the homework and the look back at a lapse added: each found in
   * its own field, private where the client made it so. */
  for (guint i = 0; rj_test_entry_loop_fields[i] != NULL; i++)
    {
      const char *name = rj_test_entry_loop_fields[i];
      g_autofree char *word = g_strdup_printf ("zanzibar-%s", name);
      g_autoptr(RjSearchResults) results = query (fixture, word);
      g_autoptr(GPtrArray) matches = NULL;
      g_autofree char *expected = g_strdup_printf ("Ça va — %s ✓", word);
      RjSearchMatch *match = NULL;
      GDate found;

      g_test_message ("field %s", name);
      g_assert_cmpuint (rj_search_results_get_n_days (results), ==, 1);
      rj_search_results_get_date (results, 0, &found);
      g_assert_cmpint (g_date_compare (&found, &date), ==, 0);

      matches = rj_search_results_dup_matches (results, 0);
      g_assert_cmpuint (matches->len, ==, n_canaries_holding (name));
      for (guint m = 0; m < matches->len; m++)
        {
          RjSearchMatch *candidate = g_ptr_array_index (matches, m);
          g_autofree char *bold = highlighted (candidate);

          g_assert_cmpstr (bold, ==, word);
          if (g_str_equal (candidate->snippet, expected))
            {
              g_assert_null (match);
              match = candidate;
            }
        }
      g_assert_nonnull (match);
      g_assert_cmpint (match->field, ==, loop_field_of (name));
      g_assert_cmpint (match->is_private, ==, g_str_has_prefix (name, "private-"));
    }

  /* The shared part of every canary: one day, a match in each of its texts. */
  {
    g_autoptr(RjSearchResults) results = query (fixture, "zanzibar");
    g_autoptr(GPtrArray) matches = rj_search_results_dup_matches (results, 0);
    guint n_private = 0;

    g_assert_cmpuint (rj_search_results_get_n_days (results), ==, 1);
    g_assert_cmpuint (matches->len, ==,
                      g_strv_length ((char **) rj_test_entry_fields) +
                      g_strv_length ((char **) rj_test_entry_loop_fields));
    for (guint m = 0; m < matches->len; m++)
      n_private += ((RjSearchMatch *) g_ptr_array_index (matches, m))->is_private;
    /* Three private loop texts, and the five the day's own fields have private. */
    g_assert_cmpuint (n_private, ==, 3 + 5);
  }
}

/* "cafe" finds "café" and "CAFÉ"; "café" typed finds "cafe"; case both ways. The
 * highlight covers the original word, accent included. */
static void
test_accents_and_case (Fixture *fixture,
                       gconstpointer data)
{
  save_day (fixture, 0, "Met Ana at the café after group.", NULL, FALSE);
  save_day (fixture, 1, "THE CAFÉ WAS CLOSED", NULL, FALSE);
  save_day (fixture, 2, "Coffee at a cafe near the clinic", NULL, FALSE);
  /* The same accent written as e and a combining acute (decomposed, NFD). */
  save_day (fixture, 3, "A quiet cafe\xcc\x81 morning", NULL, FALSE);
  save_day (fixture, 5, "Called my Brother, then José. Straße, ﬁne.", NULL, FALSE);

  assert_found (fixture, "cafe", "0,1,2,3");
  assert_found (fixture, "café", "0,1,2,3");
  assert_found (fixture, "CAFÉ", "0,1,2,3");
  assert_found (fixture, "Cafe\xcc\x81", "0,1,2,3");
  assert_found (fixture, "jose", "5");
  assert_found (fixture, "JOSÉ", "5");
  assert_found (fixture, "brother", "5");
  assert_found (fixture, "BROTHER", "5");
  /* ß is "ss", as case folding has it, and the ligature ﬁ is "fi". */
  assert_found (fixture, "strasse", "5");
  assert_found (fixture, "straße", "5");
  assert_found (fixture, "fine", "5");

  {
    g_autoptr(RjSearchResults) results = query (fixture, "cafe");
    const char *const expected[] = { "café", "CAFÉ", "cafe", "cafe\xcc\x81" };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_autoptr(GPtrArray) matches = rj_search_results_dup_matches (results, i);
        g_autofree char *bold = highlighted (g_ptr_array_index (matches, 0));

        g_assert_cmpstr (bold, ==, expected[i]);
      }
  }
  {
    g_autoptr(RjSearchResults) results = query (fixture, "strasse jose fine");
    g_autoptr(GPtrArray) matches = rj_search_results_dup_matches (results, 0);
    g_autofree char *bold = highlighted (g_ptr_array_index (matches, 0));

    g_assert_cmpstr (bold, ==, "José|Straße|ﬁne");
  }
}

/* Several words: every one must be on the day, in any of its texts and in any order;
 * each is found within longer words, as it is typed. */
static void
test_several_words (Fixture *fixture,
                    gconstpointer data)
{
  save_day (fixture, 0, "Talked to my brother on the phone", NULL, FALSE);
  save_day (fixture, 1, "My brother came by", "Went to the gym", FALSE);
  save_day (fixture, 2, "Gym in the morning", NULL, FALSE);
  save_day (fixture, 3, "Long phone call with mum", NULL, FALSE);

  assert_found (fixture, "brother", "0,1");
  assert_found (fixture, "brother phone", "0");
  assert_found (fixture, "phone brother", "0");
  assert_found (fixture, "  brother   gym ", "1");
  assert_found (fixture, "bro", "0,1");
  assert_found (fixture, "brother mum", "");
  assert_found (fixture, "", "");
  assert_found (fixture, "   ", "");

  {
    g_autoptr(RjSearchResults) results = query (fixture, "gym brother");
    g_autoptr(GPtrArray) matches = rj_search_results_dup_matches (results, 0);
    RjSearchMatch *win, *notes;
    g_autofree char *win_bold = NULL, *notes_bold = NULL;

    /* The win comes before the notes, as on the check-in. */
    g_assert_cmpuint (matches->len, ==, 2);
    win = g_ptr_array_index (matches, 0);
    notes = g_ptr_array_index (matches, 1);
    g_assert_cmpint (win->field, ==, RJ_SEARCH_FIELD_WIN);
    g_assert_cmpint (notes->field, ==, RJ_SEARCH_FIELD_NOTES);
    win_bold = highlighted (win);
    notes_bold = highlighted (notes);
    g_assert_cmpstr (win_bold, ==, "gym");
    g_assert_cmpstr (notes_bold, ==, "brother");
  }
}

/* A long note shows a short piece around the first match, cut between words. */
static void
test_snippet (Fixture *fixture,
              gconstpointer data)
{
  GString *text = g_string_new (NULL);
  g_autoptr(RjSearchResults) results = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autofree char *bold = NULL;
  RjSearchMatch *match;
  const char *inner;
  gsize inner_len;

  for (guint i = 0; i < 60; i++)
    g_string_append (text, "élan quiet words\n");
  g_string_append (text, "then I called my Brother and we talked ");
  for (guint i = 0; i < 60; i++)
    g_string_append (text, "more words after ");
  save_day (fixture, 0, text->str, NULL, FALSE);

  results = query (fixture, "brother");
  matches = rj_search_results_dup_matches (results, 0);
  match = g_ptr_array_index (matches, 0);
  g_test_message ("snippet: %s", match->snippet);

  g_assert_true (g_utf8_validate (match->snippet, -1, NULL));
  g_assert_true (g_str_has_prefix (match->snippet, "…"));
  g_assert_true (g_str_has_suffix (match->snippet, "…"));
  g_assert_cmpuint (g_utf8_strlen (match->snippet, -1), <=, 150);
  g_assert_null (strchr (match->snippet, '\n'));
  bold = highlighted (match);
  g_assert_cmpstr (bold, ==, "Brother");

  /* Cut at word boundaries: what lies between the ellipses is whole words of the
   * note, with its line breaks shown as spaces. */
  inner = match->snippet + strlen ("…");
  inner_len = strlen (inner) - strlen ("…");
  g_assert_cmpint (inner[0], !=, ' ');
  g_assert_cmpint (inner[inner_len - 1], !=, ' ');
  {
    g_autofree char *piece = g_strndup (inner, inner_len);
    g_autofree char *flat = g_strdup (text->str);

    g_strdelimit (flat, "\n", ' ');
    g_assert_nonnull (strstr (flat, piece));
    g_assert_true (strstr (flat, piece) == flat || strstr (flat, piece)[-1] == ' ');
    g_assert_cmpint (strstr (flat, piece)[inner_len], ==, ' ');
  }
  g_string_free (text, TRUE);

  /* Runs of white space show as one space, and the highlight still falls on the word. */
  save_day (fixture, 1, "Line one.\n\n\t  Then  my sister, née Brown.", NULL, FALSE);
  {
    g_autoptr(RjSearchResults) found = query (fixture, "nee sister");
    g_autoptr(GPtrArray) found_matches = rj_search_results_dup_matches (found, 0);
    RjSearchMatch *line = g_ptr_array_index (found_matches, 0);
    g_autofree char *words = highlighted (line);

    g_assert_cmpstr (line->snippet, ==, "Line one. Then my sister, née Brown.");
    g_assert_cmpstr (words, ==, "sister|née");
  }
}

/* A private win is found, and said to be private. */
static void
test_private (Fixture *fixture,
              gconstpointer data)
{
  g_autoptr(RjSearchResults) results = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  RjSearchMatch *match;

  save_day (fixture, 0, NULL, "Told my sponsor the truth", TRUE);
  save_day (fixture, 1, NULL, "Sponsor meeting", FALSE);

  results = query (fixture, "sponsor");
  g_assert_cmpuint (rj_search_results_get_n_days (results), ==, 2);
  matches = rj_search_results_dup_matches (results, 0);
  match = g_ptr_array_index (matches, 0);
  g_assert_true (match->is_private);
  g_assert_cmpint (match->field, ==, RJ_SEARCH_FIELD_WIN);
  g_clear_pointer (&matches, g_ptr_array_unref);
  matches = rj_search_results_dup_matches (results, 1);
  g_assert_false (((RjSearchMatch *) g_ptr_array_index (matches, 0))->is_private);
}

/* After lock, searching finds nothing and the index holds nothing; after unlocking
 * again, it is all found again. */
static void
test_lock (Fixture *fixture,
           gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RjSearchResults) before = NULL;

  save_day (fixture, 0, "Walked by the river", NULL, FALSE);
  save_day (fixture, 1, "River again", NULL, FALSE);
  before = query (fixture, "river");
  g_assert_cmpuint (rj_search_results_get_n_days (before), ==, 2);
  g_assert_cmpuint (rj_search_index_get_n_days (fixture->index), ==, 2);

  g_assert_true (rj_store_lock (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rj_search_index_get_n_days (fixture->index), ==, 0);
  assert_found (fixture, "river", "");
  assert_found (fixture, "r", "");
  g_assert_cmpuint (rj_search_index_get_n_days (fixture->index), ==, 0);

  g_assert_true (rj_store_unlock (fixture->store, RJ_TEST_PASSPHRASE,
                                  strlen (RJ_TEST_PASSPHRASE), &error));
  g_assert_no_error (error);
  assert_found (fixture, "river", "0,1");
}

/* An edit is found at once, the old words no longer; a day cleared is gone; a new day
 * goes in its place by date. Saved the way the check-in saves, asynchronously, too. */
static void
test_edit (Fixture *fixture,
           gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  save_day (fixture, 0, "An argument at work", NULL, FALSE);
  save_day (fixture, 2, "Quiet evening", NULL, FALSE);
  assert_found (fixture, "argument", "0");

  save_day (fixture, 0, "A good talk at work", NULL, FALSE);
  assert_found (fixture, "argument", "");
  assert_found (fixture, "talk", "0");
  assert_found (fixture, "work", "0");

  save_day (fixture, 1, "Quiet morning", NULL, FALSE);
  assert_found (fixture, "quiet", "1,2");

  {
    GDate date = day (fixture, 2);
    g_assert_true (rj_store_delete_entry (fixture->store, &date, &error));
    g_assert_no_error (error);
  }
  assert_found (fixture, "quiet", "1");

  {
    GDate date = day (fixture, 3);
    g_autoptr(RjEntry) entry = rj_entry_new (&date);

    rj_entry_add_topic (entry, "Sleep and cravings", FALSE);
    rj_store_save_entry_async (fixture->store, entry, NULL, NULL, NULL);
    /* Found as soon as the journal in memory holds it, before the write lands. */
    assert_found (fixture, "cravings", "3");
    rj_store_flush (fixture->store);
    /* The task returns, and lets go of the store, in the main context. */
    while (g_main_context_iteration (NULL, FALSE))
      ;
  }
}

/* A craving's trigger is found by its name in the client's list, as renamed. */
static void
test_trigger (Fixture *fixture,
              gconstpointer data)
{
  g_autoptr(RjProfile) profile = rj_store_dup_profile (fixture->store);
  g_autoptr(GError) error = NULL;
  GDate date = day (fixture, 2);
  g_autoptr(RjEntry) entry = rj_entry_new (&date);
  RjListItem *item = rj_profile_add_item (profile, RJ_LIST_TRIGGERS, "Payday at the warehouse");
  RjCraving *craving = rj_entry_add_craving (entry);

  craving->trigger_id = g_strdup (item->id);
  rj_note_set (&craving->trigger_words, "Cash in my pocket", FALSE);
  g_assert_true (rj_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);
  g_assert_true (rj_store_save_entry (fixture->store, entry, &error));
  g_assert_no_error (error);

  {
    g_autoptr(RjSearchResults) results = query (fixture, "warehouse pocket");
    g_autoptr(GPtrArray) matches = rj_search_results_dup_matches (results, 0);
    RjSearchMatch *trigger = g_ptr_array_index (matches, 0);
    RjSearchMatch *words = g_ptr_array_index (matches, 1);
    g_autofree char *bold = highlighted (trigger);

    g_assert_cmpuint (matches->len, ==, 2);
    g_assert_cmpint (trigger->field, ==, RJ_SEARCH_FIELD_TRIGGER);
    g_assert_false (trigger->is_private);
    g_assert_cmpstr (trigger->snippet, ==, "Payday at the warehouse");
    g_assert_cmpstr (bold, ==, "warehouse");
    g_assert_cmpint (words->field, ==, RJ_SEARCH_FIELD_CRAVING);
  }

  g_free (item->name);
  item->name = g_strdup ("Friday pay");
  g_assert_true (rj_store_save_profile (fixture->store, profile, &error));
  g_assert_no_error (error);
  assert_found (fixture, "warehouse", "");
  assert_found (fixture, "friday", "2");
}

/* The folded text exists only in the index: it is in memory while the journal is open
 * and searched, and wiped from it when the journal locks. */
static void
test_wiped_on_lock (Fixture *fixture,
                    gconstpointer data)
{
  /* The folded form of the note's odd word; the note itself never holds it. */
  g_autoptr(RjNeedle) folded = rj_needle_new ("folded text", "qwertyzup", strlen ("qwertyzup"));
  g_autoptr(GError) error = NULL;

  /* Under AddressSanitizer the heap scan means nothing and never ends (its quarantine
   * keeps freed blocks whole; its shadow memory is terabytes): see test-memory.c. */
  if (g_getenv ("RJ_TEST_SANITIZERS") != NULL)
    {
      g_test_skip ("The heap scan is meaningless under AddressSanitizer; the normal build runs it");
      return;
    }

  save_day (fixture, 0, "Visited QWÉRTYZÜP today", NULL, FALSE);
  g_assert_cmpuint (rj_heap_scan_count (folded, NULL), ==, 0);

  {
    g_autoptr(RjSearchResults) results = query (fixture, "visited");
    g_autoptr(GPtrArray) matches = rj_search_results_dup_matches (results, 0);

    g_assert_cmpuint (matches->len, ==, 1);
  }
  g_assert_cmpuint (rj_heap_scan_count (folded, NULL), >=, 1);

  g_assert_true (rj_store_lock (fixture->store, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GString) where = g_string_new (NULL);
    guint n = rj_heap_scan_count (folded, where);

    if (n > 0)
      g_test_message ("%s", where->str);
    g_assert_cmpuint (n, ==, 0);
  }
}

int
main (int argc,
      char *argv[])
{
  rj_test_init (&argc, &argv);
  /* `meson test` sets MALLOC_PERTURB_, which makes glibc fill freed blocks and so would
   * hide a buffer of the index freed without being wiped. */
  mallopt (M_PERTURB, 0);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/search/every-field", test_every_field);
  ADD ("/search/accents-and-case", test_accents_and_case);
  ADD ("/search/several-words", test_several_words);
  ADD ("/search/snippet", test_snippet);
  ADD ("/search/private", test_private);
  ADD ("/search/lock", test_lock);
  ADD ("/search/edit", test_edit);
  ADD ("/search/trigger", test_trigger);
  ADD ("/search/wiped-on-lock", test_wiped_on_lock);

  return g_test_run ();
}
