/* test-plan-page.c: the printed relapse-prevention plan is one page, whatever it holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <gio/gio.h>

#include "rj-demo.h"
#include "rj-plan-page.h"
#include "rj-test-util.h"

#define A4_WIDTH 595.0
#define A4_HEIGHT 842.0
#define LETTER_WIDTH 612.0
#define LETTER_HEIGHT 792.0
#define CANARY "PRIVATE-CANARY-5150"
#define TAIL "TAIL-OF-A-VERY-LONG-TEXT"

typedef struct {
  double width;
  double height;
} PaperCase;

static const char *const headings[] = {
  "My reasons for recovery",
  "My triggers",
  "Early warning signs",
  "Coping strategies that work for me",
  "People I can call",
  "What I will do if I lapse",
};

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

/* Writes the plan of @profile to @path, checks it is one private page of the size
 * asked for, and returns its text (NULL when pdftotext is missing). */
static char *
write_and_read (const RjProfile *profile,
                const char      *path,
                double           width,
                double           height,
                const char      *keep_name)
{
  g_autoptr(GDateTime) generated = g_date_time_new_local (2026, 11, 23, 18, 30, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *size = NULL;
  struct stat st;

  g_assert_true (rj_plan_page_write_pdf (path, width, height, profile, generated, &error));
  g_assert_no_error (error);
  g_assert_cmpint (stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* To look at the pages: RJ_PLAN_PAGE_KEEP=<folder> keeps a copy of each. */
  if (g_getenv ("RJ_PLAN_PAGE_KEEP") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("plan-%s-%s.pdf", keep_name,
                                               width == A4_WIDTH ? "a4" : "letter");
      g_autofree char *kept = g_build_filename (g_getenv ("RJ_PLAN_PAGE_KEEP"), name, NULL);

      g_assert_true (rj_plan_page_write_pdf (kept, width, height, profile, generated, &error));
      g_assert_no_error (error);
    }

  {
    const char *argv[] = { "pdfinfo", path, NULL };

    info = tool_output (argv);
  }
  if (info != NULL)
    {
      size = g_strdup_printf ("%g x %g pts", width, height);
      g_assert_true (g_regex_match_simple ("^Pages: +1$", info, G_REGEX_MULTILINE, 0));
      g_assert_nonnull (strstr (info, size));
    }

  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
    g_autofree char *text = tool_output (argv);

    /* Lines wrap where the text size puts them: compare words, not lines. */
    if (text == NULL)
      return NULL;
    {
      g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);

      return g_regex_replace_literal (space, text, -1, 0, " ", 0, NULL);
    }
  }
}

static void
assert_headings_in_order (const char *text)
{
  const char *at = text;

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      const char *found = strstr (at, headings[i]);

      if (found == NULL)
        g_error ("“%s” is not on the page, or not in its place:\n%s", headings[i], text);
      at = found + strlen (headings[i]);
    }
}

/* A long text: @word again and again, then TAIL, which must never be printed. */
static char *
long_text (const char *word)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (text, "%s %u ", word, i);
  g_string_append (text, TAIL);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Every section filled to the brim: long texts, 60 triggers and strategies of the
 * client's own, 30 people, a long name; one private item of each kind. */
static RjProfile *
brim_profile (void)
{
  g_autoptr(RjProfile) profile = rj_profile_new_default ();
  RjPlan *plan = &profile->plan;
  g_autofree char *reasons = long_text ("Reasonword");
  g_autofree char *signs = long_text ("Signword");
  g_autofree char *lapse = long_text ("Lapseword");
  g_autofree char *name = long_text ("Name");

  profile->client_name = g_strdup (name);
  rj_note_set (&plan->reasons, reasons, FALSE);
  rj_note_set (&plan->warning_signs, signs, FALSE);
  rj_note_set (&plan->if_lapse, lapse, FALSE);
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *t = g_strdup_printf ("Triggerlabel%02u", i);
      g_autofree char *s = g_strdup_printf ("Skilllabel%02u", i);
      g_autofree char *words = long_text ("Ownword");
      const char *trigger = rj_profile_add_item (profile, RJ_LIST_TRIGGERS, t)->id;
      const char *skill = rj_profile_add_item (profile, RJ_LIST_SKILLS, s)->id;

      rj_plan_add_trigger (plan, trigger, i == 1 ? CANARY : words, i == 1);
      rj_plan_add_strategy (plan, skill, i == 1 ? CANARY : words, i == 1);
    }
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *person = g_strdup_printf ("Person%02u", i);
      g_autofree char *phone = g_strdup_printf ("555-01%02u", i);
      RjContact *contact = rj_profile_add_contact (profile, person, phone);

      contact->note = long_text ("Noteword");
      rj_plan_add_person (plan, contact->id);
    }
  return g_steal_pointer (&profile);
}

static void
test_brim (gconstpointer data)
{
  const PaperCase *paper = data;
  g_autofree char *dir = rj_test_make_tmp_dir ("rj-test-plan-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "plan.pdf", NULL);
  g_autoptr(RjProfile) profile = brim_profile ();
  g_autofree char *text = write_and_read (profile, path, paper->width, paper->height, "brim");
  g_autofree char *raw = NULL;
  gsize len;

  if (text != NULL)
    {
      assert_headings_in_order (text);
      /* Each section shows something of its own, cut short rather than left out. */
      g_assert_nonnull (strstr (text, "Reasonword 0"));
      g_assert_nonnull (strstr (text, "Triggerlabel00"));
      g_assert_nonnull (strstr (text, "Signword 0"));
      g_assert_nonnull (strstr (text, "Skilllabel00"));
      g_assert_nonnull (strstr (text, "Person00"));
      g_assert_nonnull (strstr (text, "555-0100"));
      g_assert_nonnull (strstr (text, "Lapseword 0"));
      g_assert_nonnull (strstr (text, "A lapse is not a failure"));
      /* A private item's label is on the page, its words are not. */
      g_assert_nonnull (strstr (text, "Triggerlabel01"));
      g_assert_nonnull (strstr (text, "more in the journal"));
      g_assert_null (strstr (text, CANARY));
      g_assert_null (strstr (text, TAIL));
      /* The crisis lines are at the foot of every plan. */
      g_assert_nonnull (strstr (text, "988"));
    }

  /* Cut texts are cut in the file, not only on the page; private words are nowhere. */
  g_assert_true (g_file_get_contents (path, &raw, &len, NULL));
  g_assert_false (rj_test_contains ((const guint8 *) raw, len, (const guint8 *) CANARY,
                                    strlen (CANARY)));
  g_assert_false (rj_test_contains ((const guint8 *) raw, len, (const guint8 *) TAIL,
                                    strlen (TAIL)));

  rj_test_remove_tree (dir);
}

/* The demo's plan, as a counsellor would write it, prints whole. */
static void
test_demo (gconstpointer data)
{
  const PaperCase *paper = data;
  g_autofree char *dir = rj_test_make_tmp_dir ("rj-test-plan-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "plan.pdf", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  g_autoptr(RjProfile) profile = NULL;
  g_autofree char *text = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  profile = rj_demo_profile (rand, &today, 40);
  g_assert_false (rj_plan_is_empty (&profile->plan));

  text = write_and_read (profile, path, paper->width, paper->height, "demo");
  if (text == NULL)
    return;

  assert_headings_in_order (text);
  g_assert_nonnull (strstr (text, "To wake up without dread."));
  g_assert_nonnull (strstr (text, "The bar on the way home from work"));
  g_assert_nonnull (strstr (text, "not answering Sam's calls."));
  g_assert_nonnull (strstr (text, "Urge surfing"));
  g_assert_nonnull (strstr (text, "headphones on"));
  g_assert_nonnull (strstr (text, "555-0142"));
  g_assert_nonnull (strstr (text, "555-0187"));
  g_assert_nonnull (strstr (text, "Clinic line, weekdays 9-5"));
  g_assert_nonnull (strstr (text, "write down what happened"));
  g_assert_null (strstr (text, "more in the journal"));
  g_assert_null (strstr (text, "…"));
  /* The client's words already begin with it: said once, not twice. */
  {
    const char *first = strstr (text, "A lapse is not a failure");

    g_assert_nonnull (first);
    g_assert_null (strstr (first + 1, "A lapse is not a failure"));
  }

  rj_test_remove_tree (dir);
}

/* An empty plan is a calm form to fill in, on one page. */
static void
test_empty (void)
{
  g_autofree char *dir = rj_test_make_tmp_dir ("rj-test-plan-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "plan.pdf", NULL);
  g_autoptr(RjProfile) profile = rj_profile_new_default ();
  g_autofree char *text = write_and_read (profile, path, A4_WIDTH, A4_HEIGHT, "empty");

  if (text == NULL)
    return;
  assert_headings_in_order (text);
  g_assert_nonnull (strstr (text, "Not filled in yet."));
  g_assert_nonnull (strstr (text, "A lapse is not a failure"));
}

static void
add_helped (GPtrArray  *entries,
            guint       day,
            const char *skill_id,
            RjHelped    helped)
{
  GDate date;
  RjEntry *entry;
  RjCraving *craving;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_NOVEMBER, 2026);
  g_date_add_days (&date, day);
  entry = rj_entry_new (&date);
  craving = rj_entry_add_craving (entry);
  craving->intensity = 6;
  rj_craving_add_skill (craving, skill_id, helped);
  g_ptr_array_add (entries, entry);
}

/* The strategies offered come from the journal's own outcomes: the skill that helped
 * most often first, whatever the list's order; a skill that never helped, or one the
 * client hid, is not offered. The plan made from them prints in that order. */
static void
test_suggestions (void)
{
  g_autofree char *dir = rj_test_make_tmp_dir ("rj-test-plan-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "plan.pdf", NULL);
  g_autoptr(RjProfile) profile = rj_profile_new ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) rj_entry_unref);
  g_autoptr(GArray) suggested = NULL;
  g_autofree char *text = NULL;
  RjListItem *hidden;
  const char *a, *b, *c, *d;
  const char *at_a, *at_b;
  guint day = 0;

  a = rj_profile_add_item (profile, RJ_LIST_SKILLS, "Skillalpha walk")->id;
  b = rj_profile_add_item (profile, RJ_LIST_SKILLS, "Skillbeta call")->id;
  c = rj_profile_add_item (profile, RJ_LIST_SKILLS, "Skillgamma distract")->id;
  hidden = rj_profile_add_item (profile, RJ_LIST_SKILLS, "Skilldelta hidden");
  hidden->hidden = TRUE;
  d = hidden->id;

  for (guint i = 0; i < 2; i++)
    add_helped (entries, day++, a, RJ_HELPED_YES);
  for (guint i = 0; i < 3; i++)
    add_helped (entries, day++, a, RJ_HELPED_NO);
  for (guint i = 0; i < 5; i++)
    add_helped (entries, day++, b, RJ_HELPED_YES);
  for (guint i = 0; i < 7; i++)
    add_helped (entries, day++, c, RJ_HELPED_NO);
  for (guint i = 0; i < 9; i++)
    add_helped (entries, day++, d, RJ_HELPED_YES);

  suggested = rj_plan_suggest_strategies (profile, entries, 10);
  g_assert_cmpuint (suggested->len, ==, 2);
  g_assert_cmpstr (g_array_index (suggested, RjSkillSuggestion, 0).skill_id, ==, b);
  g_assert_cmpuint (g_array_index (suggested, RjSkillSuggestion, 0).n_helped, ==, 5);
  g_assert_cmpstr (g_array_index (suggested, RjSkillSuggestion, 1).skill_id, ==, a);
  g_assert_cmpuint (g_array_index (suggested, RjSkillSuggestion, 1).n_helped, ==, 2);

  for (guint i = 0; i < suggested->len; i++)
    rj_plan_add_strategy (&profile->plan,
                          g_array_index (suggested, RjSkillSuggestion, i).skill_id, NULL, FALSE);
  text = write_and_read (profile, path, LETTER_WIDTH, LETTER_HEIGHT, "suggested");
  if (text != NULL)
    {
      at_a = strstr (text, "Skillalpha walk");
      at_b = strstr (text, "Skillbeta call");
      g_assert_nonnull (at_a);
      g_assert_nonnull (at_b);
      g_assert_true (at_b < at_a);
      g_assert_null (strstr (text, "Skillgamma"));
      g_assert_null (strstr (text, "Skilldelta"));
    }

  rj_test_remove_tree (dir);
}

/* A file that cannot be written says where and why. */
static void
test_unwritable (void)
{
  g_autoptr(RjProfile) profile = rj_profile_new_default ();
  g_autoptr(GDateTime) generated = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  g_assert_false (rj_plan_page_write_pdf ("/nonexistent-folder/plan.pdf", A4_WIDTH, A4_HEIGHT,
                                          profile, generated, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent-folder/plan.pdf"));
}

int
main (int argc,
      char *argv[])
{
  static const PaperCase a4 = { A4_WIDTH, A4_HEIGHT };
  static const PaperCase letter = { LETTER_WIDTH, LETTER_HEIGHT };

  rj_test_init (&argc, &argv);

  g_test_add_data_func ("/plan-page/brim/a4", &a4, test_brim);
  g_test_add_data_func ("/plan-page/brim/letter", &letter, test_brim);
  g_test_add_data_func ("/plan-page/demo/a4", &a4, test_demo);
  g_test_add_data_func ("/plan-page/demo/letter", &letter, test_demo);
  g_test_add_func ("/plan-page/empty", test_empty);
  g_test_add_func ("/plan-page/suggestions", test_suggestions);
  g_test_add_func ("/plan-page/unwritable", test_unwritable);

  return g_test_run ();
}
