/* rj-session-slot-row.h: one weekly session of the client's program.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RJ_TYPE_SESSION_SLOT_ROW (rj_session_slot_row_get_type ())

G_DECLARE_FINAL_TYPE (RjSessionSlotRow, rj_session_slot_row, RJ, SESSION_SLOT_ROW, AdwExpanderRow)

GtkWidget    *rj_session_slot_row_new               (GDateWeekday weekday,
                                                     int start_minutes);
GDateWeekday  rj_session_slot_row_get_weekday       (RjSessionSlotRow *self);
void          rj_session_slot_row_set_weekday       (RjSessionSlotRow *self,
                                                     GDateWeekday weekday);
int           rj_session_slot_row_get_start_minutes (RjSessionSlotRow *self);
void          rj_session_slot_row_set_start_minutes (RjSessionSlotRow *self,
                                                     int start_minutes);

char         *rj_session_slot_format_time           (int start_minutes)
                                                     G_GNUC_WARN_UNUSED_RESULT;
char         *rj_session_slot_format_weekday        (GDateWeekday weekday)
                                                     G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
