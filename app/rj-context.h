/* rj-context.h: what every window and page of one journal shares.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rj-crypto.h"
#include "rj-store.h"

G_BEGIN_DECLS

#define RJ_TYPE_CONTEXT (rj_context_get_type ())

G_DECLARE_FINAL_TYPE (RjContext, rj_context, RJ, CONTEXT, GObject)

RjContext         *rj_context_new            (const char *journal_path) G_GNUC_WARN_UNUSED_RESULT;
RjStore           *rj_context_get_store      (RjContext *self);
GSettings         *rj_context_get_settings   (RjContext *self);
const RjKdfParams *rj_context_get_kdf_params (RjContext *self);
void               rj_context_set_kdf_params (RjContext *self,
                                              const RjKdfParams *params);
gboolean           rj_context_get_demo       (RjContext *self);
void               rj_context_set_demo       (RjContext *self,
                                              gboolean demo);
void               rj_context_note_saved     (RjContext *self);
guint              rj_context_get_n_saved    (RjContext *self);

G_END_DECLS
