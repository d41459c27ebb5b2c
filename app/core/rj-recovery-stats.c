/* rj-recovery-stats.c: recovery at a glance, and the log of IOP sessions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-recovery-stats"

#include "config.h"

#include "rj-recovery-stats.h"

gboolean
rj_entry_records_use (const RjEntry *entry)
{
  g_return_val_if_fail (entry != NULL, FALSE);

  if (entry->use.used == RJ_ANSWER_YES)
    return TRUE;
  for (guint i = 0; i < entry->cravings->len; i++)
    {
      const RjCraving *craving = g_ptr_array_index (entry->cravings, i);
      if (craving->outcome == RJ_OUTCOME_USED)
        return TRUE;
    }
  return FALSE;
}

typedef struct {
  guint n_use_days;
  gboolean has_last;
  GDate last;
} UseScan;

static gboolean
scan_use_cb (const RjEntry *entry,
             gpointer user_data)
{
  UseScan *scan = user_data;

  if (rj_entry_records_use (entry))
    {
      scan->n_use_days++;
      /* The walk is in date order: the last one seen is the latest. */
      scan->last = entry->date;
      scan->has_last = TRUE;
    }
  return TRUE;
}

void
rj_recovery_stats_compute (RjStore *store,
                           const RjProfile *profile,
                           const GDate *today,
                           RjRecoveryStats *stats)
{
  UseScan scan = { 0 };
  guint start_julian, today_julian;

  g_return_if_fail (RJ_IS_STORE (store));
  g_return_if_fail (profile != NULL);
  g_return_if_fail (today != NULL && g_date_valid (today));
  g_return_if_fail (stats != NULL);

  stats->has_start = g_date_valid (&profile->sober_start);
  stats->has_used = FALSE;
  g_date_clear (&stats->last_use, 1);
  stats->days_since_last_use = -1;
  stats->sober_days_total = -1;
  if (!stats->has_start || g_date_compare (&profile->sober_start, today) > 0)
    return;

  rj_store_foreach_entry (store, &profile->sober_start, today, FALSE, scan_use_cb, &scan);
  start_julian = g_date_get_julian (&profile->sober_start);
  today_julian = g_date_get_julian (today);

  stats->sober_days_total = (int) (today_julian - start_julian + 1 - scan.n_use_days);
  stats->has_used = scan.has_last;
  if (scan.has_last)
    {
      stats->last_use = scan.last;
      stats->days_since_last_use = (int) (today_julian - g_date_get_julian (&scan.last));
    }
  else
    stats->days_since_last_use = (int) (today_julian - start_julian + 1);
}

gboolean
rj_profile_has_session_on (const RjProfile *profile,
                           const GDate *date)
{
  GDateWeekday weekday;

  g_return_val_if_fail (profile != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  weekday = g_date_get_weekday (date);
  for (guint i = 0; i < profile->schedule->len; i++)
    if (g_array_index (profile->schedule, RjSessionSlot, i).weekday == weekday)
      return TRUE;
  return FALSE;
}

gboolean
rj_attended_session (const RjProfile *profile,
                     const RjEntry *entry,
                     const GDate *date)
{
  g_return_val_if_fail (profile != NULL, FALSE);

  if (entry != NULL && entry->session_attended != RJ_ANSWER_NOT_LOGGED)
    return entry->session_attended == RJ_ANSWER_YES;
  return rj_profile_has_session_on (profile, date);
}

gboolean
rj_find_last_session (RjStore *store,
                      const RjProfile *profile,
                      const GDate *before,
                      guint max_days,
                      GDate *found)
{
  GDate day = *before;

  g_return_val_if_fail (RJ_IS_STORE (store), FALSE);
  g_return_val_if_fail (profile != NULL, FALSE);
  g_return_val_if_fail (before != NULL && g_date_valid (before), FALSE);
  g_return_val_if_fail (found != NULL, FALSE);

  for (guint i = 0; i < max_days && g_date_get_julian (&day) > 1; i++)
    {
      g_autoptr(RjEntry) entry = NULL;

      g_date_subtract_days (&day, 1);
      entry = rj_store_dup_entry (store, &day);
      if (rj_attended_session (profile, entry, &day))
        {
          *found = day;
          return TRUE;
        }
    }
  return FALSE;
}
