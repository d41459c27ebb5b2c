/* rj-demo.h: realistic, reproducible journals for --demo, tests and benchmarks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rj-entry.h"
#include "rj-profile.h"
#include "rj-store.h"

G_BEGIN_DECLS

/* A client's profile: a name, a sober start @days_sober days before @today (or none
 * when @days_sober is 0), two support contacts and a counsellor, a few items of the
 * client's own on each list, and a Monday/Wednesday/Thursday evening IOP schedule.
 * Every id in it comes from @rand, so the same seed gives the same profile. */
RjProfile *rj_demo_profile    (GRand *rand,
                               const GDate *today,
                               guint days_sober) G_GNUC_WARN_UNUSED_RESULT;

/* One day's entry as a client in an IOP might log it: mood and distress around a
 * slowly drifting baseline, some fields left out, 0-4 cravings on most days with
 * triggers and coping skills from @profile's lists, now and then a lapse in neutral
 * words, and notes of a few hundred words on some days. Days on @profile's session
 * schedule have session_attended answered. Only @rand and @date decide the result. */
RjEntry   *rj_demo_entry      (GRand *rand,
                               const GDate *date,
                               const RjProfile *profile) G_GNUC_WARN_UNUSED_RESULT;

/* Saves a demo profile and up to @n_days entries ending on @last_day into the
 * unlocked @store; some days are left out, as a real client skips days. The same
 * @seed writes the same journal. */
gboolean   rj_demo_fill       (RjStore *store,
                               const GDate *last_day,
                               guint n_days,
                               guint32 seed,
                               GError **error);

G_END_DECLS
