/* test-locale.c: dates, times and numbers on the printed summary page follow the
 * reader's locale: under es_US.UTF-8 and es_ES.UTF-8 the days and months are glibc's
 * Spanish names, a decimal number has the locale's mark (a comma in es_ES; es_US uses
 * a point, as en_US does) and a time reads on the clock that locale uses; the CSV
 * stays the same in every locale. Each case is skipped when its locale is not
 * generated (`.ci/quickstart` generates them).
 *
 * The day and month names come from glibc's locale data through %a, %A, %b and %B,
 * so this holds before any Spanish translation of the app's own words exists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-locale"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "rj-demo.h"
#include "rj-page.h"
#include "rj-summary-page.h"
#include "rj-summary.h"
#include "rj-test-util.h"

#define A4_WIDTH 595.0
#define A4_HEIGHT 842.0

/* Switches the whole process to @locale, or marks the test skipped and returns FALSE
 * when the system does not have it. */
static gboolean
use_locale (const char *locale)
{
  if (setlocale (LC_ALL, locale) == NULL)
    {
      g_autofree char *why = g_strdup_printf ("the %s locale is not generated (run "
                                              ".ci/quickstart, or locale-gen)", locale);

      g_test_skip (why);
      return FALSE;
    }
  return TRUE;
}

static char *
pdf_text (const char *path)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed (Debian: poppler-utils)");
      return NULL;
    }
  {
    const char *argv[] = { pdftotext, "-enc", "UTF-8", path, "-", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                  &out, NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return out;
}

static gboolean
matches (const char *pattern,
         const char *text)
{
  return g_regex_match_simple (pattern, text, G_REGEX_MULTILINE, 0);
}

/* Two weeks of the demo journal, ending on Tuesday 11 March 2025, printed at 9:05 on
 * the next day; returns the page's text. */
static char *
print_demo_summary (const char *dir,
                    char      **csv_out)
{
  g_autofree char *name = g_strdup_printf ("journal-%s.rj", setlocale (LC_TIME, NULL));
  g_autofree char *journal = g_build_filename (dir, name, NULL);
  g_autofree char *pdf = g_build_filename (dir, "summary.pdf", NULL);
  g_autoptr(RjStore) store = rj_test_create_store (journal, RJ_TEST_PASSPHRASE, NULL);
  g_autoptr(RjProfile) profile = NULL;
  g_autoptr(RjSummary) summary = NULL;
  g_autoptr(GDateTime) generated = g_date_time_new_local (2025, 3, 12, 9, 5, 0);
  g_autoptr(GOutputStream) csv = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  GDate first, last;

  g_date_set_dmy (&last, 11, G_DATE_MARCH, 2025);
  g_assert_true (rj_demo_fill (store, &last, 30, 4, &error));
  g_assert_no_error (error);
  profile = rj_store_dup_profile (store);
  first = last;
  g_date_subtract_days (&first, 13);
  summary = rj_summary_compute (store, profile, &first, &last);
  g_assert_nonnull (summary);
  g_assert_true (rj_summary_page_write_pdf (pdf, A4_WIDTH, A4_HEIGHT, summary, profile,
                                            generated, &error));
  g_assert_no_error (error);

  if (csv_out != NULL)
    {
      GMemoryOutputStream *memory = G_MEMORY_OUTPUT_STREAM (csv);

      g_assert_true (rj_summary_write_csv (store, profile, &first, &last, csv, NULL,
                                           &error));
      g_assert_no_error (error);
      g_assert_true (g_output_stream_close (csv, NULL, &error));
      g_assert_no_error (error);
      *csv_out = g_strndup (g_memory_output_stream_get_data (memory),
                            g_memory_output_stream_get_data_size (memory));
    }

  if (g_getenv ("RJ_LOCALE_KEEP") != NULL)
    {
      g_autofree char *kept_name = g_strdup_printf ("summary-%s.pdf", setlocale (LC_TIME, NULL));
      g_autofree char *kept = g_build_filename (g_getenv ("RJ_LOCALE_KEEP"), kept_name, NULL);

      g_assert_true (rj_summary_page_write_pdf (kept, A4_WIDTH, A4_HEIGHT, summary,
                                                profile, generated, &error));
      g_assert_no_error (error);
    }

  g_clear_object (&store);
  return pdf_text (pdf);
}

/* The page under @locale, a Spanish one: glibc's Spanish day and month names, the
 * locale's decimal mark (a point in es_US, a comma in es_ES), 24-hour times (both
 * write times on 24 hours), and the CSV byte for byte as in English. */
static void
check_spanish_page (const char *locale,
                    const char *decimal_mark)
{
  g_autofree char *dir = rj_test_make_tmp_dir ("locale-XXXXXX");
  g_autofree char *text = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *english_csv = NULL;
  g_autofree char *decimal = NULL;
  g_autofree char *other_decimal = NULL;

  /* The CSV first in English, to compare: it must not change with the locale. */
  if (!use_locale ("en_US.UTF-8"))
    goto out;
  g_free (print_demo_summary (dir, &english_csv));

  if (!use_locale (locale))
    goto out;
  g_assert_cmpstr (localeconv ()->decimal_point, ==, decimal_mark);
  text = print_demo_summary (dir, &csv);
  if (text == NULL)
    goto out;
  if (g_test_verbose ())
    g_printerr ("%s\n", text);

  /* The period, as "26 marzo 2025": glibc's Spanish month name, not the English. */
  g_assert_true (matches ("\\b\\d{1,2} marzo 2025\\b", text));
  g_assert_null (strstr (text, "March"));
  /* Short days on the cravings, such as "mié 5 mar": Spanish weekday abbreviations. */
  g_assert_true (matches ("\\b(dom|lun|mar|mié|jue|vie|sáb)\\.? \\d{1,2} mar\\b", text));
  g_assert_false (matches ("\\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \\d", text));
  /* Hours slept, as "7,5 h" or "7.5 h": the locale's decimal mark, never the other. */
  decimal = g_strdup_printf ("\\b\\d\\%s\\d h\\b", decimal_mark);
  other_decimal = g_strdup_printf ("\\b\\d\\%s\\d h\\b",
                                   strcmp (decimal_mark, ",") == 0 ? "." : ",");
  g_assert_true (matches (decimal, text));
  g_assert_false (matches (other_decimal, text));
  /* When the page was made, on 24 hours. */
  g_assert_true (matches ("\\b12 mar 2025, 09:05\\b", text));
  g_assert_false (matches ("\\b(AM|PM|a\\. ?m\\.|p\\. ?m\\.)", text));

  /* The CSV is for spreadsheets and other programs: points, ISO dates and 24-hour
   * times in every locale. */
  g_assert_cmpstr (csv, ==, english_csv);
  g_assert_true (matches ("^\\d{4}-\\d{2}-\\d{2},", csv));
  g_assert_true (matches (",\\d+\\.\\d,", csv));
  g_assert_false (matches ("\"\\d+,\\d\"", csv));

out:
  setlocale (LC_ALL, "C.UTF-8");
  rj_test_remove_tree (dir);
}

/* Spanish as in the US: a decimal point, like en_US. */
static void
test_spanish_us_page (void)
{
  check_spanish_page ("es_US.UTF-8", ".");
}

/* Spanish as in Spain: a decimal comma. */
static void
test_spanish_es_page (void)
{
  check_spanish_page ("es_ES.UTF-8", ",");
}

/* With no desktop to say (no org.gnome.desktop.interface schema), times follow the
 * locale: a 12-hour clock in en_US, 24 hours in es_US. */
static void
test_clock (void)
{
  g_autofree char *time = NULL;

  if (!use_locale ("en_US.UTF-8"))
    return;
  g_assert_true (rj_page_clock_is_12h ());
  time = rj_page_format_time (21 * 60 + 5);
  g_assert_cmpstr (time, ==, "9:05 PM");
  g_clear_pointer (&time, g_free);

  if (!use_locale ("es_US.UTF-8"))
    {
      setlocale (LC_ALL, "C.UTF-8");
      return;
    }
  g_assert_false (rj_page_clock_is_12h ());
  time = rj_page_format_time (21 * 60 + 5);
  g_assert_cmpstr (time, ==, "21:05");
  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int argc, char **argv)
{
  g_autofree char *no_data_dirs = NULL;

  /* The app's own words stay English (no translation is bound here); the locale
   * decides only dates, times and numbers. */
  g_unsetenv ("LANGUAGE");
  g_unsetenv ("LC_ALL");
  /* No desktop schemas: the clock is the locale's, whatever desktop is installed. */
  no_data_dirs = g_dir_make_tmp ("rj-no-data-dirs-XXXXXX", NULL);
  g_assert_nonnull (no_data_dirs);
  g_setenv ("XDG_DATA_DIRS", no_data_dirs, TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/locale/page/es_US", test_spanish_us_page);
  g_test_add_func ("/locale/page/es_ES", test_spanish_es_page);
  g_test_add_func ("/locale/clock", test_clock);

  {
    int status = g_test_run ();

    g_rmdir (no_data_dirs);
    return status;
  }
}
