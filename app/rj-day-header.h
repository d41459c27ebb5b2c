/* rj-day-header.h: which day the check-in shows, and a calendar to pick another.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rj-context.h"

G_BEGIN_DECLS

#define RJ_TYPE_DAY_HEADER (rj_day_header_get_type ())

G_DECLARE_FINAL_TYPE (RjDayHeader, rj_day_header, RJ, DAY_HEADER, GtkWidget)

GtkWidget   *rj_day_header_new          (void);
const GDate *rj_day_header_get_date     (RjDayHeader *self);
void         rj_day_header_set_date     (RjDayHeader *self,
                                         const GDate *date);
void         rj_day_header_set_subtitle (RjDayHeader *self,
                                         const char *subtitle);
void         rj_day_header_set_context  (RjDayHeader *self,
                                         RjContext *context);
void         rj_day_header_popup        (RjDayHeader *self);
void         rj_day_header_popdown      (RjDayHeader *self);
void         rj_day_header_choose_day   (RjDayHeader *self,
                                         const GDate *date);
gboolean     rj_day_header_is_day_marked (RjDayHeader *self,
                                          guint day);

char        *rj_format_day              (const GDate *date,
                                         const GDate *today) G_GNUC_WARN_UNUSED_RESULT;
char        *rj_format_day_short        (const GDate *date,
                                         const GDate *today) G_GNUC_WARN_UNUSED_RESULT;
void         rj_get_today               (GDate *today);

G_END_DECLS
