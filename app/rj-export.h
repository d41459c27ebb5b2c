/* rj-export.h: what the windows that print and save a page share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rj-store.h"

G_BEGIN_DECLS

/* Called with the file the client chose, already kept off the recently-used list. */
typedef void     (*RjExportFileFunc)  (GtkWindow *window,
                                       GFile *file,
                                       gpointer user_data);

/* Lets go of what @window read from the journal, as it closes because the journal locked. */
typedef void     (*RjExportForgetFunc) (GtkWindow *window);

/* Writes the page to @path in a thread; @data is what rj_export_save_async() was given. */
typedef gboolean (*RjExportWriteFunc) (const char *path,
                                       gpointer data,
                                       GCancellable *cancellable,
                                       GError **error);

const char        *rj_export_paper_name           (gboolean letter);
void               rj_export_paper_size           (gboolean letter,
                                                   double *width,
                                                   double *height);
gboolean           rj_export_locale_uses_letter   (void);

GtkPrintOperation *rj_export_print_operation_new  (gboolean letter,
                                                   const char *job_name,
                                                   GCallback draw_page_cb,
                                                   gpointer data,
                                                   GClosureNotify destroy_data) G_GNUC_WARN_UNUSED_RESULT;
void               rj_export_print                (GtkWindow *window,
                                                   AdwToastOverlay *toast_overlay,
                                                   GtkPrintOperation *operation,
                                                   const char *failure);
gboolean           rj_export_print_to_file        (GtkWindow *window,
                                                   GtkPrintOperation *operation,
                                                   const char *path,
                                                   GError **error);

char              *rj_export_suggested_name       (const char *what,
                                                   const char *extension) G_GNUC_WARN_UNUSED_RESULT;
void               rj_export_choose_file          (GtkWindow *window,
                                                   const char *title,
                                                   const char *filter_name,
                                                   const char *mime_type,
                                                   const char *suggested_name,
                                                   RjExportFileFunc func,
                                                   gpointer user_data);

void               rj_export_save_async           (gpointer source_object,
                                                   gpointer source_tag,
                                                   GFile *file,
                                                   RjExportWriteFunc write_func,
                                                   gpointer data,
                                                   GDestroyNotify destroy_data,
                                                   GCancellable *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer user_data);
gboolean           rj_export_save_finish          (gpointer source_object,
                                                   gpointer source_tag,
                                                   GAsyncResult *result,
                                                   GError **error);

void               rj_export_tell_saved           (AdwToastOverlay *toast_overlay,
                                                   const GError *error,
                                                   const char *failure,
                                                   const char *saved);

void               rj_export_close_when_locked    (GtkWindow *window,
                                                   RjStore *store,
                                                   gboolean locked_already,
                                                   RjExportForgetFunc forget);

G_END_DECLS
