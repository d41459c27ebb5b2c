/* test-summary-page.c: the session summary prints on exactly one page, A4 and Letter,
 * and shows what the summary holds: the triggers, "–" for a day not logged, the header,
 * the crisis lines; never a contact's phone or note.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-summary-page"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>

#include <cairo.h>
#include <glib/gstdio.h>

#include "rj-summary-page.h"
#include "rj-test-util.h"

#define A4_WIDTH 595.0
#define A4_HEIGHT 842.0
#define LETTER_WIDTH 612.0
#define LETTER_HEIGHT 792.0

/* Texts that the profile holds but the page must never show. */
#define PRIVATE_PHONE "555-0199-PRIVATE"
#define PRIVATE_NOTE "PRIVATE-CONTACT-NOTE"

typedef enum {
  SUMMARY_SMALL,
  SUMMARY_TYPICAL,
  SUMMARY_OVERLOADED,
} SummaryKind;

typedef struct {
  SummaryKind kind;
  double width;
  double height;
} PageCase;

/* Hand-built summaries: the model is tested on its own; these exercise the drawing. */

static void
free_craving (gpointer data)
{
  RjSummaryCraving *c = data;

  g_free (c->trigger_label);
  g_free (c->trigger_words);
  for (guint i = 0; c->skills != NULL && i < c->skills->len; i++)
    {
      RjSummarySkillUse *use = &g_array_index (c->skills, RjSummarySkillUse, i);
      g_free (use->skill_id);
      g_free (use->label);
    }
  g_clear_pointer (&c->skills, g_array_unref);
  g_free (c);
}

static void
free_trigger (gpointer data)
{
  RjSummaryTriggerCount *t = data;

  g_free (t->id);
  g_free (t->label);
  g_free (t);
}

static void
free_skill (gpointer data)
{
  RjSummarySkillCount *k = data;

  g_free (k->id);
  g_free (k->label);
  g_free (k);
}

static void
free_lapse (gpointer data)
{
  RjSummaryLapse *l = data;

  g_free (l->substance_label);
  g_free (l->amount);
  g_free (l->what_happened);
  g_free (l->next_time);
  g_free (l);
}

static void
free_note (gpointer data)
{
  RjSummaryNote *n = data;

  g_free (n->text);
  g_free (n);
}

static void
free_summary (RjSummary *s)
{
  g_free (s->client_name);
  g_array_unref (s->columns);
  g_ptr_array_unref (s->top_cravings);
  g_ptr_array_unref (s->triggers);
  g_ptr_array_unref (s->skills);
  g_ptr_array_unref (s->lapses);
  g_ptr_array_unref (s->wins);
  g_ptr_array_unref (s->topics);
  g_free (s);
}

/* Not rj_summary_unref(): these summaries are built here, field by field. */
typedef RjSummary HandBuiltSummary;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HandBuiltSummary, free_summary)

/* @n_words words of ordinary prose, starting with @first. */
static char *
words (const char *first,
       guint       n_words)
{
  static const char *const pool[] = {
    "today", "I", "felt", "the", "pull", "after", "work", "and", "called", "my", "sponsor",
    "instead", "walked", "around", "the", "block", "twice", "then", "made", "dinner",
  };
  GString *out = g_string_new (first);

  for (guint i = 1; i < n_words; i++)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, pool[i % G_N_ELEMENTS (pool)]);
    }
  return g_string_free (out, FALSE);
}

static RjSummaryCraving *
make_craving (const GDate *date,
              int          intensity,
              const char  *trigger,
              const char  *trigger_words,
              guint        n_skills)
{
  RjSummaryCraving *c = g_new0 (RjSummaryCraving, 1);

  c->date = *date;
  c->time_minutes = 21 * 60 + 30;
  c->intensity = intensity;
  c->duration_minutes = 20;
  c->trigger_label = g_strdup (trigger);
  c->trigger_words = g_strdup (trigger_words);
  c->halt_yes = RJ_HALT_LONELY | RJ_HALT_TIRED;
  c->skills = g_array_new (FALSE, TRUE, sizeof (RjSummarySkillUse));
  for (guint i = 0; i < n_skills; i++)
    {
      RjSummarySkillUse use = {
        g_strdup_printf ("skill-%u", i),
        g_strdup_printf (i == 0 ? "Called sponsor" : "Skill number %u", i),
        i % 3 == 0 ? RJ_HELPED_YES : i % 3 == 1 ? RJ_HELPED_PARTLY : RJ_HELPED_NO,
      };
      g_array_append_val (c->skills, use);
    }
  c->outcome = RJ_OUTCOME_RODE_IT_OUT;
  return c;
}

static RjSummaryNote *
make_note (const GDate *date,
           char        *text)
{
  RjSummaryNote *n = g_new0 (RjSummaryNote, 1);

  n->date = *date;
  n->text = text;
  return n;
}

static RjSummary *
make_summary (SummaryKind kind)
{
  RjSummary *s = g_new0 (RjSummary, 1);
  guint n_days = kind == SUMMARY_SMALL ? 3 : kind == SUMMARY_TYPICAL ? 7 : 60;
  guint column_days = kind == SUMMARY_OVERLOADED ? 14 : 1;
  guint n_columns = (n_days + column_days - 1) / column_days;
  guint not_logged = kind == SUMMARY_SMALL ? 1 : 2;   /* this column had no entry */
  GDate day;

  g_date_set_dmy (&s->first, 3, G_DATE_MARCH, 2025);
  s->last = s->first;
  g_date_add_days (&s->last, n_days - 1);
  s->n_days = n_days;
  s->n_days_logged = n_days - column_days;
  s->since_last_session = TRUE;
  s->last_session = s->first;
  g_date_subtract_days (&s->last_session, 1);
  s->client_name = g_strdup (kind == SUMMARY_OVERLOADED
                             ? "Alexandra Konstantinopoulou-Wetherington-Smythe" : "J. R.");

  s->n_use_days = kind == SUMMARY_SMALL ? 0 : 1;
  s->last_use = s->first;
  g_date_add_days (&s->last_use, 4);
  s->days_since_last_use = kind == SUMMARY_SMALL ? 41 : 2;
  s->sober_days_total = kind == SUMMARY_SMALL ? 41 : 2;
  s->sober_days_in_period = s->n_days_logged - s->n_use_days;
  s->medication_yes = s->n_days_logged - 1;
  s->medication_logged = s->n_days_logged;
  s->meetings = kind == SUMMARY_SMALL ? RJ_NOT_LOGGED : 3;
  s->support_calls = 4;

  s->columns = g_array_new (FALSE, TRUE, sizeof (RjSummaryColumn));
  s->columns_are_weeks = column_days > 1;
  for (guint i = 0; i < n_columns; i++)
    {
      RjSummaryColumn c = { 0 };

      c.first = s->first;
      g_date_add_days (&c.first, i * column_days);
      c.last = c.first;
      g_date_add_days (&c.last, MIN (column_days, n_days - i * column_days) - 1);
      if (i == not_logged)
        {
          c.mood = c.distress = c.sleep_minutes = RJ_NOT_LOGGED;
          c.n_cravings = c.peak_intensity = c.craving_minutes = RJ_NOT_LOGGED;
          c.used = RJ_ANSWER_NOT_LOGGED;
        }
      else
        {
          c.n_days_logged = g_date_days_between (&c.first, &c.last) + 1;
          c.mood = (3 + i * 2) % 11;
          c.distress = (8 + i) % 11;
          c.sleep_minutes = 6 * 60 + 15 * i;
          c.n_cravings = kind == SUMMARY_OVERLOADED ? 30 * (int) c.n_days_logged : (int) i + 1;
          c.peak_intensity = (5 + i * 3) % 11;
          c.craving_minutes = c.n_cravings * 20;
          c.halt_yes = i % 2 ? RJ_HALT_HUNGRY | RJ_HALT_TIRED : 0;
          c.used = i == 4 ? RJ_ANSWER_YES : RJ_ANSWER_NO;
        }
      g_array_append_val (s->columns, c);
    }

  s->top_cravings = g_ptr_array_new_with_free_func (free_craving);
  s->triggers = g_ptr_array_new_with_free_func (free_trigger);
  s->skills = g_ptr_array_new_with_free_func (free_skill);
  s->lapses = g_ptr_array_new_with_free_func (free_lapse);
  s->wins = g_ptr_array_new_with_free_func (free_note);
  s->topics = g_ptr_array_new_with_free_func (free_note);

  day = s->first;
  switch (kind)
    {
    case SUMMARY_SMALL:
      s->n_cravings = 1;
      g_ptr_array_add (s->top_cravings, make_craving (&day, 6, "Payday", "cash in hand", 1));
      {
        RjSummaryTriggerCount *t = g_new0 (RjSummaryTriggerCount, 1);

        t->id = g_strdup ("payday");
        t->label = g_strdup ("Payday");
        t->count = 1;
        g_ptr_array_add (s->triggers, t);
      }
      break;

    case SUMMARY_TYPICAL:
    case SUMMARY_OVERLOADED:
      {
        gboolean over = kind == SUMMARY_OVERLOADED;
        guint n_triggers = over ? 40 : 4;
        guint n_skills = over ? 40 : 5;
        guint n_notes = over ? 30 : 2;
        static const char *const labels[] = { "Stress at work", "Payday", "Old friends",
                                              "Loneliness" };

        s->n_cravings = over ? 1800 : 8;
        for (guint i = 0; i < RJ_SUMMARY_TOP_CRAVINGS; i++)
          {
            g_autofree char *long_words = over ? words ("Supercalifragilisticexpialidocious"
                                                        "-overwhelming-urge", 2000) : NULL;

            g_ptr_array_add (s->top_cravings,
                             make_craving (&day, 10 - i, labels[i % 4],
                                           over ? long_words
                                                : i == 0 ? "argument with my boss" : NULL,
                                           over ? 12 : 2));
          }
        s->n_more_cravings = s->n_cravings - RJ_SUMMARY_TOP_CRAVINGS;

        for (guint i = 0; i < n_triggers; i++)
          {
            RjSummaryTriggerCount *t = g_new0 (RjSummaryTriggerCount, 1);

            t->id = g_strdup_printf ("trigger-%u", i);
            t->label = i < 4 ? g_strdup (labels[i])
                             : g_strdup_printf ("A very long trigger name number %u that goes "
                                                "on and on past any column width", i);
            t->count = (over ? 400 : 5) - i;
            g_ptr_array_add (s->triggers, t);
          }
        for (guint i = 0; i < n_skills; i++)
          {
            RjSummarySkillCount *k = g_new0 (RjSummarySkillCount, 1);

            k->id = g_strdup_printf ("skill-%u", i);
            k->label = i == 0 ? g_strdup ("Called sponsor")
                              : g_strdup_printf ("Coping skill %u", i);
            k->times_used = 9 - MIN (i, 8);
            k->times_helped = k->times_used / 2;
            k->times_partly = i % 2;
            k->new_since_last_session = i == 1;
            g_ptr_array_add (s->skills, k);
          }
        {
          RjSummaryLapse *l = g_new0 (RjSummaryLapse, 1);

          l->date = s->last_use;
          l->substance_label = g_strdup ("Alcohol");
          l->amount = g_strdup ("two beers");
          l->what_happened = over ? words ("Lapse-story", 2000)
                                  : g_strdup ("Went to a party after a hard week.");
          l->next_time = g_strdup ("Leave early and call Sam on the way.");
          g_ptr_array_add (s->lapses, l);
        }
        for (guint i = 0; i < n_notes; i++)
          {
            g_ptr_array_add (s->topics,
                             make_note (&day, over ? words ("Topic-text", 2000)
                                                   : g_strdup ("How to handle payday")));
            g_ptr_array_add (s->wins,
                             make_note (&day, over ? words ("Win-text", 2000)
                                                   : g_strdup ("Five days without drinking")));
          }
        s->n_private_left_out = over ? 12 : 2;
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return s;
}

static RjProfile *
make_profile (void)
{
  RjProfile *profile = rj_profile_new ();
  RjContact *contact;

  profile->client_name = g_strdup ("Profile Name");
  contact = rj_profile_add_contact (profile, "Sam", PRIVATE_PHONE);
  contact->note = g_strdup (PRIVATE_NOTE);
  rj_profile_add_contact (profile, "Sponsor", "555-0100");
  return profile;
}

/* Runs @program on @path and returns what it printed, or NULL (the test is then marked
 * skipped) when the program is not installed. pdftotext keeps the page's layout when
 * @layout, or else gives the text in reading order, column by column. */
static char *
run_tool_full (const char *program,
               const char *path,
               gboolean    layout)
{
  g_autofree char *found = g_find_program_in_path (program);
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (found == NULL)
    {
      g_autofree char *why = g_strdup_printf ("%s is not installed", program);

      g_test_skip (why);
      return NULL;
    }
  if (strcmp (program, "pdftotext") == 0)
    {
      const char *argv[] = { found, "-enc", "UTF-8", path, "-", layout ? "-layout" : NULL,
                             NULL };
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                    &out, NULL, &status, &error);
    }
  else
    {
      const char *argv[] = { found, path, NULL };
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                    &out, NULL, &status, &error);
    }
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return out;
}

static char *
run_tool (const char *program,
          const char *path)
{
  return run_tool_full (program, path, TRUE);
}

/* The line of @text that starts (after spaces) with @label. */
static char *
find_line (const char *text,
           const char *label)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (g_strchug (lines[i]), label))
      return g_strdup (lines[i]);
  return NULL;
}

static void
test_pdf (gconstpointer data)
{
  const PageCase *pc = data;
  g_autoptr(HandBuiltSummary) summary = make_summary (pc->kind);
  g_autoptr(RjProfile) profile = make_profile ();
  g_autoptr(GDateTime) generated = g_date_time_new_local (2025, 3, 12, 9, 5, 0);
  g_autofree char *dir = rj_test_make_tmp_dir ("summary-page-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *entries = NULL;
  g_autofree char *minutes_line = NULL;
  g_autofree char *flat = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  struct stat st;

  g_assert_true (rj_summary_page_write_pdf (path, pc->width, pc->height, summary, profile,
                                            generated, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* To look at the pages: RJ_SUMMARY_PAGE_KEEP=<folder> keeps a copy of each. */
  if (g_getenv ("RJ_SUMMARY_PAGE_KEEP") != NULL)
    {
      static const char *const kinds[] = { "small", "typical", "overloaded" };
      g_autofree char *name = g_strdup_printf ("summary-%s-%s.pdf", kinds[pc->kind],
                                               pc->width == A4_WIDTH ? "a4" : "letter");
      g_autofree char *kept = g_build_filename (g_getenv ("RJ_SUMMARY_PAGE_KEEP"), name, NULL);

      g_assert_true (rj_summary_page_write_pdf (kept, pc->width, pc->height, summary, profile,
                                                generated, &error));
      g_assert_no_error (error);
    }

  info = run_tool ("pdfinfo", path);
  if (info != NULL)
    {
      g_autofree char *pages = find_line (info, "Pages:");
      g_autofree char *size = find_line (info, "Page size:");
      g_autofree char *expected_size = g_strdup_printf ("%g x %g pts", pc->width, pc->height);

      g_assert_nonnull (pages);
      g_assert_cmpstr (g_strstrip (pages + strlen ("Pages:")), ==, "1");
      g_assert_nonnull (strstr (size, expected_size));
    }

  text = run_tool ("pdftotext", path);
  if (text == NULL)
    {
      rj_test_remove_tree (dir);
      return;
    }
  /* Phrases that may wrap are looked for in reading order, with the line breaks gone. */
  {
    g_autofree char *reading = run_tool_full ("pdftotext", path, FALSE);
    flat = g_regex_replace_literal (spaces, reading, -1, 0, " ", 0, NULL);
  }

  /* The header. */
  g_assert_nonnull (strstr (text, "Recovery check-in"));
  g_assert_nonnull (strstr (text, pc->kind == SUMMARY_OVERLOADED ? "Alexandra" : "J. R."));
  entries = g_strdup_printf ("entries on %u of %u days", summary->n_days_logged,
                             summary->n_days);
  g_assert_nonnull (strstr (text, entries));
  g_assert_nonnull (strstr (text, "generated 12 Mar"));
  g_assert_nonnull (strstr (text, "Mon 3 Mar"));
  g_assert_nonnull (strstr (text, "Client self-report, made on the client's own computer; "
                                  "not a clinical record"));

  /* The triggers and the strongest cravings. */
  for (guint i = 0; i < MIN (summary->triggers->len, 3); i++)
    {
      const RjSummaryTriggerCount *t = g_ptr_array_index (summary->triggers, i);
      g_assert_nonnull (strstr (text, t->label));
    }
  if (pc->kind == SUMMARY_TYPICAL)
    g_assert_nonnull (strstr (flat, "argument with my boss"));
  if (pc->kind == SUMMARY_OVERLOADED)
    {
      g_assert_nonnull (strstr (text, "Supercalifragilistic"));
      g_assert_nonnull (strstr (text, "more in the app"));
      g_assert_nonnull (strstr (text, "12 private items left out"));
      g_assert_nonnull (strstr (text, "Each column is 14 days"));
      /* Cut texts are cut in the file too, not only hidden behind the "…". */
      g_assert_cmpuint (strlen (text), <, 40000);
    }
  if (pc->kind != SUMMARY_SMALL)
    {
      g_assert_nonnull (strstr (text, "Called sponsor"));
      g_assert_nonnull (strstr (text, "I want to talk about"));
      g_assert_nonnull (strstr (text, "Wins"));
      g_assert_nonnull (strstr (text, "Looking back at the use"));
    }

  /* "–" in the not-logged column: the row label has no dash of its own. */
  minutes_line = find_line (text, "Craving minutes");
  g_assert_nonnull (minutes_line);
  g_assert_nonnull (strstr (minutes_line, "–"));

  /* The footer is on the page, however much the middle held. */
  g_assert_nonnull (strstr (text, "Counsellor's notes"));
  g_assert_nonnull (strstr (text, "Sam, Sponsor"));
  g_assert_nonnull (strstr (flat, "call or text 988 (Suicide & Crisis Lifeline)"));
  g_assert_nonnull (strstr (flat, "SAMHSA National Helpline 1-800-662-4357 (free, 24/7)"));

  /* Only the contacts' names: never their numbers or notes. */
  g_assert_null (strstr (text, PRIVATE_PHONE));
  g_assert_null (strstr (text, "555-0100"));
  g_assert_null (strstr (text, PRIVATE_NOTE));
  g_assert_null (strstr (text, "Profile Name"));   /* the summary's name wins */

  rj_test_remove_tree (dir);
}

/* An empty period and no profile still make a page with its header and crisis lines. */
static void
test_empty (void)
{
  g_autoptr(HandBuiltSummary) summary = g_new0 (RjSummary, 1);
  g_autoptr(GDateTime) generated = g_date_time_new_local (2025, 3, 12, 9, 5, 0);
  g_autofree char *dir = rj_test_make_tmp_dir ("summary-page-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "empty.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;

  g_date_set_dmy (&summary->first, 3, G_DATE_MARCH, 2025);
  summary->last = summary->first;
  summary->n_days = 1;
  summary->days_since_last_use = -1;
  summary->sober_days_total = -1;
  summary->meetings = RJ_NOT_LOGGED;
  summary->support_calls = RJ_NOT_LOGGED;
  summary->columns = g_array_new (FALSE, TRUE, sizeof (RjSummaryColumn));
  summary->top_cravings = g_ptr_array_new ();
  summary->triggers = g_ptr_array_new ();
  summary->skills = g_ptr_array_new ();
  summary->lapses = g_ptr_array_new ();
  summary->wins = g_ptr_array_new ();
  summary->topics = g_ptr_array_new ();

  g_assert_true (rj_summary_page_write_pdf (path, A4_WIDTH, A4_HEIGHT, summary, NULL,
                                            generated, &error));
  g_assert_no_error (error);

  info = run_tool ("pdfinfo", path);
  if (info != NULL)
    {
      g_autofree char *pages = find_line (info, "Pages:");
      g_assert_cmpstr (g_strstrip (pages + strlen ("Pages:")), ==, "1");
    }
  text = run_tool ("pdftotext", path);
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "Recovery check-in"));
      g_assert_nonnull (strstr (text, "entries on 0 of 1 day"));
      g_assert_nonnull (strstr (text, "No cravings logged."));
      g_assert_nonnull (strstr (text, "1-800-662-4357"));
    }
  rj_test_remove_tree (dir);
}

/* The model's own summary of a demo journal, 7 and 60 days, on both papers: one page,
 * its triggers on it, and none of the contacts' phone numbers. */
static void
test_demo (void)
{
  g_autofree char *dir = rj_test_make_tmp_dir ("summary-page-XXXXXX");
  g_autofree char *journal = g_build_filename (dir, "journal.rj", NULL);
  g_autofree char *path = g_build_filename (dir, "demo.pdf", NULL);
  g_autoptr(RjStore) store = rj_test_create_store (journal, RJ_TEST_PASSPHRASE, NULL);
  g_autoptr(RjProfile) profile = NULL;
  g_autoptr(GDateTime) generated = g_date_time_new_local (2025, 3, 12, 9, 5, 0);
  g_autoptr(GError) error = NULL;
  const guint periods[] = { 7, 60 };
  const double sizes[][2] = { { A4_WIDTH, A4_HEIGHT }, { LETTER_WIDTH, LETTER_HEIGHT } };
  GDate last;

  g_date_set_dmy (&last, 11, G_DATE_MARCH, 2025);
  g_assert_true (rj_demo_fill (store, &last, 90, 4, &error));
  g_assert_no_error (error);
  profile = rj_store_dup_profile (store);
  g_assert_nonnull (profile);

  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
      {
        g_autoptr(RjSummary) summary = NULL;
        g_autofree char *info = NULL;
        g_autofree char *text = NULL;
        GDate first = last;

        g_date_subtract_days (&first, periods[p] - 1);
        summary = rj_summary_compute (store, profile, &first, &last);
        g_assert_nonnull (summary);
        g_assert_true (rj_summary_page_write_pdf (path, sizes[z][0], sizes[z][1], summary,
                                                  profile, generated, &error));
        g_assert_no_error (error);

        if (g_getenv ("RJ_SUMMARY_PAGE_KEEP") != NULL)
          {
            g_autofree char *name = g_strdup_printf ("summary-demo-%u-%s.pdf", periods[p],
                                                     z == 0 ? "a4" : "letter");
            g_autofree char *kept = g_build_filename (g_getenv ("RJ_SUMMARY_PAGE_KEEP"), name,
                                                      NULL);
            g_assert_true (rj_summary_page_write_pdf (kept, sizes[z][0], sizes[z][1], summary,
                                                      profile, generated, &error));
            g_assert_no_error (error);
          }

        info = run_tool ("pdfinfo", path);
        if (info != NULL)
          {
            g_autofree char *pages = find_line (info, "Pages:");
            g_assert_cmpstr (g_strstrip (pages + strlen ("Pages:")), ==, "1");
          }
        text = run_tool ("pdftotext", path);
        if (text == NULL)
          continue;
        g_assert_nonnull (strstr (text, "Recovery check-in"));
        for (guint i = 0; i < MIN (summary->triggers->len, 3); i++)
          {
            const RjSummaryTriggerCount *t = g_ptr_array_index (summary->triggers, i);
            g_assert_nonnull (strstr (text, t->label));
          }
        for (guint i = 0; i < profile->contacts->len; i++)
          {
            const RjContact *contact = g_ptr_array_index (profile->contacts, i);
            if (contact->phone != NULL && *contact->phone != '\0')
              g_assert_null (strstr (text, contact->phone));
          }
      }

  g_clear_object (&store);
  rj_test_remove_tree (dir);
}

/* What comes back from group, on the page of the next session: ten homework tasks
 * with their states keep the page to one page; the weekly check's totals and the
 * lapse review's words are on it; private words are not. */
static void
test_loop (void)
{
  g_autofree char *dir = rj_test_make_tmp_dir ("summary-page-XXXXXX");
  g_autofree char *journal = g_build_filename (dir, "journal.rj", NULL);
  g_autofree char *path = g_build_filename (dir, "loop.pdf", NULL);
  g_autoptr(RjStore) store = rj_test_create_store (journal, RJ_TEST_PASSPHRASE, NULL);
  g_autoptr(RjProfile) profile = make_profile ();
  g_autoptr(GDateTime) generated = g_date_time_new_local (2025, 3, 12, 9, 5, 0);
  g_autoptr(GError) error = NULL;
  const double sizes[][2] = { { A4_WIDTH, A4_HEIGHT }, { LETTER_WIDTH, LETTER_HEIGHT } };
  GDate session, date, last;

  /* Monday 3 March 2025: the session, with ten tasks of long words, the last one
   * private, every other one done. */
  g_date_set_dmy (&session, 3, G_DATE_MARCH, 2025);
  {
    g_autoptr(RjEntry) entry = rj_entry_new (&session);

    entry->session_attended = RJ_ANSWER_YES;
    for (guint i = 0; i < 10; i++)
      {
        g_autofree char *first = g_strdup_printf (i == 9 ? "SECRETTASK%u" : "Task%u", i + 1);
        g_autofree char *task = words (first, 40);
        RjHomework *homework = rj_entry_add_homework (entry, task, i == 9);

        homework->state = i % 2 == 0 ? RJ_HOMEWORK_DONE : RJ_HOMEWORK_OPEN;
        if (i == 0)
          rj_note_set (&homework->how_it_went, "Noted it went fine", FALSE);
      }
    g_assert_true (rj_store_save_entry (store, entry, &error));
    g_assert_no_error (error);
  }

  /* Weekly checks: 18 in the week before, 11 this week. */
  date = session;
  g_date_subtract_days (&date, 6);
  {
    g_autoptr(RjEntry) entry = rj_entry_new (&date);
    for (guint i = 0; i < RJ_WEEKLY_N_QUESTIONS; i++)
      entry->weekly.answers[i] = i < 3 ? 4 : 3;
    g_assert_true (rj_store_save_entry (store, entry, &error));
    g_assert_no_error (error);
  }

  /* A lapse on Wednesday with a review; Thursday's lapse review is all private. */
  date = session;
  g_date_add_days (&date, 2);
  {
    g_autoptr(RjEntry) entry = rj_entry_new (&date);

    entry->use.used = RJ_ANSWER_YES;
    entry->review.stress = 8;
    rj_note_set (&entry->review.vulnerable, "Skipped meals all day", FALSE);
    rj_note_set (&entry->review.set_off, "Argument at work", FALSE);
    rj_note_set (&entry->review.thoughts, "SECRETTHOUGHTS of giving up", TRUE);
    for (guint i = 0; i < RJ_WEEKLY_N_QUESTIONS; i++)
      entry->weekly.answers[i] = i < 1 ? 3 : 2;
    g_assert_true (rj_store_save_entry (store, entry, &error));
    g_assert_no_error (error);
  }
  g_date_add_days (&date, 1);
  {
    g_autoptr(RjEntry) entry = rj_entry_new (&date);

    entry->use.used = RJ_ANSWER_YES;
    rj_note_set (&entry->review.vulnerable, "SECRETVULNERABLE", TRUE);
    rj_note_set (&entry->review.set_off, "SECRETSETOFF", TRUE);
    g_assert_true (rj_store_save_entry (store, entry, &error));
    g_assert_no_error (error);
  }

  last = session;
  g_date_add_days (&last, 6);

  for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
    {
      g_autoptr(RjSummary) summary = NULL;
      g_autofree char *info = NULL;
      g_autofree char *text = NULL;
      g_autofree char *flat = NULL;
      g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
      GDate first = session;

      g_date_add_days (&first, 1);
      summary = rj_summary_compute (store, profile, &first, &last);
      g_assert_nonnull (summary);
      g_assert_cmpuint (summary->homework->len, ==, 9);
      g_assert_cmpint (summary->weekly_latest.total, ==, 11);
      g_assert_cmpint (summary->weekly_previous.total, ==, 18);

      g_assert_true (rj_summary_page_write_pdf (path, sizes[z][0], sizes[z][1], summary,
                                                profile, generated, &error));
      g_assert_no_error (error);
      if (g_getenv ("RJ_SUMMARY_PAGE_KEEP") != NULL)
        {
          g_autofree char *name = g_strdup_printf ("summary-loop-%s.pdf",
                                                   z == 0 ? "a4" : "letter");
          g_autofree char *kept = g_build_filename (g_getenv ("RJ_SUMMARY_PAGE_KEEP"), name,
                                                    NULL);
          g_assert_true (rj_summary_page_write_pdf (kept, sizes[z][0], sizes[z][1], summary,
                                                    profile, generated, &error));
          g_assert_no_error (error);
        }

      info = run_tool ("pdfinfo", path);
      if (info != NULL)
        {
          g_autofree char *pages = find_line (info, "Pages:");
          g_assert_cmpstr (g_strstrip (pages + strlen ("Pages:")), ==, "1");
        }
      text = run_tool_full ("pdftotext", path, FALSE);
      if (text == NULL)
        continue;
      flat = g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);

      g_assert_nonnull (strstr (flat, "Homework from last session (Mon 3 Mar)"));
      g_assert_nonnull (strstr (flat, "5 of 10 done"));
      g_assert_nonnull (strstr (flat, "Done Task1 "));
      g_assert_nonnull (strstr (flat, "Not yet Task2 "));
      g_assert_nonnull (strstr (flat, "How it went: Noted it went fine"));
      g_assert_nonnull (strstr (flat, "1 private task not shown"));
      g_assert_null (strstr (flat, "SECRETTASK"));

      g_assert_nonnull (strstr (flat, "Weekly craving check: 11 on Wed 5 Mar"));
      g_assert_nonnull (strstr (flat, "The week before: 18 on Tue 25 Feb"));
      g_assert_nonnull (strstr (flat, "A self-check, not a diagnosis."));

      g_assert_nonnull (strstr (flat, "Stress: 8/10"));
      g_assert_nonnull (strstr (flat, "What made me vulnerable: Skipped meals all day"));
      g_assert_nonnull (strstr (flat, "What set it off: Argument at work"));
      g_assert_null (strstr (flat, "SECRET"));
      g_assert_null (strstr (flat, "Thoughts and feelings"));
    }

  g_clear_object (&store);
  rj_test_remove_tree (dir);
}

/* Drawn to an image, the page is white with a fair amount of black on it. */
static void
test_image (void)
{
  g_autoptr(HandBuiltSummary) summary = make_summary (SUMMARY_TYPICAL);
  g_autoptr(RjProfile) profile = make_profile ();
  g_autoptr(GDateTime) generated = g_date_time_new_local (2025, 3, 12, 9, 5, 0);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 595, 842);
  cairo_t *cr = cairo_create (surface);
  const unsigned char *data;
  int stride;
  guint dark = 0;
  guint white = 0;

  rj_summary_page_draw (cr, 595, 842, summary, profile, generated);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 842; y++)
    for (int x = 0; x < 595; x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + 4 * x);
        guint green = (pixel >> 8) & 0xff;

        if (green < 128)
          dark++;
        else if (green == 255)
          white++;
      }
  cairo_surface_destroy (surface);

  /* Text covers a few percent of a page; the corner margins stay white. */
  g_assert_cmpuint (dark, >, 595 * 842 / 100);
  g_assert_cmpuint (white, >, 595 * 842 / 2);
}

int
main (int argc, char **argv)
{
  static const PageCase cases[] = {
    { SUMMARY_SMALL, A4_WIDTH, A4_HEIGHT },
    { SUMMARY_SMALL, LETTER_WIDTH, LETTER_HEIGHT },
    { SUMMARY_TYPICAL, A4_WIDTH, A4_HEIGHT },
    { SUMMARY_TYPICAL, LETTER_WIDTH, LETTER_HEIGHT },
    { SUMMARY_OVERLOADED, A4_WIDTH, A4_HEIGHT },
    { SUMMARY_OVERLOADED, LETTER_WIDTH, LETTER_HEIGHT },
  };
  static const char *const kinds[] = { "small", "typical", "overloaded" };

  /* The page's words are checked in English. */
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/summary-page/pdf/%s/%s", kinds[cases[i].kind],
                                               cases[i].width == A4_WIDTH ? "a4" : "letter");
      g_test_add_data_func (name, &cases[i], test_pdf);
    }
  g_test_add_func ("/summary-page/image", test_image);
  g_test_add_func ("/summary-page/empty", test_empty);
  g_test_add_func ("/summary-page/demo", test_demo);
  g_test_add_func ("/summary-page/loop", test_loop);

  return g_test_run ();
}
