/* crash-common.h: what the crash helpers write, so that the test can tell what to expect.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "rj-demo.h"
#include "rj-entry.h"
#include "rj-profile.h"

G_BEGIN_DECLS

#define CRASH_FIRST_DAY_JULIAN 739921   /* 2026-11-01 */
#define CRASH_N_DAYS 45

/* Operation @k of helper run @run: sets *@date and returns the entry to save there, or
 * NULL when the operation deletes that day. The same arguments give the same result in
 * the helper and in the test. Some entries carry long notes, so that records spill
 * into overflow pages as a year of real notes would. */
static inline RjEntry *
crash_op (guint32 run,
          guint k,
          const RjProfile *profile,
          GDate *date)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (run * 1000003u + k * 7919u + 17u);
  RjEntry *entry;

  g_date_clear (date, 1);
  g_date_set_julian (date, CRASH_FIRST_DAY_JULIAN + g_rand_int_range (rand, 0, CRASH_N_DAYS));
  if (g_rand_double (rand) < 0.1)
    return NULL;
  entry = rj_demo_entry (rand, date, profile);
  if (g_rand_double (rand) < 0.05)
    {
      GString *text = g_string_new (entry->notes.text);

      while (text->len < 40000)
        g_string_append (text, " Writing a long entry tonight, to get it all out of my head.");
      rj_note_set (&entry->notes, text->str, FALSE);
      g_string_free (text, TRUE);
    }
  return entry;
}

G_END_DECLS
