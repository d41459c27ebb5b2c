/* test-reminder-time.c: when the daily reminder is due, across midnight, the end of a
 * year and both changes of the clocks, and whether a late wake-up sends it.
 *
 * The time zones are named, not the machine's: America/New_York moved its clocks
 * forward on 2026-03-08 at 02:00 and back on 2026-11-01 at 02:00.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "rj-reminder-time.h"

static GTimeZone *new_york;

static GDateTime *
at (int year,
    int month,
    int day,
    int hour,
    int minute)
{
  GDateTime *time = g_date_time_new (new_york, year, month, day, hour, minute, 0);

  g_assert_nonnull (time);
  return time;
}

static void
assert_due (GDateTime  *due,
            int         year,
            int         month,
            int         day,
            int         hour,
            int         minute)
{
  g_assert_nonnull (due);
  g_assert_cmpint (g_date_time_get_year (due), ==, year);
  g_assert_cmpint (g_date_time_get_month (due), ==, month);
  g_assert_cmpint (g_date_time_get_day_of_month (due), ==, day);
  g_assert_cmpint (g_date_time_get_hour (due), ==, hour);
  g_assert_cmpint (g_date_time_get_minute (due), ==, minute);
  g_assert_cmpint (g_date_time_get_second (due), ==, 0);
}

static void
test_later_today (void)
{
  g_autoptr(GDateTime) now = at (2026, 6, 15, 9, 30);
  g_autoptr(GDateTime) due = rj_reminder_time_next_due (now, 20 * 60);

  assert_due (due, 2026, 6, 15, 20, 0);
  g_assert_cmpint (g_date_time_difference (due, now), ==, (10 * 60 + 30) * G_TIME_SPAN_MINUTE);
}

static void
test_passed_today (void)
{
  g_autoptr(GDateTime) now = at (2026, 6, 15, 20, 1);
  g_autoptr(GDateTime) due = rj_reminder_time_next_due (now, 20 * 60);
  g_autoptr(GDateTime) exactly = at (2026, 6, 15, 20, 0);
  g_autoptr(GDateTime) after_exactly = rj_reminder_time_next_due (exactly, 20 * 60);

  assert_due (due, 2026, 6, 16, 20, 0);
  /* The moment it is due counts as passed: a reminder just sent is due tomorrow. */
  assert_due (after_exactly, 2026, 6, 16, 20, 0);
}

static void
test_midnight_and_new_year (void)
{
  g_autoptr(GDateTime) late = at (2026, 12, 31, 23, 59);
  g_autoptr(GDateTime) midnight = rj_reminder_time_next_due (late, 0);
  g_autoptr(GDateTime) evening = at (2026, 12, 31, 21, 0);
  g_autoptr(GDateTime) next_year = rj_reminder_time_next_due (evening, 20 * 60);
  g_autoptr(GDateTime) last = rj_reminder_time_next_due (evening, RJ_REMINDER_MINUTES_MAX);

  assert_due (midnight, 2027, 1, 1, 0, 0);
  g_assert_cmpint (g_date_time_difference (midnight, late), ==, G_TIME_SPAN_MINUTE);
  assert_due (next_year, 2027, 1, 1, 20, 0);
  assert_due (last, 2026, 12, 31, 23, 59);
}

static void
test_clocks_forward (void)
{
  g_autoptr(GDateTime) before = at (2026, 3, 7, 21, 0);
  g_autoptr(GDateTime) due = rj_reminder_time_next_due (before, 20 * 60);
  g_autoptr(GDateTime) skipped = rj_reminder_time_next_due (before, 2 * 60 + 30);
  g_autoptr(GDateTime) after_skipped = NULL;

  /* 23 hours later by the clock on the wall, 22 hours later in fact. */
  assert_due (due, 2026, 3, 8, 20, 0);
  g_assert_cmpint (g_date_time_difference (due, before), ==, 22 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_get_utc_offset (due), ==, -4 * G_TIME_SPAN_HOUR);

  /* 02:30 does not exist that day: the reminder comes when the clocks jump to 03:00,
   * and once; the next one is the day after at 02:30. */
  assert_due (skipped, 2026, 3, 8, 3, 0);
  g_assert_cmpint (g_date_time_compare (skipped, before), >, 0);
  after_skipped = rj_reminder_time_next_due (skipped, 2 * 60 + 30);
  assert_due (after_skipped, 2026, 3, 9, 2, 30);
}

static void
test_clocks_back (void)
{
  g_autoptr(GDateTime) before = at (2026, 10, 31, 21, 0);
  g_autoptr(GDateTime) due = rj_reminder_time_next_due (before, 20 * 60);
  g_autoptr(GDateTime) twice = rj_reminder_time_next_due (before, 60 + 30);
  g_autoptr(GDateTime) first_time = NULL;
  g_autoptr(GDateTime) from_first = NULL;
  g_autoptr(GDateTime) after_twice = NULL;

  /* 25 hours between two evenings' reminders. */
  assert_due (due, 2026, 11, 1, 20, 0);
  g_assert_cmpint (g_date_time_difference (due, before), ==, 24 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_get_utc_offset (due), ==, -5 * G_TIME_SPAN_HOUR);

  /* 01:30 comes twice that night: the reminder comes at the second, in standard time,
   * and once: at the first it is still ahead, and after the second it is tomorrow's. */
  assert_due (twice, 2026, 11, 1, 1, 30);
  g_assert_cmpint (g_date_time_get_utc_offset (twice), ==, -5 * G_TIME_SPAN_HOUR);
  first_time = g_date_time_add_hours (twice, -1);
  g_assert_cmpint (g_date_time_get_hour (first_time), ==, 1);
  g_assert_cmpint (g_date_time_get_minute (first_time), ==, 30);
  from_first = rj_reminder_time_next_due (first_time, 60 + 30);
  g_assert_true (g_date_time_equal (from_first, twice));
  after_twice = rj_reminder_time_next_due (twice, 60 + 30);
  assert_due (after_twice, 2026, 11, 2, 1, 30);
}

static void
test_decide (void)
{
  g_autoptr(GDateTime) due = at (2026, 6, 15, 20, 0);
  g_autoptr(GDateTime) early = g_date_time_add_seconds (due, -1);
  g_autoptr(GDateTime) half_hour = g_date_time_add_minutes (due, 30);
  g_autoptr(GDateTime) hour = g_date_time_add_hours (due, 1);
  g_autoptr(GDateTime) too_late = g_date_time_add_minutes (due, 61);
  g_autoptr(GDateTime) next_day = g_date_time_add_days (due, 1);

  g_assert_cmpint (rj_reminder_time_decide (early, due), ==, RJ_REMINDER_WAIT);
  g_assert_cmpint (rj_reminder_time_decide (due, due), ==, RJ_REMINDER_SEND);
  /* The computer slept through the time and woke within the hour. */
  g_assert_cmpint (rj_reminder_time_decide (half_hour, due), ==, RJ_REMINDER_SEND);
  g_assert_cmpint (rj_reminder_time_decide (hour, due), ==, RJ_REMINDER_SEND);
  /* Later than that, the day's reminder is let go. */
  g_assert_cmpint (rj_reminder_time_decide (too_late, due), ==, RJ_REMINDER_MISSED);
  g_assert_cmpint (rj_reminder_time_decide (next_day, due), ==, RJ_REMINDER_MISSED);
}

static void
test_format_c_locale (void)
{
  g_autofree char *evening = NULL;
  g_autofree char *morning = NULL;
  g_autofree char *midnight = NULL;

  setlocale (LC_TIME, "C");
  evening = rj_reminder_time_format (20 * 60);
  morning = rj_reminder_time_format (7 * 60 + 5);
  midnight = rj_reminder_time_format (0);

  g_assert_cmpstr (evening, ==, "20:00");
  g_assert_cmpstr (morning, ==, "07:05");
  g_assert_cmpstr (midnight, ==, "00:00");
}

static void
test_format_us_locale (void)
{
  g_autofree char *evening = NULL;
  g_autofree char *morning = NULL;

  if (setlocale (LC_TIME, "en_US.UTF-8") == NULL)
    {
      g_test_skip ("The en_US.UTF-8 locale is not installed");
      return;
    }

  evening = rj_reminder_time_format (20 * 60);
  morning = rj_reminder_time_format (7 * 60 + 5);
  setlocale (LC_TIME, "C");

  g_assert_cmpstr (evening, ==, "8:00 PM");
  g_assert_cmpstr (morning, ==, "7:05 AM");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  new_york = g_time_zone_new_identifier ("America/New_York");
  if (new_york == NULL)
    {
      g_printerr ("The time zone America/New_York is not installed (tzdata)\n");
      return 77;
    }

  g_test_add_func ("/core/reminder-time/later-today", test_later_today);
  g_test_add_func ("/core/reminder-time/passed-today", test_passed_today);
  g_test_add_func ("/core/reminder-time/midnight-and-new-year", test_midnight_and_new_year);
  g_test_add_func ("/core/reminder-time/clocks-forward", test_clocks_forward);
  g_test_add_func ("/core/reminder-time/clocks-back", test_clocks_back);
  g_test_add_func ("/core/reminder-time/decide", test_decide);
  g_test_add_func ("/core/reminder-time/format-c-locale", test_format_c_locale);
  g_test_add_func ("/core/reminder-time/format-us-locale", test_format_us_locale);

  status = g_test_run ();
  g_time_zone_unref (new_york);
  return status;
}
