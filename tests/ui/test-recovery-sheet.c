/* test-recovery-sheet.c: the recovery code page on paper and in a PDF, and the
 * passphrase hint.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "rj-context.h"
#include "rj-passphrase.h"
#include "rj-recovery-code-page.h"
#include "rj-recovery-sheet.h"
#include "rj-recovery-sheet-print.h"
#include "rj-ui-test-util.h"

#define CODE "7K3Q-M9XD-2HVB-WT4R-8NPC-JF6A-ZE5G-Y1S0"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = rj_test_make_tmp_dir ("rj-test-recovery-sheet-XXXXXX");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  rj_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
}

/* A person sees one page, with the code on it and nothing cut off. */
static void
assert_one_page_with_code (const char *path)
{
  g_autofree char *text = rj_ui_test_dup_pdf_text (path);

  rj_ui_test_assert_pdf_one_page (path);
  /* Lines wrap where the page is narrow; a reader does not mind. */
  if (text != NULL)
    {
      g_assert_nonnull (strstr (text, "7K3Q M9XD 2HVB WT4R 8NPC JF6A ZE5G Y1S0"));
      g_assert_nonnull (strstr (text, "Keep this page somewhere safe and private. Anyone with this code and your "
                                "journal file can read your journal."));
    }
}

static void
test_format_code (void)
{
  g_autofree char *two_lines = rj_recovery_sheet_format_code (CODE);
  g_autofree char *messy = rj_recovery_sheet_format_code (" AB-CD  EF ");

  g_assert_cmpstr (two_lines, ==, "7K3Q M9XD 2HVB WT4R\n8NPC JF6A ZE5G Y1S0");
  g_assert_cmpstr (messy, ==, "AB CD EF");
}

static void
test_write_pdf (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "Recovery code.pdf", NULL);
  g_autoptr(GDateTime) created = g_date_time_new_local (2025, 5, 5, 21, 30, 0);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (rj_recovery_sheet_write_pdf (path,
                                              RJ_RECOVERY_SHEET_LETTER_WIDTH,
                                              RJ_RECOVERY_SHEET_LETTER_HEIGHT,
                                              CODE, created, &error));
  g_assert_no_error (error);
  assert_one_page_with_code (path);

  /* The file holds the code: only its owner may read it. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* A small page, as a narrow label printer might have, still gets one page. */
  g_assert_true (rj_recovery_sheet_write_pdf (path, 300, 400, CODE, created, &error));
  assert_one_page_with_code (path);
}

static void
test_write_pdf_error (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "code.pdf", NULL);
  g_autoptr(GDateTime) created = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;

  g_assert_false (rj_recovery_sheet_write_pdf (path, 595, 842, CODE, created, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_print_export (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autoptr(GDateTime) created = g_date_time_new_now_local ();
  RjRecoverySheetPrint *print = rj_recovery_sheet_print_new (CODE, created);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (print), path);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (print),
                                    GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  assert_one_page_with_code (path);

  g_assert_finalize_object (print);
}

static void
save_pdf_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  if (!rj_recovery_code_page_save_pdf_finish (RJ_RECOVERY_CODE_PAGE (object), result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static void
test_page_save_pdf (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *journal = g_build_filename (fixture->dir, "journal.db", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "Recovery code.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(RjContext) context = rj_context_new (journal);
  GtkWidget *page = g_object_ref_sink (rj_recovery_code_page_new (context));
  GError *error = NULL;

  /* With no code shown there is nothing to save. */
  rj_recovery_code_page_save_pdf_async (RJ_RECOVERY_CODE_PAGE (page), file, NULL,
                                        save_pdf_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  rj_recovery_code_page_set_code (RJ_RECOVERY_CODE_PAGE (page), CODE, FALSE);
  rj_recovery_code_page_save_pdf_async (RJ_RECOVERY_CODE_PAGE (page), file, NULL,
                                        save_pdf_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);  /* that is, done */
  g_clear_error (&error);
  assert_one_page_with_code (path);

  rj_recovery_code_page_clear (RJ_RECOVERY_CODE_PAGE (page));
  g_assert_null (rj_recovery_code_page_get_code (RJ_RECOVERY_CODE_PAGE (page)));

  g_assert_finalize_object (page);
  g_assert_finalize_object (g_steal_pointer (&context));
}

static void
test_passphrase_strength (void)
{
  const struct {
    const char *passphrase;
    RjPassphraseStrength strength;
  } cases[] = {
    { NULL, RJ_PASSPHRASE_EMPTY },
    { "", RJ_PASSPHRASE_EMPTY },
    { "hello", RJ_PASSPHRASE_SHORT },
    { "password123", RJ_PASSPHRASE_SHORT },
    { "Password1!", RJ_PASSPHRASE_SHORT },
    { "aaaaaaaaaaaaaaaaaaaaaaaaaaaa", RJ_PASSPHRASE_SHORT },
    { "abcdefghijklmnop", RJ_PASSPHRASE_SHORT },
    { "sober sober sober", RJ_PASSPHRASE_SHORT },
    { "\xff\xfe", RJ_PASSPHRASE_SHORT },
    { "Tr0ub4dor&3", RJ_PASSPHRASE_GOOD },
    { "correct horse", RJ_PASSPHRASE_GOOD },
    { "correct horse battery staple", RJ_PASSPHRASE_STRONG },
    { "my recovery is one day at a time", RJ_PASSPHRASE_STRONG },
    { "väter sonnen über bäume fliegen", RJ_PASSPHRASE_STRONG },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *hint = NULL;
      RjPassphraseStrength strength = rj_passphrase_check (cases[i].passphrase, &hint);

      g_test_message ("“%s”", cases[i].passphrase ? cases[i].passphrase : "(null)");
      g_assert_cmpint (strength, ==, cases[i].strength);
      g_assert_nonnull (hint);
      g_assert_cmpstr (hint, ==, rj_passphrase_strength_get_hint (strength));
    }

  g_assert_cmpstr (rj_passphrase_strength_get_hint (RJ_PASSPHRASE_SHORT), ==,
                   "Short: a few more words would make it much stronger");
}

int
main (int   argc,
      char *argv[])
{
  if (!rj_ui_test_init (&argc, &argv))
    return RJ_UI_TEST_SKIPPED;

  g_test_add_func ("/recovery-sheet/format-code", test_format_code);
  g_test_add ("/recovery-sheet/write-pdf", Fixture, NULL,
              fixture_set_up, test_write_pdf, fixture_tear_down);
  g_test_add ("/recovery-sheet/write-pdf-error", Fixture, NULL,
              fixture_set_up, test_write_pdf_error, fixture_tear_down);
  g_test_add ("/recovery-sheet/print-export", Fixture, NULL,
              fixture_set_up, test_print_export, fixture_tear_down);
  g_test_add ("/recovery-sheet/page-save-pdf", Fixture, NULL,
              fixture_set_up, test_page_save_pdf, fixture_tear_down);
  g_test_add_func ("/passphrase/strength", test_passphrase_strength);

  return g_test_run ();
}
