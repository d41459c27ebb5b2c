/* bench-search.c: searching ten years of journal as the client types.
 *
 * Generates the same ten-year journal as bench-store, then times building the search
 * index, and one keystroke: a query for each prefix of a few words as they are typed.
 * Run with `meson test -C _build --benchmark`. Prints figures; never fails on a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bench-search"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "rj-search.h"
#include "rj-test-util.h"

#define PASSPHRASE "benchmark passphrase"
#define N_DAYS 3650
#define SEED 20261123
#define N_BUILDS 5
#define N_RUNS 5
#define TARGET_SECONDS 0.05

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
summarise (GArray *values,
           double *min,
           double *median,
           double *max)
{
  g_array_sort (values, compare_doubles);
  *min = g_array_index (values, double, 0);
  *median = g_array_index (values, double, values->len / 2);
  *max = g_array_index (values, double, values->len - 1);
}

/* What showing a page of results costs on top: the matches of the 50 newest days. */
static void
dup_first_matches (RjSearchResults *results)
{
  guint n = MIN (rj_search_results_get_n_days (results), 50);

  for (guint i = 0; i < n; i++)
    g_ptr_array_unref (rj_search_results_dup_matches (results, i));
}

int
main (int argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(RjStore) store = NULL;
  g_autoptr(RjSearchIndex) index = NULL;
  g_autoptr(GArray) builds = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) keystrokes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  /* Typed one character at a time; the last is accented as the client may type it. */
  static const char *const typed[] = { "brother", "craving work", "called sponsor", "café" };
  double min, median, max, start;
  GDate last_day;

  rj_test_init (&argc, &argv);

  dir = rj_test_make_tmp_dir ("rj-bench-search-XXXXXX");
  path = g_build_filename (dir, "journal.db", NULL);
  store = rj_test_create_store (path, PASSPHRASE, NULL);

  g_date_clear (&last_day, 1);
  g_date_set_dmy (&last_day, g_date_time_get_day_of_month (today),
                  g_date_time_get_month (today), g_date_time_get_year (today));
  start = now ();
  if (!rj_demo_fill (store, &last_day, N_DAYS, SEED, &error))
    g_error ("Could not generate the journal: %s", error->message);
  printf ("Search benchmark: %u entries over %u days, generated in %.1f s\n",
          rj_store_get_n_entries (store), N_DAYS, now () - start);

  index = rj_search_index_new (store);
  for (guint i = 0; i < N_BUILDS; i++)
    {
      double seconds;

      rj_search_index_clear (index);
      start = now ();
      rj_search_index_build (index);
      seconds = now () - start;
      g_array_append_val (builds, seconds);
    }
  summarise (builds, &min, &median, &max);
  printf ("Building the index (%u days, once after unlock): min %.4f s, median %.4f s, "
          "max %.4f s\n", rj_search_index_get_n_days (index), min, median, max);

  for (guint w = 0; w < G_N_ELEMENTS (typed); w++)
    {
      const char *word = typed[w];
      g_autoptr(GArray) these = g_array_new (FALSE, FALSE, sizeof (double));

      for (const char *end = g_utf8_next_char (word); ; end = g_utf8_next_char (end))
        {
          g_autofree char *prefix = g_strndup (word, end - word);
          guint n_days = 0;

          for (guint run = 0; run < N_RUNS; run++)
            {
              g_autoptr(RjSearchResults) results = NULL;
              double seconds;

              start = now ();
              results = rj_search_index_query (index, prefix);
              dup_first_matches (results);
              seconds = now () - start;
              n_days = rj_search_results_get_n_days (results);
              g_array_append_val (keystrokes, seconds);
              g_array_append_val (these, seconds);
            }
          printf ("  %-16s %5u days\n", prefix, n_days);
          if (*end == '\0')
            break;
        }
      summarise (these, &min, &median, &max);
      printf ("Typing \"%s\": one keystroke min %.4f s, median %.4f s, max %.4f s\n",
              word, min, median, max);
    }

  summarise (keystrokes, &min, &median, &max);
  printf ("One keystroke (query and the 50 newest days' snippets), all prefixes: "
          "min %.4f s, median %.4f s, max %.4f s (target ≤ %.2f s: %s)\n",
          min, median, max, TARGET_SECONDS, max <= TARGET_SECONDS ? "met" : "NOT MET");

  g_clear_object (&index);
  g_clear_object (&store);
  rj_test_remove_tree (dir);
  return 0;
}
