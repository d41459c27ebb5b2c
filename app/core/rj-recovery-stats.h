/* rj-recovery-stats.h: recovery at a glance, and the log of IOP sessions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rj-entry.h"
#include "rj-profile.h"
#include "rj-store.h"

G_BEGIN_DECLS

typedef struct {
  gboolean has_start;       /* the client has set a sober start date */
  gboolean has_used;        /* use is recorded on or after the start */
  GDate last_use;           /* valid when @has_used */
  int days_since_last_use;  /* days in a row without use, up to today; -1 if unknown */
  int sober_days_total;     /* days from the start to today with no use; -1 if unknown */
} RjRecoveryStats;

/* A day counts as a day of use when the client said they used, or logged a craving
 * whose outcome was use. A lapse ends the current run of days but never wipes the
 * total: every day without use since the start still counts. */
gboolean  rj_entry_records_use          (const RjEntry *entry);
void      rj_recovery_stats_compute     (RjStore *store,
                                         const RjProfile *profile,
                                         const GDate *today,
                                         RjRecoveryStats *stats);

/* Whether the client was at an IOP session that day: what they said, or else what
 * the schedule says (which they can correct). @entry may be NULL. */
gboolean  rj_profile_has_session_on     (const RjProfile *profile,
                                         const GDate *date);
gboolean  rj_attended_session           (const RjProfile *profile,
                                         const RjEntry *entry,
                                         const GDate *date);
/* The last day before @before with an attended session; FALSE if none within
 * @max_days. */
gboolean  rj_find_last_session          (RjStore *store,
                                         const RjProfile *profile,
                                         const GDate *before,
                                         guint max_days,
                                         GDate *found);

G_END_DECLS
