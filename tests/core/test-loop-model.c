/* test-loop-model.c: what comes back from a session (homework, skills to practise),
 * the lapse review and the weekly craving check survive their record form; hostile
 * values in them are refused.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-loop-model"

#include "config.h"

#include <string.h>

#include "rj-model-test-util.h"

static GVariant *
weekly_bytes (const guint8 *answers,
              gsize n)
{
  return g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, answers, n, 1);
}

static GVariant *
homework_of (guint n,
             const char *first_id,
             guint8 first_state)
{
  GVariantBuilder b;

  g_variant_builder_init (&b, G_VARIANT_TYPE ("a(s(sb)y(sb))"));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = i == 0 ? g_strdup (first_id) : g_strdup_printf ("task-%u", i);

      g_variant_builder_add (&b, "(s(sb)y(sb))", id, "Call my sponsor", FALSE,
                             i == 0 ? first_state : (guint8) RJ_HOMEWORK_OPEN, "", FALSE);
    }
  return g_variant_builder_end (&b);
}

/* Every new part of a full entry comes back as written, private flags and zeros
 * included. */
static void
test_round_trip (void)
{
  GDate date;
  g_autoptr(RjEntry) entry = NULL;
  g_autoptr(RjEntry) back = NULL;
  g_autoptr(RjEntry) copy = NULL;
  const RjHomework *homework;
  guint n_answered = 99;

  g_date_set_dmy (&date, 17, G_DATE_MARCH, 2026);
  entry = rj_test_entry_full (&date, "loop");
  back = entry_round_trip (entry);
  g_assert_true (rj_entry_equal (entry, back));

  g_assert_cmpstr (back->after_session.keep.text, ==, "Ça va — loop-session-keep ✓");
  g_assert_cmpuint (back->after_session.practise->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (back->after_session.practise, 0), ==, "urge-surfing");
  g_assert_cmpuint (back->after_session.homework->len, ==, 3);
  homework = rj_entry_find_homework (back, "homework-1");
  g_assert_nonnull (homework);
  g_assert_cmpint (homework->state, ==, RJ_HOMEWORK_DONE);
  g_assert_false (homework->task.is_private);
  g_assert_cmpstr (homework->how_it_went.text, ==, "Ça va — loop-homework-note ✓");
  homework = rj_entry_find_homework (back, "homework-2");
  g_assert_nonnull (homework);
  g_assert_cmpint (homework->state, ==, RJ_HOMEWORK_OPEN);
  g_assert_true (homework->task.is_private);
  g_assert_true (homework->how_it_went.is_private);
  homework = rj_entry_find_homework (back, "homework-3");
  g_assert_nonnull (homework);
  g_assert_true (rj_note_is_empty (&homework->task));
  g_assert_true (homework->task.is_private);
  g_assert_null (rj_entry_find_homework (back, "homework-4"));
  g_assert_cmpuint (rj_entry_count_open_homework (back), ==, 2);

  g_assert_cmpint (back->review.stress, ==, RJ_SCALE_MAX);
  g_assert_cmpstr (back->review.set_off.text, ==, "Ça va — loop-review-set-off ✓");
  g_assert_true (back->review.thoughts.is_private);
  g_assert_false (back->review.vulnerable.is_private);

  g_assert_cmpint (back->weekly.answers[RJ_WEEKLY_HOW_OFTEN], ==, 0);
  g_assert_cmpint (back->weekly.answers[RJ_WEEKLY_HOW_STRONG], ==, 6);
  g_assert_cmpint (back->weekly.answers[RJ_WEEKLY_HOW_HARD], ==, RJ_NOT_LOGGED);
  g_assert_cmpint (rj_weekly_check_total (&back->weekly, &n_answered), ==, 0 + 6 + 3 + 2);
  g_assert_cmpuint (n_answered, ==, 4);

  copy = rj_entry_copy (back);
  g_assert_true (rj_entry_equal (copy, entry));
}

/* Each change to a new field makes the entries differ, and each alone makes an entry
 * non-empty. */
static void
test_equal_and_empty (void)
{
  GDate date;
  g_autoptr(RjEntry) full = NULL;

  g_date_set_dmy (&date, 18, G_DATE_MARCH, 2026);
  full = rj_test_entry_full (&date, "eq");

  for (guint change = 0; change < 8; change++)
    {
      g_autoptr(RjEntry) other = rj_entry_copy (full);
      g_autoptr(RjEntry) alone = rj_entry_new (&date);
      RjHomework *homework = g_ptr_array_index (other->after_session.homework, 0);

      g_assert_true (rj_entry_is_empty (alone));
      switch (change)
        {
        case 0:
          homework->state = RJ_HOMEWORK_OPEN;
          rj_entry_add_homework (alone, "Read the leaflet", FALSE);
          break;
        case 1:
          rj_note_set (&homework->how_it_went, "Went fine", FALSE);
          rj_note_set (&alone->after_session.keep, "Slow down", FALSE);
          break;
        case 2:
          homework->task.is_private = !homework->task.is_private;
          rj_entry_add_practise (alone, "breathing");
          break;
        case 3:
          g_ptr_array_remove_index (other->after_session.practise, 1);
          alone->review.stress = 0;
          break;
        case 4:
          other->review.stress = 9;
          rj_note_set (&alone->review.set_off, "A text from an old friend", TRUE);
          break;
        case 5:
          rj_note_set (&other->review.vulnerable, "Skipped lunch", FALSE);
          rj_note_set (&alone->review.thoughts, "Tired", FALSE);
          break;
        case 6:
          other->weekly.answers[RJ_WEEKLY_HOW_HARD] = 0;
          alone->weekly.answers[RJ_WEEKLY_OVERALL] = 0;
          break;
        case 7:
          g_free (homework->id);
          homework->id = g_strdup ("another-id");
          rj_note_set (&alone->review.vulnerable, "Alone all weekend", FALSE);
          break;
        default:
          g_assert_not_reached ();
        }
      g_test_message ("change %u", change);
      g_assert_false (rj_entry_equal (full, other));
      g_assert_false (rj_entry_is_empty (alone));
      {
        g_autoptr(RjEntry) back = entry_round_trip (alone);
        g_assert_true (rj_entry_equal (alone, back));
      }
    }
}

/* A record written before these fields existed reads with all of them not logged. */
static void
test_old_record (void)
{
  GDate date;
  g_autoptr(RjEntry) full = NULL;
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RjEntry) old = NULL;
  static const char *const new_keys[] = {
    "session-keep", "practise", "homework", "review-stress", "review-vulnerable",
    "review-set-off", "review-thoughts", "weekly",
  };

  g_date_set_dmy (&date, 19, G_DATE_MARCH, 2026);
  full = rj_test_entry_full (&date, "old");
  variant = rj_entry_to_variant (full);
  for (guint i = 0; i < G_N_ELEMENTS (new_keys); i++)
    {
      GVariant *without = dict_replace (variant, new_keys[i], NULL);
      g_autoptr(GVariant) value = g_variant_lookup_value (variant, new_keys[i], NULL);

      g_assert_nonnull (value);
      g_variant_unref (variant);
      variant = without;
    }
  old = rj_entry_from_variant (variant, &error);
  g_assert_no_error (error);
  g_assert_nonnull (old);
  g_assert_cmpint (old->mood, ==, 10);
  g_assert_true (rj_note_is_empty (&old->after_session.keep));
  g_assert_cmpuint (old->after_session.practise->len, ==, 0);
  g_assert_cmpuint (old->after_session.homework->len, ==, 0);
  g_assert_true (rj_lapse_review_is_empty (&old->review));
  g_assert_cmpint (old->review.stress, ==, RJ_NOT_LOGGED);
  g_assert_true (rj_weekly_check_is_empty (&old->weekly));
  for (guint i = 0; i < RJ_WEEKLY_N_QUESTIONS; i++)
    g_assert_cmpint (old->weekly.answers[i], ==, RJ_NOT_LOGGED);
}

static void
test_hostile (void)
{
  static const guint8 seven[] = { 1, 2, 7, 3, 4 };
  static const guint8 over[] = { 1, 2, 254, 3, 4 };
  static const guint8 four[] = { 1, 2, 3, 4 };
  static const guint8 six[] = { 1, 2, 3, 4, 5, 6 };
  static const guint8 none[] = { 0xff, 0xff, 0xff, 0xff, 0xff };
  static const guint8 fine[] = { 0xff, 6, 0, 0xff, 6 };
  GDate date;
  g_autoptr(RjEntry) entry = NULL;
  g_autoptr(GVariant) variant = NULL;

  g_date_set_dmy (&date, 20, G_DATE_MARCH, 2026);
  entry = rj_test_entry_full (&date, "hostile");
  variant = rj_entry_to_variant (entry);

  assert_entry_rejected (dict_replace (variant, "weekly", weekly_bytes (seven, 5)),
                         "an answer of 7");
  assert_entry_rejected (dict_replace (variant, "weekly", weekly_bytes (over, 5)),
                         "an answer of 254");
  assert_entry_rejected (dict_replace (variant, "weekly", weekly_bytes (four, 4)), "four answers");
  assert_entry_rejected (dict_replace (variant, "weekly", weekly_bytes (six, 6)), "six answers");
  assert_entry_rejected (dict_replace (variant, "weekly", weekly_bytes (NULL, 0)), "no answers");
  assert_entry_rejected (dict_replace (variant, "weekly", weekly_bytes (none, 5)),
                         "a check with every answer missing");
  assert_entry_rejected (dict_replace (variant, "weekly", g_variant_new_parsed ("@aq [1,2,3,4,5]")),
                         "answers as aq");
  assert_entry_rejected (dict_replace (variant, "review-stress", g_variant_new_byte (11)),
                         "stress 11");
  assert_entry_rejected (dict_replace (variant, "review-stress", g_variant_new_uint32 (3)),
                         "stress as u");
  assert_entry_rejected (dict_replace (variant, "review-set-off", g_variant_new_string ("x")),
                         "a review note without its private flag");
  assert_entry_rejected (dict_replace (variant, "homework", homework_of (1, "task", 2)),
                         "a homework state of 2");
  assert_entry_rejected (dict_replace (variant, "homework", homework_of (1, "task", 255)),
                         "a homework state of 255");
  assert_entry_rejected (dict_replace (variant, "homework", homework_of (1, "../etc", 0)),
                         "a homework id with a path in it");
  assert_entry_rejected (dict_replace (variant, "homework", homework_of (1, "", 0)),
                         "an empty homework id");
  assert_entry_rejected (dict_replace (variant, "homework", homework_of (3, "task-2", 0)),
                         "two tasks with one id");
  assert_entry_rejected (dict_replace (variant, "homework", homework_of (RJ_MAX_HOMEWORK + 1,
                                                                         "task", 0)),
                         "too many tasks");
  assert_entry_rejected (dict_replace (variant, "homework", g_variant_new_parsed (
                           "@a(s(sb)y) [('t', ('x', false), 0)]")), "a task without its note");
  assert_entry_rejected (dict_replace (variant, "practise", g_variant_new_parsed ("@as ['a b']")),
                         "a skill id with a space");
  assert_entry_rejected (dict_replace (variant, "practise", g_variant_new_parsed ("@as ['']")),
                         "an empty skill id");
  {
    g_autoptr(GPtrArray) many = g_ptr_array_new ();

    for (guint i = 0; i <= RJ_MAX_ITEMS; i++)
      g_ptr_array_add (many, (gpointer) "breathing");
    assert_entry_rejected (dict_replace (variant, "practise",
                                         g_variant_new_strv ((const char *const *) many->pdata,
                                                             many->len)),
                           "too many skills to practise");
  }

  /* The limits themselves are fine. */
  {
    g_autoptr(GVariant) ok = dict_replace (variant, "weekly", weekly_bytes (fine, 5));
    g_autoptr(GVariant) ok2 = dict_replace (ok, "homework",
                                            homework_of (RJ_MAX_HOMEWORK, "task", 1));
    g_autoptr(GError) error = NULL;
    g_autoptr(RjEntry) read = rj_entry_from_variant (ok2, &error);
    guint n_answered;

    g_assert_no_error (error);
    g_assert_nonnull (read);
    g_assert_cmpint (rj_weekly_check_total (&read->weekly, &n_answered), ==, 12);
    g_assert_cmpuint (n_answered, ==, 3);
    g_assert_cmpuint (read->after_session.homework->len, ==, RJ_MAX_HOMEWORK);
    g_assert_cmpuint (rj_entry_count_open_homework (read), ==, RJ_MAX_HOMEWORK - 1);
  }
}

/* The weekly total against hand-counted answers. */
static void
test_weekly_total (void)
{
  RjWeeklyCheck check;
  guint n_answered = 99;

  for (guint i = 0; i < RJ_WEEKLY_N_QUESTIONS; i++)
    check.answers[i] = RJ_NOT_LOGGED;
  g_assert_true (rj_weekly_check_is_empty (&check));
  g_assert_cmpint (rj_weekly_check_total (&check, &n_answered), ==, 0);
  g_assert_cmpuint (n_answered, ==, 0);

  check.answers[RJ_WEEKLY_OVERALL] = 0;
  g_assert_false (rj_weekly_check_is_empty (&check));
  g_assert_cmpint (rj_weekly_check_total (&check, &n_answered), ==, 0);
  g_assert_cmpuint (n_answered, ==, 1);

  for (guint i = 0; i < RJ_WEEKLY_N_QUESTIONS; i++)
    check.answers[i] = RJ_WEEKLY_ANSWER_MAX;
  g_assert_cmpint (rj_weekly_check_total (&check, &n_answered), ==, 30);
  g_assert_cmpuint (n_answered, ==, 5);

  check.answers[RJ_WEEKLY_HOW_OFTEN] = 2;
  check.answers[RJ_WEEKLY_HOW_STRONG] = 5;
  check.answers[RJ_WEEKLY_HOW_LONG] = 1;
  check.answers[RJ_WEEKLY_HOW_HARD] = RJ_NOT_LOGGED;
  check.answers[RJ_WEEKLY_OVERALL] = 3;
  g_assert_cmpint (rj_weekly_check_total (&check, NULL), ==, 11);
  g_assert_cmpint (rj_weekly_check_total (&check, &n_answered), ==, 11);
  g_assert_cmpuint (n_answered, ==, 4);
}

/* The plan comes back whole; an old profile without one reads with an empty plan. */
static void
test_plan_round_trip (void)
{
  g_autoptr(RjProfile) full = rj_test_profile_full ("plan");
  g_autoptr(RjProfile) back = profile_round_trip (full);
  g_autoptr(RjProfile) copy = rj_profile_copy (back);
  g_autoptr(RjProfile) changed = rj_profile_copy (full);
  g_autoptr(RjProfile) defaults = rj_profile_new_default ();
  g_autoptr(RjProfile) defaults_back = profile_round_trip (defaults);
  g_autoptr(GVariant) variant = rj_profile_to_variant (defaults);
  const RjPlanItem *item;
  const RjContact *person;

  g_assert_true (rj_profile_equal (full, back));
  g_assert_true (rj_profile_equal (copy, full));
  g_assert_false (rj_plan_is_empty (&back->plan));
  g_assert_cmpstr (back->plan.reasons.text, ==, "Ça va — plan-plan-reasons ✓");
  g_assert_cmpuint (back->plan.triggers->len, ==, 2);
  item = g_ptr_array_index (back->plan.triggers, 0);
  g_assert_cmpstr (item->item_id, ==, "a-trigger_of-my-own-0123456789");
  g_assert_cmpstr (item->words.text, ==, "Ça va — plan-plan-trigger-words ✓");
  item = g_ptr_array_index (back->plan.triggers, 1);
  g_assert_true (rj_note_is_empty (&item->words));
  item = g_ptr_array_index (back->plan.strategies, 1);
  g_assert_cmpstr (item->item_id, ==, "call-support");
  g_assert_true (item->words.is_private);
  g_assert_cmpuint (back->plan.people->len, ==, 2);
  person = rj_profile_find_contact (back, g_ptr_array_index (back->plan.people, 1));
  g_assert_nonnull (person);
  g_assert_cmpstr (person->phone, ==, "plan-second-contact-phone");
  g_assert_cmpstr (back->plan.if_lapse.text, ==, "Ça va — plan-plan-if-lapse ✓");

  /* An empty plan is not written, and reads back empty. */
  g_assert_null (g_variant_lookup_value (variant, "plan", NULL));
  g_assert_true (rj_plan_is_empty (&defaults_back->plan));
  g_assert_true (rj_profile_equal (defaults, defaults_back));

  /* A change in any section is a change of the profile. */
  rj_plan_add_person (&changed->plan, "someone-else");
  g_assert_false (rj_profile_equal (full, changed));
  g_ptr_array_remove_index (changed->plan.people, changed->plan.people->len - 1);
  g_assert_true (rj_profile_equal (full, changed));
  ((RjPlanItem *) g_ptr_array_index (changed->plan.strategies, 0))->words.is_private = TRUE;
  g_assert_false (rj_profile_equal (full, changed));
}

static void
test_plan_hostile (void)
{
  g_autoptr(RjProfile) full = rj_test_profile_full ("plan-hostile");
  g_autoptr(GVariant) variant = rj_profile_to_variant (full);
  g_autoptr(GVariant) plan = g_variant_lookup_value (variant, "plan", G_VARIANT_TYPE_VARDICT);
  GVariantIter iter;
  const char *key;
  GVariant *value;
  guint n_keys = 0;
  GVariantBuilder b;

  g_assert_nonnull (plan);
  g_variant_iter_init (&iter, plan);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      g_autoptr(GVariant) bad = dict_replace (plan, key, g_variant_is_of_type (
                                                value, G_VARIANT_TYPE_STRING_ARRAY)
                                              ? g_variant_new_string ("x")
                                              : g_variant_new_strv (NULL, 0));
      g_autofree char *what = g_strdup_printf ("plan “%s” of the wrong type", key);

      assert_profile_rejected (dict_replace (variant, "plan", bad), what);
      g_variant_unref (value);
      n_keys++;
    }
  /* reasons, triggers, warning-signs, strategies, people, if-lapse */
  g_assert_cmpuint (n_keys, ==, 6);

  assert_profile_rejected (dict_replace (variant, "plan", g_variant_new_string ("plan")),
                           "a plan that is a string");
  {
    g_autoptr(GVariant) bad = dict_replace (plan, "people", g_variant_new_parsed ("['../x']"));
    assert_profile_rejected (dict_replace (variant, "plan", bad), "a person id with a path");
  }
  {
    g_autoptr(GVariant) bad = dict_replace (plan, "triggers", g_variant_new_parsed (
                                              "[('', ('words', false))]"));
    assert_profile_rejected (dict_replace (variant, "plan", bad), "a trigger without id");
  }
  g_variant_builder_init (&b, G_VARIANT_TYPE ("a(s(sb))"));
  for (guint i = 0; i <= RJ_MAX_PLAN_ITEMS; i++)
    g_variant_builder_add (&b, "(s(sb))", "breathing", "Slow breaths", FALSE);
  {
    g_autoptr(GVariant) bad = dict_replace (plan, "strategies", g_variant_builder_end (&b));
    assert_profile_rejected (dict_replace (variant, "plan", bad), "101 strategies");
  }
  g_variant_builder_init (&b, G_VARIANT_TYPE ("as"));
  for (guint i = 0; i <= RJ_MAX_PLAN_ITEMS; i++)
    g_variant_builder_add (&b, "s", "sam");
  {
    g_autoptr(GVariant) bad = dict_replace (plan, "people", g_variant_builder_end (&b));
    assert_profile_rejected (dict_replace (variant, "plan", bad), "101 people");
  }
}

/* Suggestions count only "it helped", only skills on the client's list that are not
 * hidden, most often first, ties in the list's order. */
static void
test_suggest_strategies (void)
{
  g_autoptr(RjProfile) profile = rj_profile_new_default ();
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) rj_entry_unref);
  g_autoptr(GArray) none = NULL;
  g_autoptr(GArray) suggested = NULL;
  g_autoptr(GArray) top = NULL;
  const RjSkillSuggestion *s;
  GDate date;
  /* skill, helped, times: breathing helped 3, urge-surfing 2 (and "partly" twice,
   * which does not count), call-support 2 but hidden, write-it-out never. */
  static const struct { const char *skill; RjHelped helped; guint times; } uses[] = {
    { "urge-surfing", RJ_HELPED_YES, 2 }, { "urge-surfing", RJ_HELPED_PARTLY, 2 },
    { "breathing", RJ_HELPED_YES, 3 }, { "write-it-out", RJ_HELPED_NO, 4 },
    { "write-it-out", RJ_HELPED_NOT_LOGGED, 1 }, { "call-support", RJ_HELPED_YES, 2 },
    { "no-longer-on-the-list", RJ_HELPED_YES, 5 },
  };

  g_assert_nonnull (rj_profile_find_item (profile, RJ_LIST_SKILLS, "urge-surfing"));
  g_assert_nonnull (rj_profile_find_item (profile, RJ_LIST_SKILLS, "breathing"));
  g_assert_nonnull (rj_profile_find_item (profile, RJ_LIST_SKILLS, "write-it-out"));
  rj_profile_find_item (profile, RJ_LIST_SKILLS, "call-support")->hidden = TRUE;

  none = rj_plan_suggest_strategies (profile, entries, 10);
  g_assert_cmpuint (none->len, ==, 0);

  g_date_set_dmy (&date, 1, G_DATE_APRIL, 2026);
  for (guint i = 0; i < G_N_ELEMENTS (uses); i++)
    for (guint t = 0; t < uses[i].times; t++)
      {
        RjEntry *entry = rj_entry_new (&date);
        RjCraving *craving = rj_entry_add_craving (entry);

        rj_craving_add_skill (craving, uses[i].skill, uses[i].helped);
        g_ptr_array_add (entries, entry);
        g_date_add_days (&date, 1);
      }

  suggested = rj_plan_suggest_strategies (profile, entries, 10);
  g_assert_cmpuint (suggested->len, ==, 2);
  s = &g_array_index (suggested, RjSkillSuggestion, 0);
  g_assert_cmpstr (s->skill_id, ==, "breathing");
  g_assert_cmpuint (s->n_helped, ==, 3);
  s = &g_array_index (suggested, RjSkillSuggestion, 1);
  g_assert_cmpstr (s->skill_id, ==, "urge-surfing");
  g_assert_cmpuint (s->n_helped, ==, 2);

  top = rj_plan_suggest_strategies (profile, entries, 1);
  g_assert_cmpuint (top->len, ==, 1);
  g_assert_cmpstr (g_array_index (top, RjSkillSuggestion, 0).skill_id, ==, "breathing");
}

/* The demo journal holds what a counsellor would look for: homework on the session
 * days, lapse reviews, a weekly check most weeks, a plan whose people are the
 * contacts, and strategy suggestions from its own skill outcomes. */
static void
test_demo (void)
{
  g_autofree char *dir = rj_test_make_tmp_dir ("loop-model-XXXXXX");
  g_autofree char *journal = g_build_filename (dir, "journal.rj", NULL);
  g_autoptr(RjStore) store = rj_test_create_store (journal, RJ_TEST_PASSPHRASE, NULL);
  g_autoptr(RjProfile) profile = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GArray) suggested = NULL;
  g_autoptr(GError) error = NULL;
  guint n_sessions = 0, n_with_homework = 0, n_tasks = 0, n_done = 0;
  guint n_lapses = 0, n_reviews = 0, n_weekly = 0, n_sundays = 0;
  GDate last, first;

  g_date_set_dmy (&last, 11, G_DATE_MARCH, 2025);
  g_assert_true (rj_demo_fill (store, &last, 90, 4, &error));
  g_assert_no_error (error);
  profile = rj_store_dup_profile (store);
  first = last;
  g_date_subtract_days (&first, 89);
  entries = rj_store_dup_entries (store, &first, &last);

  for (guint i = 0; i < entries->len; i++)
    {
      const RjEntry *entry = g_ptr_array_index (entries, i);

      if (entry->session_attended == RJ_ANSWER_YES)
        {
          n_sessions++;
          if (entry->after_session.homework->len > 0)
            n_with_homework++;
        }
      else
        g_assert_cmpuint (entry->after_session.homework->len, ==, 0);
      n_tasks += entry->after_session.homework->len;
      n_done += entry->after_session.homework->len - rj_entry_count_open_homework (entry);
      if (entry->use.used == RJ_ANSWER_YES)
        {
          n_lapses++;
          if (!rj_lapse_review_is_empty (&entry->review))
            n_reviews++;
        }
      else
        g_assert_true (rj_lapse_review_is_empty (&entry->review));
      if (g_date_get_weekday (&entry->date) == G_DATE_SUNDAY)
        n_sundays++;
      if (!rj_weekly_check_is_empty (&entry->weekly))
        {
          g_assert_cmpint (g_date_get_weekday (&entry->date), ==, G_DATE_SUNDAY);
          n_weekly++;
        }
    }
  g_test_message ("%u sessions, %u tasks (%u done), %u lapses (%u reviewed), %u weekly checks",
                  n_sessions, n_tasks, n_done, n_lapses, n_reviews, n_weekly);
  g_assert_cmpuint (n_sessions, >, 20);
  g_assert_cmpuint (n_with_homework, ==, n_sessions);
  g_assert_cmpuint (n_done, >, n_tasks / 4);
  g_assert_cmpuint (n_done, <, n_tasks);
  g_assert_cmpuint (n_reviews, >, 0);
  g_assert_cmpuint (n_weekly, >=, n_sundays / 2);
  g_assert_cmpuint (n_weekly, >, 5);

  g_assert_false (rj_plan_is_empty (&profile->plan));
  g_assert_cmpuint (profile->plan.people->len, ==, profile->contacts->len);
  for (guint i = 0; i < profile->plan.people->len; i++)
    g_assert_nonnull (rj_profile_find_contact (profile, g_ptr_array_index (profile->plan.people, i)));
  g_assert_nonnull (strstr (profile->plan.if_lapse.text, "A lapse is not a failure"));

  suggested = rj_plan_suggest_strategies (profile, entries, 5);
  g_assert_cmpuint (suggested->len, ==, 5);
  for (guint i = 1; i < suggested->len; i++)
    g_assert_cmpuint (g_array_index (suggested, RjSkillSuggestion, i - 1).n_helped, >=,
                      g_array_index (suggested, RjSkillSuggestion, i).n_helped);

  g_clear_object (&store);
  rj_test_remove_tree (dir);
}

int
main (int argc,
      char *argv[])
{
  rj_test_init (&argc, &argv);

  g_test_add_func ("/loop-model/entry/round-trip", test_round_trip);
  g_test_add_func ("/loop-model/entry/equal-and-empty", test_equal_and_empty);
  g_test_add_func ("/loop-model/entry/old-record", test_old_record);
  g_test_add_func ("/loop-model/entry/hostile", test_hostile);
  g_test_add_func ("/loop-model/weekly-total", test_weekly_total);
  g_test_add_func ("/loop-model/plan/round-trip", test_plan_round_trip);
  g_test_add_func ("/loop-model/plan/hostile", test_plan_hostile);
  g_test_add_func ("/loop-model/plan/suggest-strategies", test_suggest_strategies);
  g_test_add_func ("/loop-model/demo", test_demo);
  return g_test_run ();
}
