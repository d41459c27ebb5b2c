/* rj-export.c: what the windows that print and save a page share.
 *
 * The session summary and the trends each print one page and save it as a PDF. The
 * print operation, the warning that an exported file is not encrypted, the file
 * chooser that keeps the file off the recently-used list, the thread that writes
 * the file, the toast that tells how it went and the closing of the window when the
 * journal locks are the same for both, so they live here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rj-export"

#include "config.h"

#include <glib/gi18n.h>

#include "rj-export.h"
#include "rj-utils.h"

/* Set on a window once its client was told that exports are not encrypted. */
#define TOLD_NOT_ENCRYPTED "rj-export-told-not-encrypted"

typedef struct
{
  GtkWindow *window;
  char *title;
  char *filter_name;
  char *mime_type;
  char *suggested_name;
  RjExportFileFunc func;
  gpointer user_data;
} ChooseData;

static void
choose_data_free (ChooseData *data)
{
  g_clear_object (&data->window);
  g_free (data->title);
  g_free (data->filter_name);
  g_free (data->mime_type);
  g_free (data->suggested_name);
  g_free (data);
}

typedef struct
{
  char *path;
  RjExportWriteFunc write_func;
  gpointer data;
  GDestroyNotify destroy_data;
} SaveData;

static void
save_data_free (SaveData *save)
{
  if (save->destroy_data != NULL)
    save->destroy_data (save->data);
  g_free (save->path);
  g_free (save);
}

/**
 * rj_export_paper_name:
 * @letter: whether the client chose US Letter rather than A4
 *
 * Returns: the GTK name of the paper
 */
const char *
rj_export_paper_name (gboolean letter)
{
  return letter ? GTK_PAPER_NAME_LETTER : GTK_PAPER_NAME_A4;
}

/**
 * rj_export_paper_size:
 * @letter: whether the client chose US Letter rather than A4
 * @width: (out): the width in points
 * @height: (out): the height in points
 */
void
rj_export_paper_size (gboolean  letter,
                      double   *width,
                      double   *height)
{
  GtkPaperSize *paper_size = gtk_paper_size_new (rj_export_paper_name (letter));

  *width = gtk_paper_size_get_width (paper_size, GTK_UNIT_POINTS);
  *height = gtk_paper_size_get_height (paper_size, GTK_UNIT_POINTS);
  gtk_paper_size_free (paper_size);
}

/**
 * rj_export_locale_uses_letter:
 *
 * Returns: whether US Letter is the usual paper where the client lives
 */
gboolean
rj_export_locale_uses_letter (void)
{
  g_autoptr(GtkPaperSize) paper_size = gtk_paper_size_new (NULL);

  return g_str_equal (gtk_paper_size_get_name (paper_size), GTK_PAPER_NAME_LETTER);
}

/**
 * rj_export_print_operation_new:
 * @letter: whether to print on US Letter rather than A4
 * @job_name: the name of the job, as the printer queue shows it
 * @draw_page_cb: the operation's "draw-page" handler
 * @data: what @draw_page_cb is given; it should hold everything the page needs, since
 *   the window may close (the journal may lock) before the printing ends
 * @destroy_data: frees @data
 *
 * Returns: (transfer full): a one-page print operation on the whole sheet
 */
GtkPrintOperation *
rj_export_print_operation_new (gboolean        letter,
                               const char     *job_name,
                               GCallback       draw_page_cb,
                               gpointer        data,
                               GClosureNotify  destroy_data)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  GtkPaperSize *paper_size = gtk_paper_size_new (rj_export_paper_name (letter));

  gtk_page_setup_set_paper_size_and_default_margins (page_setup, paper_size);
  gtk_paper_size_free (paper_size);

  gtk_print_operation_set_n_pages (operation, 1);
  /* The page keeps margins of its own; the printer's would come on top of them and
   * squeeze the page, so it is drawn on the whole sheet, as the PDF is. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_default_page_setup (operation, page_setup);
  gtk_print_operation_set_job_name (operation, job_name);

  g_signal_connect_data (operation, "draw-page", draw_page_cb, data, destroy_data, 0);

  return operation;
}

/* GTK reports a failure from gtk_print_operation_run() or in "done", or both, depending
 * on when it happens; the client hears of it once. */
static void
report_print_error (AdwToastOverlay   *toast_overlay,
                    GtkPrintOperation *operation)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *markup = NULL;
  const char *failure;

  if (g_object_get_data (G_OBJECT (operation), "rj-error-reported") != NULL)
    return;
  g_object_set_data (G_OBJECT (operation), "rj-error-reported", GINT_TO_POINTER (TRUE));

  gtk_print_operation_get_error (operation, &error);
  failure = g_object_get_data (G_OBJECT (operation), "rj-failure");
  /* Translators: %s is what could not be printed, as "The summary could not be
   * printed", then why, as "the printer did not answer". */
  message = g_strdup_printf (_("%s: %s"), failure,
                             error != NULL ? error->message : _("the printer did not answer"));
  /* Toast titles are markup in libadwaita 1.2. */
  markup = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (toast_overlay, adw_toast_new (markup));
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(AdwToastOverlay) toast_overlay = g_weak_ref_get (weak);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && toast_overlay != NULL)
    report_print_error (toast_overlay, operation);

  g_weak_ref_clear (weak);
  g_free (weak);
  /* The reference rj_export_print() gave the running operation. */
  g_object_unref (operation);
}

/**
 * rj_export_print:
 * @window: the window the print dialog belongs to
 * @toast_overlay: where a failure is told
 * @operation: an operation from rj_export_print_operation_new()
 * @failure: what a failure is told as, as "The summary could not be printed"
 *
 * Opens the print dialog and prints, without waiting for either.
 */
void
rj_export_print (GtkWindow         *window,
                 AdwToastOverlay   *toast_overlay,
                 GtkPrintOperation *operation,
                 const char        *failure)
{
  GWeakRef *weak;
  GtkPrintOperationResult result;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (toast_overlay));
  g_return_if_fail (GTK_IS_PRINT_OPERATION (operation));
  g_return_if_fail (failure != NULL);

  /* The print dialog and the printing outlive this call, and may outlive the window:
   * the operation keeps a reference of its own until "done", which always comes. */
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, toast_overlay);
  g_object_set_data_full (G_OBJECT (operation), "rj-failure", g_strdup (failure), g_free);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect (g_object_ref (operation), "done", G_CALLBACK (print_done_cb), weak);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    window, NULL);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    report_print_error (toast_overlay, operation);
}

/**
 * rj_export_print_to_file:
 * @window: the window the operation belongs to
 * @operation: an operation from rj_export_print_operation_new()
 * @path: where to write the PDF
 * @error: return location for a #GError
 *
 * Runs @operation without its dialog, exporting to @path; for tests, which never open
 * a modal print dialog.
 */
gboolean
rj_export_print_to_file (GtkWindow          *window,
                         GtkPrintOperation  *operation,
                         const char         *path,
                         GError            **error)
{
  GtkPrintOperationResult result;

  g_return_val_if_fail (GTK_IS_PRINT_OPERATION (operation), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    window, error);

  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/**
 * rj_export_suggested_name:
 * @what: what the file holds, translated, as "Recovery check-in"
 * @extension: the file name's extension, without its dot
 *
 * Returns: (transfer full): a file name with today's date
 */
char *
rj_export_suggested_name (const char *what,
                          const char *extension)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%F");

  return g_strdup_printf ("%s %s.%s", what, date, extension);
}

static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     gpointer         user_data)
{
  ChooseData *data = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      rj_forget_recent_file (NULL, file);
      data->func (data->window, file, data->user_data);
    }

  choose_data_free (data);
  g_object_unref (native);
}

/* GtkFileChooserNative in GTK 4.8 has no switch to keep a file off the recently-used
 * list, and GTK's own chooser (without a portal) adds the file it saves there:
 * chooser_response_cb() removes it again with rj_forget_recent_file(). */
static void
show_chooser (GtkWindow  *window,
              ChooseData *data)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (data->title, window, GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), data->suggested_name);

  gtk_file_filter_set_name (filter, data->filter_name);
  gtk_file_filter_add_mime_type (filter, data->mime_type);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  /* The window stays until the chooser answers: @data holds it. */
  data->window = g_object_ref (window);
  g_signal_connect (native, "response", G_CALLBACK (chooser_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
not_encrypted_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           gpointer          user_data)
{
  GtkWindow *window = GTK_WINDOW (user_data);
  ChooseData *data = g_object_steal_data (G_OBJECT (dialog), "rj-choose-data");

  if (data == NULL)
    return;

  if (g_strcmp0 (response, "save") == 0)
    {
      g_object_set_data (G_OBJECT (window), TOLD_NOT_ENCRYPTED, GINT_TO_POINTER (TRUE));
      show_chooser (window, data);
    }
  else
    choose_data_free (data);
}

/**
 * rj_export_choose_file:
 * @window: the window that exports
 * @title: the file chooser's title
 * @filter_name: the name of the kind of file, as "PDF documents"
 * @mime_type: its MIME type
 * @suggested_name: the file name offered
 * @func: called with the file chosen, if one is
 * @user_data: data for @func
 *
 * Before the first export of @window, says plainly that the file leaves the
 * journal's encryption; then asks where to save it.
 */
void
rj_export_choose_file (GtkWindow        *window,
                       const char       *title,
                       const char       *filter_name,
                       const char       *mime_type,
                       const char       *suggested_name,
                       RjExportFileFunc  func,
                       gpointer          user_data)
{
  AdwMessageDialog *dialog;
  ChooseData *data;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (func != NULL);

  data = g_new0 (ChooseData, 1);
  data->title = g_strdup (title);
  data->filter_name = g_strdup (filter_name);
  data->mime_type = g_strdup (mime_type);
  data->suggested_name = g_strdup (suggested_name);
  data->func = func;
  data->user_data = user_data;

  if (g_object_get_data (G_OBJECT (window), TOLD_NOT_ENCRYPTED) != NULL)
    {
      show_chooser (window, data);
      return;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window,
                                                       _("Not Encrypted"),
                                                       _("This file will not be encrypted. "
                                                         "Anyone who can open it can read it.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "rj-choose-data", data,
                          (GDestroyNotify) choose_data_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (not_encrypted_response_cb),
                           window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *save = task_data;
  GError *error = NULL;

  if (save->write_func (save->path, save->data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * rj_export_save_async:
 * @source_object: the window that saves
 * @source_tag: the window's own _async function
 * @file: where to save, a local file
 * @write_func: writes the file, in a thread; it should make the file private (0600)
 *   before anything is in it
 * @data: (nullable): what @write_func needs, taken before the window may close; %NULL
 *   when the journal is locked
 * @destroy_data: frees @data
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written
 * @user_data: data for @callback
 */
void
rj_export_save_async (gpointer             source_object,
                      gpointer             source_tag,
                      GFile               *file,
                      RjExportWriteFunc    write_func,
                      gpointer             data,
                      GDestroyNotify       destroy_data,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *save;

  g_return_if_fail (G_IS_OBJECT (source_object));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (write_func != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  save = g_new0 (SaveData, 1);
  save->write_func = write_func;
  save->data = data;
  save->destroy_data = destroy_data;
  save->path = g_file_get_path (file);
  g_task_set_task_data (task, save, (GDestroyNotify) save_data_free);

  if (data == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("The journal is locked"));
      return;
    }

  if (save->path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Choose a folder on this computer"));
      return;
    }

  g_task_run_in_thread (task, save_thread);
}

gboolean
rj_export_save_finish (gpointer       source_object,
                       gpointer       source_tag,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source_object), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * rj_export_tell_saved:
 * @toast_overlay: where to tell it
 * @error: (nullable): why the file could not be saved, or %NULL if it was
 * @failure: what a failure is told as, with a "%s" for why, as "The PDF could not be
 *   saved: %s"
 * @saved: what a success is told as, as "PDF saved"
 *
 * Tells the client in a toast how a save from rj_export_save_async() ended.
 */
void
rj_export_tell_saved (AdwToastOverlay *toast_overlay,
                      const GError    *error,
                      const char      *failure,
                      const char      *saved)
{
  g_autofree char *message = NULL;
  g_autofree char *markup = NULL;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (toast_overlay));
  g_return_if_fail (failure != NULL && saved != NULL);

  if (error != NULL)
    message = g_strdup_printf (failure, error->message);
  else
    message = g_strdup (saved);

  /* Toast titles are markup in libadwaita 1.2. */
  markup = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (toast_overlay, adw_toast_new (markup));
}

static gboolean
close_idle_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

typedef struct
{
  GtkWindow *window;
  RjExportForgetFunc forget;
} LockWatch;

static void
lock_watch_free (gpointer  data,
                 GClosure *closure)
{
  g_free (data);
}

static void
store_notify_unlocked_cb (RjStore    *store,
                          GParamSpec *pspec,
                          gpointer    user_data)
{
  LockWatch *watch = user_data;

  if (rj_store_is_unlocked (store))
    return;

  watch->forget (watch->window);
  gtk_window_destroy (watch->window);
}

/**
 * rj_export_close_when_locked:
 * @window: a window that shows what the journal holds
 * @store: the journal's store
 * @locked_already: whether the journal was locked before @window could read it
 * @forget: lets go of what @window read, before it closes
 *
 * Closes @window when @store locks, after @forget: a locked journal shows nothing.
 * With @locked_already, @window has nothing to show and goes as it came, from an idle.
 */
void
rj_export_close_when_locked (GtkWindow          *window,
                             RjStore            *store,
                             gboolean            locked_already,
                             RjExportForgetFunc  forget)
{
  LockWatch *watch;
  GClosure *closure;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (RJ_IS_STORE (store));
  g_return_if_fail (forget != NULL);

  watch = g_new0 (LockWatch, 1);
  watch->window = window;
  watch->forget = forget;
  closure = g_cclosure_new (G_CALLBACK (store_notify_unlocked_cb), watch, lock_watch_free);
  /* As g_signal_connect_object() would: the handler goes with the window. */
  g_object_watch_closure (G_OBJECT (window), closure);
  g_signal_connect_closure (store, "notify::unlocked", closure, FALSE);
  if (locked_already)
    g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (window), g_object_unref);
}
