/* test-progress-page.c: the printed progress page is one page, whatever the journal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <gio/gio.h>

#include "rj-demo.h"
#include "rj-progress-page.h"
#include "rj-test-util.h"
#include "rj-trends.h"

#define A4_WIDTH 595.0
#define A4_HEIGHT 842.0
#define LETTER_WIDTH 612.0
#define LETTER_HEIGHT 792.0
#define CANARY "PRIVATE-CANARY-5150"
#define LONG_NAME_TAIL "TAIL-OF-A-VERY-LONG-NAME"

typedef enum {
  JOURNAL_SMALL,
  JOURNAL_TYPICAL,
  JOURNAL_OVERLOADED,
} JournalKind;

typedef struct {
  JournalKind kind;
  double width;
  double height;
} PageCase;

static void
set_today (GDate *today)
{
  g_date_clear (today, 1);
  g_date_set_dmy (today, 23, G_DATE_NOVEMBER, 2026);
}

/* Three days, two skills, one private text. */
static RjTrends *
small_trends (RjProfile **profile_out)
{
  g_autoptr(RjProfile) profile = rj_profile_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) rj_entry_unref);
  const char *people = rj_profile_add_item (profile, RJ_LIST_TRIGGERS, "People")->id;
  const char *ana = rj_profile_add_item (profile, RJ_LIST_SKILLS, "Calling Ana")->id;
  GDate today, first;

  set_today (&today);
  for (guint i = 0; i < 3; i++)
    {
      GDate date = today;
      RjEntry *entry;
      RjCraving *craving;

      g_date_subtract_days (&date, i * 3);
      entry = rj_entry_new (&date);
      entry->mood = 4 + i;
      entry->distress = 6 - i;
      craving = rj_entry_add_craving (entry);
      craving->intensity = 5 + i;
      craving->trigger_id = g_strdup (people);
      rj_note_set (&craving->trigger_words, CANARY " my brother", TRUE);
      rj_craving_add_skill (craving, ana, i < 2 ? RJ_HELPED_YES : RJ_HELPED_NO);
      g_ptr_array_add (entries, entry);
    }
  first = today;
  g_date_subtract_days (&first, 29);
  *profile_out = g_steal_pointer (&profile);
  return rj_trends_compute_for_entries (entries, *profile_out, RJ_TRENDS_PERIOD_30_DAYS,
                                        &first, &today);
}

/* A year of the demo journal, with one private text of our own in it. */
static RjTrends *
typical_trends (const char  *dir,
                RjProfile  **profile_out)
{
  g_autofree char *path = g_build_filename (dir, "journal.db", NULL);
  g_autoptr(RjStore) store = rj_test_create_store (path, RJ_TEST_PASSPHRASE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RjEntry) entry = NULL;
  RjCraving *craving;
  GDate today, day;
  RjTrends *trends;

  set_today (&today);
  g_assert_true (rj_demo_fill (store, &today, 365, 20261123, &error));
  g_assert_no_error (error);

  day = today;
  g_date_subtract_days (&day, 10);
  entry = rj_store_dup_entry (store, &day);
  if (entry == NULL)
    entry = rj_entry_new (&day);
  craving = rj_entry_add_craving (entry);
  craving->intensity = 6;
  rj_note_set (&craving->trigger_words, CANARY " the party", TRUE);
  rj_note_set (&entry->notes, CANARY " notes", TRUE);
  g_assert_true (rj_store_save_entry (store, entry, &error));
  g_assert_no_error (error);

  *profile_out = rj_store_dup_profile (store);
  trends = rj_trends_compute (store, *profile_out, RJ_TRENDS_PERIOD_365_DAYS, &today);
  return trends;
}

/* Everything at once: a long name, 40 triggers and 40 skills with long names, ten
 * cravings a day for ten years, all of it in the "all" period. */
static RjTrends *
overloaded_trends (RjProfile **profile_out)
{
  g_autoptr(RjProfile) profile = rj_profile_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) rj_entry_unref);
  g_autoptr(GPtrArray) triggers = g_ptr_array_new ();
  g_autoptr(GPtrArray) skills = g_ptr_array_new ();
  g_autoptr(GString) long_name = g_string_new (NULL);
  GDate today, first;

  for (guint i = 0; i < 40; i++)
    g_string_append (long_name, "Wiederholungsgedankenunterbrechung ");
  g_string_append (long_name, LONG_NAME_TAIL);
  profile->client_name = g_strdup (long_name->str);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *t = g_strdup_printf ("Trigger %u %s", i, long_name->str);
      g_autofree char *s = g_strdup_printf ("Skill %u %s", i, long_name->str);

      g_ptr_array_add (triggers, rj_profile_add_item (profile, RJ_LIST_TRIGGERS, t)->id);
      g_ptr_array_add (skills, rj_profile_add_item (profile, RJ_LIST_SKILLS, s)->id);
    }

  set_today (&today);
  for (guint d = 0; d < 3650; d++)
    {
      GDate date = today;
      RjEntry *entry;

      g_date_subtract_days (&date, d);
      entry = rj_entry_new (&date);
      entry->mood = d % 11;
      entry->distress = 10 - d % 11;
      entry->use.used = d % 13 == 0 ? RJ_ANSWER_YES : RJ_ANSWER_NO;
      rj_note_set (&entry->notes, CANARY, TRUE);
      for (guint c = 0; c < 10; c++)
        {
          RjCraving *craving = rj_entry_add_craving (entry);

          craving->intensity = (d + c) % 11;
          craving->trigger_id = g_strdup (g_ptr_array_index (triggers, (d + c) % 40));
          rj_note_set (&craving->trigger_words, CANARY, TRUE);
          rj_craving_add_skill (craving, g_ptr_array_index (skills, (d * 3 + c) % 40),
                                (RjHelped) ((d + c) % 4));
        }
      g_ptr_array_add (entries, entry);
    }
  first = today;
  g_date_subtract_days (&first, 3649);
  *profile_out = g_steal_pointer (&profile);
  return rj_trends_compute_for_entries (entries, *profile_out, RJ_TRENDS_PERIOD_ALL, &first,
                                        &today);
}

/* What @argv printed, or NULL (and the test skipped) when the program is missing. */
static char *
tool_output (const char *const *argv)
{
  g_autofree char *found = g_find_program_in_path (argv[0]);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  if (found == NULL)
    {
      g_autofree char *why = g_strdup_printf ("%s is not installed", argv[0]);

      g_test_skip (why);
      return NULL;
    }
  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                     | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (process));
  return out;
}

static void
test_one_page (gconstpointer data)
{
  const PageCase *pc = data;
  g_autofree char *dir = rj_test_make_tmp_dir ("rj-test-progress-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "progress.pdf", NULL);
  g_autoptr(RjProfile) profile = NULL;
  g_autoptr(RjTrends) trends = NULL;
  g_autoptr(GDateTime) generated = g_date_time_new_local (2026, 11, 23, 18, 30, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *skill_line = NULL;
  g_autofree char *size = NULL;
  struct stat st;

  switch (pc->kind)
    {
    case JOURNAL_SMALL:
      trends = small_trends (&profile);
      break;
    case JOURNAL_TYPICAL:
      trends = typical_trends (dir, &profile);
      break;
    case JOURNAL_OVERLOADED:
    default:
      trends = overloaded_trends (&profile);
      break;
    }
  g_assert_true (trends->has_skills);
  skill_line = rj_trends_skill_describe (g_ptr_array_index (trends->skills, 0));

  /* An existing file of another mode is made private too. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (chmod (path, 0644), ==, 0);
  g_assert_true (rj_progress_page_write_pdf (path, pc->width, pc->height, trends, profile,
                                             generated, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* To look at the pages: RJ_PROGRESS_PAGE_KEEP=<folder> keeps a copy of each. */
  if (g_getenv ("RJ_PROGRESS_PAGE_KEEP") != NULL)
    {
      static const char *const kinds[] = { "small", "typical", "overloaded" };
      g_autofree char *name = g_strdup_printf ("progress-%s-%s.pdf", kinds[pc->kind],
                                               pc->width == A4_WIDTH ? "a4" : "letter");
      g_autofree char *kept = g_build_filename (g_getenv ("RJ_PROGRESS_PAGE_KEEP"), name, NULL);

      g_assert_true (rj_progress_page_write_pdf (kept, pc->width, pc->height, trends, profile,
                                                 generated, &error));
    }

  {
    const char *argv[] = { "pdfinfo", path, NULL };

    info = tool_output (argv);
  }
  if (info != NULL)
    {
      size = g_strdup_printf ("%g x %g pts", pc->width, pc->height);
      g_assert_true (g_regex_match_simple ("^Pages: +1$", info, G_REGEX_MULTILINE, 0));
      g_assert_nonnull (strstr (info, size));
    }

  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", "-layout", path, "-", NULL };

    text = tool_output (argv);
  }
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "Recovery progress"));
      g_assert_nonnull (strstr (text, "Cravings per week"));
      g_assert_nonnull (strstr (text, "Mood and distress"));
      /* Nothing private, ever; long names are cut in the file, not only on screen. */
      g_assert_null (strstr (text, CANARY));
      g_assert_null (strstr (text, LONG_NAME_TAIL));
      if (pc->kind != JOURNAL_OVERLOADED)
        g_assert_nonnull (strstr (text, skill_line));
      else
        g_assert_nonnull (strstr (text, "more coping skills"));
      if (pc->kind == JOURNAL_SMALL)
        {
          g_assert_cmpstr (skill_line, ==, "Calling Ana helped 2 of 3 times");
          g_assert_nonnull (strstr (text, "Last 30 days"));
          g_assert_nonnull (strstr (text, "entries on 3 of 30 days"));
        }
    }

  /* The file itself: no private words and no cut name in any stream, compressed or
   * not, is checked through pdftotext above; the raw bytes must not carry them
   * either (metadata, actual text). */
  {
    g_autofree char *raw = NULL;
    gsize len;

    g_assert_true (g_file_get_contents (path, &raw, &len, NULL));
    g_assert_false (rj_test_contains ((const guint8 *) raw, len, (const guint8 *) CANARY,
                                      strlen (CANARY)));
    g_assert_false (rj_test_contains ((const guint8 *) raw, len,
                                      (const guint8 *) LONG_NAME_TAIL,
                                      strlen (LONG_NAME_TAIL)));
  }

  rj_test_remove_tree (dir);
}

/* An empty period prints a calm page of its own, still one page. */
static void
test_empty_period (void)
{
  g_autofree char *dir = rj_test_make_tmp_dir ("rj-test-progress-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "progress.pdf", NULL);
  g_autoptr(RjProfile) profile = rj_profile_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GDateTime) generated = g_date_time_new_local (2026, 11, 23, 18, 30, 0);
  g_autoptr(RjTrends) trends = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GDate today, first;

  set_today (&today);
  first = today;
  g_date_subtract_days (&first, 89);
  trends = rj_trends_compute_for_entries (entries, profile, RJ_TRENDS_PERIOD_90_DAYS, &first,
                                          &today);
  g_assert_true (rj_progress_page_write_pdf (path, A4_WIDTH, A4_HEIGHT, trends, profile,
                                             generated, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

    text = tool_output (argv);
  }
  if (text != NULL)
    g_assert_nonnull (strstr (text, "No days logged in these 90 days"));

  rj_test_remove_tree (dir);
}

/* A file that cannot be written says where and why. */
static void
test_unwritable (void)
{
  g_autoptr(RjProfile) profile = NULL;
  g_autoptr(RjTrends) trends = small_trends (&profile);
  g_autoptr(GDateTime) generated = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  g_assert_false (rj_progress_page_write_pdf ("/nonexistent-folder/progress.pdf", A4_WIDTH,
                                              A4_HEIGHT, trends, profile, generated, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent-folder/progress.pdf"));
}

int
main (int argc,
      char *argv[])
{
  static const char *const kinds[] = { "small", "typical", "overloaded" };
  static PageCase cases[6];

  rj_test_init (&argc, &argv);

  for (guint k = 0; k < 3; k++)
    for (guint s = 0; s < 2; s++)
      {
        PageCase *pc = &cases[k * 2 + s];
        g_autofree char *name = NULL;

        pc->kind = k;
        pc->width = s == 0 ? A4_WIDTH : LETTER_WIDTH;
        pc->height = s == 0 ? A4_HEIGHT : LETTER_HEIGHT;
        name = g_strdup_printf ("/progress-page/one-page/%s/%s", kinds[k],
                                s == 0 ? "a4" : "letter");
        g_test_add_data_func (name, pc, test_one_page);
      }
  g_test_add_func ("/progress-page/empty-period", test_empty_period);
  g_test_add_func ("/progress-page/unwritable", test_unwritable);

  return g_test_run ();
}
