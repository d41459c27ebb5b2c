/* bench-summary.c: how long the session summary takes on a ten-year journal.
 *
 * Not a test: run with `meson test --benchmark`. Prints figures; never fails on a
 * time. Target (issue 4): computing the summary of 7 days and rendering it to PDF
 * take 0.2 s or less together.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "rj-demo.h"
#include "rj-summary.h"
#include "rj-summary-page.h"
#include "rj-test-util.h"

#define N_DAYS 3650
#define SEED 20261123
#define RUNS 9
#define A4_WIDTH 595.0
#define A4_HEIGHT 842.0

int
main (int argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *pdf = NULL;
  g_autoptr(RjStore) store = NULL;
  g_autoptr(RjProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  static const guint periods[] = { 1, 7, 30 };
  GDate last_day;

  rj_test_init (&argc, &argv);

  dir = rj_test_make_tmp_dir ("rj-bench-summary-XXXXXX");
  path = g_build_filename (dir, "journal.db", NULL);
  pdf = g_build_filename (dir, "summary.pdf", NULL);
  store = rj_test_create_demo_store (path, N_DAYS, SEED, now, &last_day);
  profile = rj_store_dup_profile (store);

  printf ("Session summary benchmark: %u entries over %u days (median of %u runs)\n",
          rj_store_get_n_entries (store), N_DAYS, RUNS);

  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    {
      double compute[RUNS], render[RUNS];
      GDate first = last_day;

      g_date_subtract_days (&first, periods[p] - 1);
      for (guint run = 0; run < RUNS; run++)
        {
          g_autoptr(RjSummary) summary = NULL;
          gint64 start = g_get_monotonic_time ();

          summary = rj_summary_compute (store, profile, &first, &last_day);
          compute[run] = rj_test_seconds_since (start);

          start = g_get_monotonic_time ();
          if (!rj_summary_page_write_pdf (pdf, A4_WIDTH, A4_HEIGHT, summary, profile, now,
                                          &error))
            g_error ("Could not write the PDF: %s", error->message);
          render[run] = rj_test_seconds_since (start);
        }

      printf ("%2u days: compute %.4f s, render to PDF %.4f s, together %.4f s%s\n",
              periods[p], rj_test_median (compute, RUNS), rj_test_median (render, RUNS),
              rj_test_median (compute, RUNS) + rj_test_median (render, RUNS),
              periods[p] == 7
                ? (rj_test_median (compute, RUNS) + rj_test_median (render, RUNS) <= 0.2
                   ? " (target for 7 days ≤ 0.2 s: met)"
                   : " (target for 7 days ≤ 0.2 s: NOT MET)")
                : "");
    }

  g_clear_object (&store);
  rj_test_remove_tree (dir);
  return 0;
}
