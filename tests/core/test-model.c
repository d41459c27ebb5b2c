/* test-model.c: entries and profiles survive their record form, and hostile records
 * are refused without harm.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-model"

#include "config.h"

#include <string.h>

#include "rj-model-test-util.h"

/* Helpers. */

/* A copy of the entry record @dict whose first craving has @key set to @value. */
static GVariant *
craving_replace (GVariant *dict,
                 const char *key,
                 GVariant *value)
{
  g_autoptr(GVariant) cravings = g_variant_lookup_value (dict, "cravings",
                                                         G_VARIANT_TYPE ("aa{sv}"));
  GVariantBuilder b;

  g_assert_nonnull (cravings);
  g_variant_builder_init (&b, G_VARIANT_TYPE ("aa{sv}"));
  for (gsize i = 0; i < g_variant_n_children (cravings); i++)
    {
      g_autoptr(GVariant) child = g_variant_get_child_value (cravings, i);

      if (i == 0)
        {
          g_autoptr(GVariant) changed = dict_replace (child, key, value);
          g_variant_builder_add_value (&b, changed);
        }
      else
        g_variant_builder_add_value (&b, child);
    }
  return dict_replace (dict, "cravings", g_variant_builder_end (&b));
}

/* A value of a different type from @value: what a hostile or buggy writer might put. */
static GVariant *
wrong_type_for (GVariant *value)
{
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_new_uint32 (5);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BYTE))
    return g_variant_new_uint32 (5);
  return g_variant_new_string ("5");
}

/* Tests. */

static void
test_entry_round_trip_full (void)
{
  GDate date;
  g_autoptr(RjEntry) entry = NULL;
  g_autoptr(RjEntry) back = NULL;
  RjCraving *craving;

  g_date_set_dmy (&date, 23, G_DATE_NOVEMBER, 2026);
  entry = rj_test_entry_full (&date, "round-trip");
  back = entry_round_trip (entry);
  g_assert_true (rj_entry_equal (entry, back));

  /* rj_entry_equal() is what the test relies on: check a few fields by hand too. */
  g_assert_cmpint (back->mood, ==, 10);
  g_assert_cmpint (back->distress, ==, 0);
  g_assert_cmpint (back->sleep_minutes, ==, 24 * 60);
  g_assert_cmpuint (back->cravings->len, ==, 3);
  craving = g_ptr_array_index (back->cravings, 0);
  g_assert_cmpint (craving->time_minutes, ==, 0);
  g_assert_cmpint (craving->intensity, ==, 0);
  g_assert_cmpuint (craving->skills->len, ==, 4);
  g_assert_cmpint (g_array_index (craving->skills, RjSkillUse, 1).helped, ==, RJ_HELPED_PARTLY);
  g_assert_cmpint (g_array_index (craving->skills, RjSkillUse, 3).helped, ==,
                   RJ_HELPED_NOT_LOGGED);
  craving = g_ptr_array_index (back->cravings, 1);
  g_assert_cmpint (craving->outcome, ==, RJ_OUTCOME_USED);
  g_assert_true (craving->trigger_words.is_private);
  craving = g_ptr_array_index (back->cravings, 2);
  g_assert_cmpint (craving->intensity, ==, RJ_NOT_LOGGED);
  g_assert_cmpint (craving->outcome, ==, RJ_OUTCOME_NOT_LOGGED);
  g_assert_true (back->use.what_happened.is_private);
  g_assert_false (back->use.amount.is_private);
  g_assert_true (((RjNote *) g_ptr_array_index (back->wins, 1))->is_private);
  g_assert_false (((RjNote *) g_ptr_array_index (back->topics, 0))->is_private);
  g_assert_true (back->notes.is_private);
  g_assert_nonnull (strstr (back->notes.text, "\n\nA second paragraph"));
  g_assert_cmpstr (craving->id, ==, ((RjCraving *) g_ptr_array_index (entry->cravings, 2))->id);
}

static void
test_entry_not_logged_vs_zero (void)
{
  GDate date;
  g_autoptr(RjEntry) zeros = NULL;
  g_autoptr(RjEntry) zeros_back = NULL;
  g_autoptr(RjEntry) sparse = NULL;
  g_autoptr(RjEntry) sparse_back = NULL;
  RjCraving *craving;

  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2027);
  zeros = rj_test_entry_zeros (&date);
  zeros_back = entry_round_trip (zeros);
  g_assert_true (rj_entry_equal (zeros, zeros_back));
  g_assert_cmpint (zeros_back->mood, ==, 0);
  g_assert_cmpint (zeros_back->distress, ==, 0);
  g_assert_cmpint (zeros_back->sleep_minutes, ==, 0);
  g_assert_cmpint (zeros_back->halt.answered, ==, RJ_HALT_ALL);
  g_assert_cmpint (zeros_back->halt.yes, ==, 0);
  g_assert_cmpint (zeros_back->meetings, ==, 0);
  g_assert_cmpint (zeros_back->support_calls, ==, 0);
  g_assert_cmpint (zeros_back->use.used, ==, RJ_ANSWER_NO);
  g_assert_cmpint (zeros_back->medication_taken, ==, RJ_ANSWER_NO);
  g_assert_cmpint (zeros_back->session_attended, ==, RJ_ANSWER_NO);
  craving = g_ptr_array_index (zeros_back->cravings, 0);
  g_assert_cmpint (craving->time_minutes, ==, 0);
  g_assert_cmpint (craving->intensity, ==, 0);
  g_assert_cmpint (craving->duration_minutes, ==, 0);
  g_assert_cmpint (craving->halt.answered, ==, RJ_HALT_ALL);

  /* Only "0 meetings" logged: everything else must come back as not logged. */
  sparse = rj_entry_new (&date);
  sparse->meetings = 0;
  g_assert_false (rj_entry_is_empty (sparse));
  sparse_back = entry_round_trip (sparse);
  g_assert_true (rj_entry_equal (sparse, sparse_back));
  g_assert_cmpint (sparse_back->meetings, ==, 0);
  g_assert_cmpint (sparse_back->mood, ==, RJ_NOT_LOGGED);
  g_assert_cmpint (sparse_back->distress, ==, RJ_NOT_LOGGED);
  g_assert_cmpint (sparse_back->sleep_minutes, ==, RJ_NOT_LOGGED);
  g_assert_cmpint (sparse_back->support_calls, ==, RJ_NOT_LOGGED);
  g_assert_cmpint (sparse_back->halt.answered, ==, 0);
  g_assert_cmpint (sparse_back->use.used, ==, RJ_ANSWER_NOT_LOGGED);
  g_assert_cmpint (sparse_back->medication_taken, ==, RJ_ANSWER_NOT_LOGGED);
  g_assert_cmpint (sparse_back->session_attended, ==, RJ_ANSWER_NOT_LOGGED);
  g_assert_cmpuint (sparse_back->cravings->len, ==, 0);

  g_assert_false (rj_entry_equal (zeros_back, sparse_back));
}

static void
test_entry_round_trip_demo (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  g_autoptr(RjProfile) profile = NULL;
  GDate date;

  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2024);
  profile = rj_demo_profile (rand, &date, 30);
  for (guint i = 0; i < 730; i++)
    {
      g_autoptr(RjEntry) entry = rj_demo_entry (rand, &date, profile);
      g_autoptr(RjEntry) back = entry_round_trip (entry);

      g_assert_true (rj_entry_equal (entry, back));
      g_date_add_days (&date, 1);
    }
}

static void
test_entry_longest_text (void)
{
  GDate date;
  g_autoptr(RjEntry) entry = NULL;
  g_autoptr(RjEntry) back = NULL;
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GVariant) too_long = NULL;
  char *text = g_malloc (RJ_MAX_TEXT_BYTES + 2);

  /* The longest note a client may write comes back whole ... */
  memset (text, 'a', RJ_MAX_TEXT_BYTES);
  text[RJ_MAX_TEXT_BYTES] = '\0';
  g_date_set_dmy (&date, 2, G_DATE_FEBRUARY, 2026);
  entry = rj_entry_new (&date);
  rj_note_set (&entry->notes, text, FALSE);
  back = entry_round_trip (entry);
  g_assert_true (rj_entry_equal (entry, back));
  g_assert_cmpuint (strlen (back->notes.text), ==, RJ_MAX_TEXT_BYTES);

  /* ... and one byte more is refused. */
  text[RJ_MAX_TEXT_BYTES] = 'a';
  text[RJ_MAX_TEXT_BYTES + 1] = '\0';
  variant = rj_entry_to_variant (entry);
  for (guint i = 0; i < 3; i++)
    {
      static const char *const keys[] = { "notes", "amount", "what-happened" };
      assert_entry_rejected (dict_replace (variant, keys[i], g_variant_new ("(sb)", text, FALSE)),
                             "a text one byte too long");
    }
  {
    const char *texts[] = { "fine", text };
    g_autoptr(GVariant) notes = g_variant_ref_sink (g_variant_new_parsed (
      "[(%s, false), (%s, true)]", texts[0], texts[1]));
    assert_entry_rejected (dict_replace (variant, "wins", notes), "a win one byte too long");
  }
  g_free (text);
}

static void
test_entry_wrong_types (void)
{
  GDate date;
  g_autoptr(RjEntry) entry = NULL;
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GVariant) craving = NULL;
  g_autoptr(GVariant) cravings = NULL;
  GVariantIter iter;
  const char *key;
  GVariant *value;
  guint n_keys = 0;

  g_date_set_dmy (&date, 5, G_DATE_MAY, 2025);
  entry = rj_test_entry_full (&date, "types");
  variant = rj_entry_to_variant (entry);

  /* Every key of a full record, given a value of another type. */
  g_variant_iter_init (&iter, variant);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      g_autofree char *what = g_strdup_printf ("“%s” of the wrong type", key);

      assert_entry_rejected (dict_replace (variant, key, wrong_type_for (value)), what);
      g_variant_unref (value);
      n_keys++;
    }
  /* date, mood, distress, sleep, halt, cravings, used, substance, amount, what-happened,
   * next-time, medication, meetings, support-calls, session, wins, topics, notes,
   * session-keep, practise, homework, review-stress, review-vulnerable, review-set-off,
   * review-thoughts, weekly */
  g_assert_cmpuint (n_keys, ==, 26);

  cravings = g_variant_lookup_value (variant, "cravings", G_VARIANT_TYPE ("aa{sv}"));
  g_assert_nonnull (cravings);
  craving = g_variant_get_child_value (cravings, 0);
  n_keys = 0;
  g_variant_iter_init (&iter, craving);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      g_autofree char *what = g_strdup_printf ("craving “%s” of the wrong type", key);

      assert_entry_rejected (craving_replace (variant, key, wrong_type_for (value)), what);
      g_variant_unref (value);
      n_keys++;
    }
  /* id, time, intensity, minutes, trigger, trigger-words, halt, skills, outcome */
  g_assert_cmpuint (n_keys, ==, 9);

  /* Types that are close but not the same. */
  assert_entry_rejected (dict_replace (variant, "mood", g_variant_new_uint16 (5)), "mood as q");
  assert_entry_rejected (dict_replace (variant, "mood", g_variant_new_int32 (5)), "mood as i");
  assert_entry_rejected (dict_replace (variant, "mood", g_variant_new_variant (
                           g_variant_new_byte (5))), "mood in a nested variant");
  assert_entry_rejected (dict_replace (variant, "notes", g_variant_new_string ("x")),
                         "notes without the private flag");
  assert_entry_rejected (dict_replace (variant, "wins", g_variant_new_strv (NULL, 0)),
                         "wins as strings");
  assert_entry_rejected (dict_replace (variant, "halt", g_variant_new ("(yq)", 1, 1)),
                         "halt as (yq)");
  assert_entry_rejected (dict_replace (variant, "cravings", g_variant_new_parsed (
                           "@aav [[<'x'>]]")), "cravings of another shape");

  /* Not a dictionary at all, or no date. */
  assert_entry_rejected (g_variant_new_strv (NULL, 0), "an array of strings at the root");
  assert_entry_rejected (g_variant_new_parsed ("@a{sv} {}"), "nothing in it");
  assert_entry_rejected (dict_replace (variant, "date", NULL), "no date");
}

static void
test_entry_out_of_range (void)
{
  static const char *const bad_dates[] = {
    "", "2026-13-01", "2026-00-10", "2026-02-30", "2025-02-29", "0000-01-01", "26-11-23",
    "2026-11-23T00:00", "2026/11/23", "20261123", "yesterday", "2026-1-5", "-001-01-01",
  };
  static const char *const bad_ids[] = {
    "", "has space", "../../etc/passwd", "semi;colon", "ümlaut",
    "0123456789012345678901234567890123456789012345678901234567890123456789",
  };
  GDate date;
  g_autoptr(RjEntry) entry = NULL;
  g_autoptr(GVariant) variant = NULL;

  g_date_set_dmy (&date, 6, G_DATE_JUNE, 2026);
  entry = rj_test_entry_full (&date, "range");
  variant = rj_entry_to_variant (entry);

  for (guint i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    assert_entry_rejected (dict_replace (variant, "date", g_variant_new_string (bad_dates[i])),
                           bad_dates[i]);

  assert_entry_rejected (dict_replace (variant, "mood", g_variant_new_byte (11)), "mood 11");
  assert_entry_rejected (dict_replace (variant, "mood", g_variant_new_byte (255)), "mood 255");
  assert_entry_rejected (dict_replace (variant, "distress", g_variant_new_byte (11)),
                         "distress 11");
  assert_entry_rejected (dict_replace (variant, "sleep", g_variant_new_uint16 (24 * 60 + 1)),
                         "25 hours of sleep");
  assert_entry_rejected (dict_replace (variant, "halt", g_variant_new ("(yy)", 0x10, 0)),
                         "a fifth HALT letter");
  assert_entry_rejected (dict_replace (variant, "halt", g_variant_new ("(yy)", RJ_HALT_HUNGRY,
                                                                       RJ_HALT_ANGRY)),
                         "a HALT yes that was never answered");
  for (guint answer = 0; answer < 6; answer += 3)
    {
      assert_entry_rejected (dict_replace (variant, "used", g_variant_new_byte (answer)),
                             "an impossible answer to “used”");
      assert_entry_rejected (dict_replace (variant, "medication", g_variant_new_byte (answer)),
                             "an impossible answer to “medication”");
      assert_entry_rejected (dict_replace (variant, "session", g_variant_new_byte (answer)),
                             "an impossible answer to “session”");
    }
  assert_entry_rejected (dict_replace (variant, "meetings", g_variant_new_uint32 (G_MAXUINT32)),
                         "four billion meetings");
  assert_entry_rejected (dict_replace (variant, "support-calls",
                                       g_variant_new_uint32 (G_MAXUINT32)),
                         "four billion calls");
  for (guint i = 0; i < G_N_ELEMENTS (bad_ids); i++)
    {
      assert_entry_rejected (dict_replace (variant, "substance", g_variant_new_string (bad_ids[i])),
                             "a substance id that is no id");
      assert_entry_rejected (craving_replace (variant, "id", g_variant_new_string (bad_ids[i])),
                             "a craving id that is no id");
      assert_entry_rejected (craving_replace (variant, "trigger", g_variant_new_string (bad_ids[i])),
                             "a trigger id that is no id");
      assert_entry_rejected (craving_replace (variant, "skills",
                                              g_variant_new_parsed ("[(%s, byte 1)]", bad_ids[i])),
                             "a skill id that is no id");
    }

  assert_entry_rejected (craving_replace (variant, "time", g_variant_new_uint16 (24 * 60)),
                         "a craving at 24:00");
  assert_entry_rejected (craving_replace (variant, "intensity", g_variant_new_byte (11)),
                         "intensity 11");
  assert_entry_rejected (craving_replace (variant, "minutes", g_variant_new_uint32 (G_MAXUINT32)),
                         "a craving lasting 8000 years");
  assert_entry_rejected (craving_replace (variant, "outcome", g_variant_new_byte (0)),
                         "outcome 0");
  assert_entry_rejected (craving_replace (variant, "outcome", g_variant_new_byte (3)),
                         "outcome 3");
  assert_entry_rejected (craving_replace (variant, "skills",
                                          g_variant_new_parsed ("[('breathing', byte 4)]")),
                         "a skill that helped in a fifth way");
  assert_entry_rejected (craving_replace (variant, "halt", g_variant_new ("(yy)", 0xff, 0xff)),
                         "a craving with every HALT bit");
  assert_entry_rejected (craving_replace (variant, "id", NULL), "a craving without id");
}

static gint64
test_slowdown (void)
{
  const char *slowdown = g_getenv ("RJ_TEST_SLOWDOWN");

  return slowdown != NULL ? CLAMP (g_ascii_strtoll (slowdown, NULL, 10), 1, 20) : 1;
}

static void
test_entry_huge_arrays (void)
{
  GDate date;
  g_autoptr(RjEntry) entry = NULL;
  g_autoptr(GVariant) variant = NULL;
  GVariantBuilder b;
  gint64 start = g_get_monotonic_time ();

  g_date_set_dmy (&date, 7, G_DATE_JULY, 2026);
  entry = rj_test_entry_full (&date, "huge");
  variant = rj_entry_to_variant (entry);

  g_variant_builder_init (&b, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; i < RJ_MAX_ITEMS + 1; i++)
    g_variant_builder_add_parsed (&b, "{'id': <'c1'>}");
  assert_entry_rejected (dict_replace (variant, "cravings", g_variant_builder_end (&b)),
                         "1001 cravings");

  g_variant_builder_init (&b, G_VARIANT_TYPE ("a(sb)"));
  for (guint i = 0; i < 100000; i++)
    g_variant_builder_add (&b, "(sb)", "win", FALSE);
  {
    g_autoptr(GVariant) wins = g_variant_ref_sink (g_variant_builder_end (&b));
    assert_entry_rejected (dict_replace (variant, "wins", wins), "100,000 wins");
    assert_entry_rejected (dict_replace (variant, "topics", wins), "100,000 topics");
  }

  g_variant_builder_init (&b, G_VARIANT_TYPE ("a(sy)"));
  for (guint i = 0; i < RJ_MAX_ITEMS + 1; i++)
    g_variant_builder_add (&b, "(sy)", "breathing", (guint8) RJ_HELPED_YES);
  assert_entry_rejected (craving_replace (variant, "skills", g_variant_builder_end (&b)),
                         "1001 skills in one craving");

  /* Refusing must be quick, not a slow crawl through everything. Sanitizers and
   * valgrind slow everything down by the factor they set in RJ_TEST_SLOWDOWN. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC * test_slowdown ());
}

static void
test_untrusted_bytes (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  g_autoptr(RjProfile) profile = NULL;
  g_autoptr(GRand) demo_rand = g_rand_new_with_seed (1);
  GDate date;
  guint n_accepted = 0, n_rejected = 0;

  g_date_set_dmy (&date, 3, G_DATE_MARCH, 2026);
  profile = rj_demo_profile (demo_rand, &date, 10);

  /* Random bytes, and real records with bits flipped or cut short: the reader says
   * "damaged" or reads something valid, and never crashes or warns. */
  for (guint i = 0; i < 6000; i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GVariant) variant = NULL;
      g_autoptr(GError) error = NULL;

      if (i < 1000)
        {
          gsize len = g_rand_int_range (rand, 0, 300);
          guint8 *data = g_malloc (len + 1);

          for (gsize j = 0; j < len; j++)
            data[j] = g_rand_int (rand) & 0xff;
          bytes = g_bytes_new_take (data, len);
        }
      else
        {
          g_autoptr(RjEntry) entry = rj_demo_entry (demo_rand, &date, profile);
          g_autoptr(GVariant) good = rj_entry_to_variant (entry);
          gsize len = g_variant_get_size (good);
          guint8 *data = g_malloc (len + 1);

          g_variant_store (good, data);
          if (len > 0 && i % 3 != 0)
            for (guint f = 0, n = g_rand_int_range (rand, 1, 4); f < n; f++)
              data[g_rand_int_range (rand, 0, len)] ^= 1 << g_rand_int_range (rand, 0, 8);
          else
            len = g_rand_int_range (rand, 0, len + 1);
          bytes = g_bytes_new_take (data, len);
        }

      variant = rj_variant_from_untrusted (bytes, &error);
      if (variant == NULL)
        {
          g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_DAMAGED);
          n_rejected++;
          continue;
        }
      g_assert_no_error (error);

      {
        g_autoptr(RjEntry) read = rj_entry_from_variant (variant, &error);
        g_autoptr(GError) profile_error = NULL;
        g_autoptr(RjProfile) read_profile = rj_profile_from_variant (variant, &profile_error);

        if (read == NULL)
          {
            g_assert_error (error, RJ_STORE_ERROR, RJ_STORE_ERROR_DAMAGED);
            n_rejected++;
          }
        else
          {
            g_assert_no_error (error);
            g_assert_true (g_date_valid (&read->date));
            g_assert_true (read->mood == RJ_NOT_LOGGED ||
                           (read->mood >= 0 && read->mood <= RJ_SCALE_MAX));
            n_accepted++;
          }
        g_assert_true ((read_profile == NULL) == (profile_error != NULL));
      }
    }
  g_test_message ("%u accepted, %u rejected", n_accepted, n_rejected);
  g_assert_cmpuint (n_rejected, >, 0);
}

static void
test_profile_round_trip (void)
{
  g_autoptr(RjProfile) full = rj_test_profile_full ("profile");
  g_autoptr(RjProfile) full_back = profile_round_trip (full);
  g_autoptr(RjProfile) defaults = rj_profile_new_default ();
  g_autoptr(RjProfile) defaults_back = profile_round_trip (defaults);
  g_autoptr(RjProfile) empty = rj_profile_new ();
  g_autoptr(RjProfile) empty_back = profile_round_trip (empty);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  GDate today;
  g_autoptr(RjProfile) demo = NULL;
  g_autoptr(RjProfile) demo_back = NULL;
  const RjListItem *item;
  const RjContact *contact;

  g_assert_true (rj_profile_equal (full, full_back));
  g_assert_true (rj_profile_equal (defaults, defaults_back));
  g_assert_true (rj_profile_equal (empty, empty_back));
  g_assert_false (g_date_valid (&empty_back->sober_start));

  g_assert_cmpuint (g_date_get_year (&full_back->sober_start), ==, 1987);
  item = rj_profile_find_item (full_back, RJ_LIST_SUBSTANCES, "nicotine");
  g_assert_nonnull (item);
  g_assert_true (item->hidden);
  g_assert_cmpstr (rj_profile_item_label (full_back, RJ_LIST_SKILLS, "call-support"), ==,
                   "Ça va — profile-renamed-skill ✓");
  contact = g_ptr_array_index (full_back->contacts, 0);
  g_assert_cmpstr (contact->phone, ==, "+1 555 0100 profile-contact-phone");
  g_assert_cmpstr (contact->note, ==, "Ça va — profile-contact-note ✓");
  g_assert_cmpuint (full_back->schedule->len, ==, 3);
  g_assert_cmpint (g_array_index (full_back->schedule, RjSessionSlot, 2).weekday, ==,
                   G_DATE_THURSDAY);
  g_assert_cmpint (g_array_index (full_back->schedule, RjSessionSlot, 2).start_minutes, ==, 0);

  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  demo = rj_demo_profile (rand, &today, 100);
  demo_back = profile_round_trip (demo);
  g_assert_true (rj_profile_equal (demo, demo_back));
}

static void
test_profile_hostile (void)
{
  g_autoptr(RjProfile) full = rj_test_profile_full ("hostile");
  g_autoptr(GVariant) variant = rj_profile_to_variant (full);
  GVariantIter iter;
  const char *key;
  GVariant *value;
  GVariantBuilder b;
  guint n_keys = 0;

  g_variant_iter_init (&iter, variant);
  while (g_variant_iter_next (&iter, "{&sv}", &key, &value))
    {
      g_autofree char *what = g_strdup_printf ("“%s” of the wrong type", key);

      assert_profile_rejected (dict_replace (variant, key, wrong_type_for (value)), what);
      g_variant_unref (value);
      n_keys++;
    }
  /* name, sober-start, triggers, skills, substances, contacts, schedule, plan */
  g_assert_cmpuint (n_keys, ==, 8);

  assert_profile_rejected (dict_replace (variant, "sober-start", g_variant_new_string ("1987-02-30")),
                           "a sober start that is no day");
  assert_profile_rejected (dict_replace (variant, "schedule", g_variant_new_parsed (
                             "[(byte 0, uint16 60)]")), "a session on weekday 0");
  assert_profile_rejected (dict_replace (variant, "schedule", g_variant_new_parsed (
                             "[(byte 8, uint16 60)]")), "a session on weekday 8");
  assert_profile_rejected (dict_replace (variant, "schedule", g_variant_new_parsed (
                             "[(byte 1, uint16 1440)]")), "a session at 24:00");
  assert_profile_rejected (dict_replace (variant, "triggers", g_variant_new_parsed (
                             "[('', 'x', false)]")), "an item without id");
  assert_profile_rejected (dict_replace (variant, "contacts", g_variant_new_parsed (
                             "[('a b', 'x', 'y', 'z')]")), "a contact id with a space");

  g_variant_builder_init (&b, G_VARIANT_TYPE ("a(ssss)"));
  for (guint i = 0; i < RJ_MAX_ITEMS + 1; i++)
    g_variant_builder_add (&b, "(ssss)", "c", "Sam", "555", "");
  assert_profile_rejected (dict_replace (variant, "contacts", g_variant_builder_end (&b)),
                           "1001 contacts");
  g_variant_builder_init (&b, G_VARIANT_TYPE ("a(ssb)"));
  for (guint i = 0; i < RJ_MAX_ITEMS + 1; i++)
    g_variant_builder_add (&b, "(ssb)", "t", "", FALSE);
  assert_profile_rejected (dict_replace (variant, "skills", g_variant_builder_end (&b)),
                           "1001 skills");
  g_variant_builder_init (&b, G_VARIANT_TYPE ("a(yq)"));
  for (guint i = 0; i < 7 * 24 + 1; i++)
    g_variant_builder_add (&b, "(yq)", (guint8) G_DATE_MONDAY, (guint16) 60);
  assert_profile_rejected (dict_replace (variant, "schedule", g_variant_builder_end (&b)),
                           "169 sessions a week");
  assert_profile_rejected (g_variant_new_strv (NULL, 0), "an array of strings at the root");
}

static void
test_date_iso (void)
{
  static const struct { guint d, m, y; const char *iso; } dates[] = {
    { 1, 1, 1, "0001-01-01" },
    { 5, 6, 1987, "1987-06-05" },
    { 29, 2, 2024, "2024-02-29" },
    { 31, 12, 9999, "9999-12-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      GDate date, back;
      g_autofree char *iso = NULL;

      g_date_set_dmy (&date, dates[i].d, dates[i].m, dates[i].y);
      iso = rj_date_to_iso (&date);
      g_assert_cmpstr (iso, ==, dates[i].iso);
      g_assert_true (rj_date_from_iso (iso, &back));
      g_assert_cmpint (g_date_compare (&date, &back), ==, 0);
    }
  {
    GDate date;
    g_assert_false (rj_date_from_iso ("2023-02-29", &date));
    g_assert_false (g_date_valid (&date));
    g_assert_false (rj_date_from_iso ("1987-06-05 ", &date));
    g_assert_false (rj_date_from_iso ("1987-6-5", &date));
  }
}

static void
test_recovery_code (void)
{
  for (guint i = 0; i < 200; i++)
    {
      guint8 code[RJ_RECOVERY_CODE_BYTES], back[RJ_RECOVERY_CODE_BYTES];
      g_autofree char *text = NULL;
      g_autofree char *lower = NULL;
      g_auto(GStrv) groups = NULL;
      GString *spaced;

      rj_recovery_code_generate (code);
      text = rj_recovery_code_format (code);
      groups = g_strsplit (text, "-", -1);
      g_assert_cmpuint (g_strv_length (groups), ==, RJ_RECOVERY_CODE_GROUPS);
      for (guint g = 0; groups[g] != NULL; g++)
        {
          g_assert_cmpuint (strlen (groups[g]), ==, 4);
          for (const char *p = groups[g]; *p != '\0'; p++)
            g_assert_null (strchr ("ILOU", *p));
        }
      g_assert_true (rj_recovery_code_parse (text, back));
      g_assert_cmpmem (code, sizeof code, back, sizeof back);

      /* Typed by hand: lower case, spaces instead of dashes, O for 0 and l for 1. */
      lower = g_ascii_strdown (text, -1);
      spaced = g_string_new (NULL);
      for (const char *p = lower; *p != '\0'; p++)
        g_string_append_c (spaced, *p == '-' ? ' ' : *p == '0' ? 'o' : *p == '1' ? 'l' : *p);
      memset (back, 0, sizeof back);
      g_assert_true (rj_recovery_code_parse (spaced->str, back));
      g_assert_cmpmem (code, sizeof code, back, sizeof back);

      /* A group left out or a letter too many is not a code. */
      g_string_truncate (spaced, spaced->len - 1);
      g_assert_false (rj_recovery_code_parse (spaced->str, back));
      g_string_append (spaced, "aa");
      g_assert_false (rj_recovery_code_parse (spaced->str, back));
      g_string_free (spaced, TRUE);
    }
  {
    guint8 back[RJ_RECOVERY_CODE_BYTES];
    g_assert_false (rj_recovery_code_parse ("", back));
    g_assert_false (rj_recovery_code_parse ("UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU", back));
    g_assert_false (rj_recovery_code_parse ("correct horse battery staple", back));
  }
}

static void
test_demo_deterministic (void)
{
  g_autoptr(GRand) a = g_rand_new_with_seed (99);
  g_autoptr(GRand) b = g_rand_new_with_seed (99);
  g_autoptr(GRand) c = g_rand_new_with_seed (100);
  g_autoptr(RjProfile) profile_a = NULL;
  g_autoptr(RjProfile) profile_b = NULL;
  g_autoptr(RjProfile) profile_c = NULL;
  GDate date;
  guint n_different = 0;

  g_date_set_dmy (&date, 23, G_DATE_NOVEMBER, 2026);
  profile_a = rj_demo_profile (a, &date, 400);
  profile_b = rj_demo_profile (b, &date, 400);
  profile_c = rj_demo_profile (c, &date, 400);
  g_assert_true (rj_profile_equal (profile_a, profile_b));
  g_assert_false (rj_profile_equal (profile_a, profile_c));

  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(RjEntry) ea = rj_demo_entry (a, &date, profile_a);
      g_autoptr(RjEntry) eb = rj_demo_entry (b, &date, profile_b);
      g_autoptr(RjEntry) ec = rj_demo_entry (c, &date, profile_a);

      g_assert_true (rj_entry_equal (ea, eb));
      if (!rj_entry_equal (ea, ec))
        n_different++;
      g_date_subtract_days (&date, 1);
    }
  g_assert_cmpuint (n_different, >, 90);
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      gboolean space = g_ascii_isspace (*p);
      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n;
}

static void
test_demo_realistic (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(RjProfile) profile = NULL;
  GDate today, date;
  guint n_days = 3650;
  guint with_cravings = 0, lapses = 0, long_notes = 0, mood_not_logged = 0, zero_meetings = 0;
  guint private_notes = 0, with_wins = 0, with_topics = 0, max_cravings = 0;
  guint session_answers = 0, early_cravings = 0, late_cravings = 0;
  int min_mood = RJ_SCALE_MAX, max_mood = 0;

  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);
  profile = rj_demo_profile (rand, &today, n_days);
  g_assert_cmpstr (profile->client_name, !=, NULL);
  g_assert_true (g_date_valid (&profile->sober_start));
  g_assert_cmpuint (profile->contacts->len, >=, 2);
  g_assert_cmpuint (profile->schedule->len, ==, 3);

  date = profile->sober_start;
  for (guint i = 0; i < n_days; i++, g_date_add_days (&date, 1))
    {
      g_autoptr(RjEntry) entry = rj_demo_entry (rand, &date, profile);
      GDateWeekday weekday = g_date_get_weekday (&date);
      gboolean session_day = weekday == G_DATE_MONDAY || weekday == G_DATE_WEDNESDAY ||
                             weekday == G_DATE_THURSDAY;

      g_assert_false (rj_entry_is_empty (entry));
      with_cravings += entry->cravings->len > 0;
      max_cravings = MAX (max_cravings, entry->cravings->len);
      if (i < 90)
        early_cravings += entry->cravings->len;
      else if (i >= n_days - 90)
        late_cravings += entry->cravings->len;
      lapses += entry->use.used == RJ_ANSWER_YES;
      long_notes += count_words (entry->notes.text) >= 100;
      private_notes += entry->notes.is_private;
      mood_not_logged += entry->mood == RJ_NOT_LOGGED;
      zero_meetings += entry->meetings == 0;
      with_wins += entry->wins->len > 0;
      with_topics += entry->topics->len > 0;
      if (entry->mood != RJ_NOT_LOGGED)
        {
          min_mood = MIN (min_mood, entry->mood);
          max_mood = MAX (max_mood, entry->mood);
        }
      /* The session log follows the schedule. */
      if (!session_day)
        g_assert_cmpint (entry->session_attended, ==, RJ_ANSWER_NOT_LOGGED);
      else
        {
          g_assert_cmpint (entry->session_attended, !=, RJ_ANSWER_NOT_LOGGED);
          session_answers++;
        }
      /* Everything the generator picks is on the client's lists. */
      for (guint c = 0; c < entry->cravings->len; c++)
        {
          const RjCraving *craving = g_ptr_array_index (entry->cravings, c);

          if (craving->trigger_id != NULL)
            g_assert_nonnull (rj_profile_find_item (profile, RJ_LIST_TRIGGERS,
                                                    craving->trigger_id));
          for (guint s = 0; s < craving->skills->len; s++)
            g_assert_nonnull (rj_profile_find_item (profile, RJ_LIST_SKILLS,
                                                    g_array_index (craving->skills, RjSkillUse,
                                                                   s).skill_id));
        }
      if (entry->use.used == RJ_ANSWER_YES)
        g_assert_nonnull (rj_profile_find_item (profile, RJ_LIST_SUBSTANCES,
                                                entry->use.substance_id));
    }

  g_test_message ("cravings on %u days, %u lapses, %u long notes, mood %d-%d",
                  with_cravings, lapses, long_notes, min_mood, max_mood);
  g_assert_cmpuint (with_cravings, >, n_days / 2);
  g_assert_cmpuint (max_cravings, ==, 4);
  g_assert_cmpuint (lapses, >, 5);
  g_assert_cmpuint (lapses, <, n_days / 20);
  g_assert_cmpuint (long_notes, >, n_days / 5);
  g_assert_cmpuint (private_notes, >, 0);
  g_assert_cmpuint (mood_not_logged, >, 0);
  g_assert_cmpuint (zero_meetings, >, 0);
  g_assert_cmpuint (with_wins, >, n_days / 4);
  g_assert_cmpuint (with_topics, >, n_days / 10);
  g_assert_cmpuint (session_answers, >, 0);
  g_assert_cmpint (max_mood - min_mood, >=, 6);
  /* Recovery gets easier: fewer cravings after years than in the first months. */
  g_assert_cmpuint (late_cravings, <, early_cravings);
}

int
main (int argc,
      char *argv[])
{
  rj_test_init (&argc, &argv);

  g_test_add_func ("/model/entry/round-trip-full", test_entry_round_trip_full);
  g_test_add_func ("/model/entry/not-logged-vs-zero", test_entry_not_logged_vs_zero);
  g_test_add_func ("/model/entry/round-trip-demo", test_entry_round_trip_demo);
  g_test_add_func ("/model/entry/longest-text", test_entry_longest_text);
  g_test_add_func ("/model/entry/wrong-types", test_entry_wrong_types);
  g_test_add_func ("/model/entry/out-of-range", test_entry_out_of_range);
  g_test_add_func ("/model/entry/huge-arrays", test_entry_huge_arrays);
  g_test_add_func ("/model/untrusted-bytes", test_untrusted_bytes);
  g_test_add_func ("/model/profile/round-trip", test_profile_round_trip);
  g_test_add_func ("/model/profile/hostile", test_profile_hostile);
  g_test_add_func ("/model/date-iso", test_date_iso);
  g_test_add_func ("/model/recovery-code", test_recovery_code);
  g_test_add_func ("/model/demo/deterministic", test_demo_deterministic);
  g_test_add_func ("/model/demo/realistic", test_demo_realistic);

  return g_test_run ();
}
