/* rj-entry.h: one day of the journal, as the client logged it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Every number a client can log has a "not logged" state that is distinct from zero. */
#define RJ_NOT_LOGGED (-1)

#define RJ_SCALE_MAX 10            /* mood, distress, craving intensity: 0-10 */
#define RJ_MAX_TEXT_BYTES (256 * 1024)
#define RJ_MAX_ITEMS 1000          /* cravings, wins, topics, skills per craving */
#define RJ_MAX_ID_BYTES 64

/* A yes/no answer that may also not have been given. */
typedef enum {
  RJ_ANSWER_NOT_LOGGED = 0,
  RJ_ANSWER_NO = 1,
  RJ_ANSWER_YES = 2,
} RjAnswer;

typedef enum {
  RJ_HALT_HUNGRY = 1 << 0,
  RJ_HALT_ANGRY = 1 << 1,
  RJ_HALT_LONELY = 1 << 2,
  RJ_HALT_TIRED = 1 << 3,
} RjHaltFlags;

#define RJ_HALT_ALL (RJ_HALT_HUNGRY | RJ_HALT_ANGRY | RJ_HALT_LONELY | RJ_HALT_TIRED)

/* HALT is four separate answers: @answered says which letters were answered at all,
 * @yes which of those were "yes". A letter in @yes is always in @answered. */
typedef struct {
  guint8 answered;
  guint8 yes;
} RjHalt;

typedef enum {
  RJ_HELPED_NOT_LOGGED = 0,
  RJ_HELPED_YES = 1,
  RJ_HELPED_PARTLY = 2,
  RJ_HELPED_NO = 3,
} RjHelped;

typedef enum {
  RJ_OUTCOME_NOT_LOGGED = 0,
  RJ_OUTCOME_RODE_IT_OUT = 1,
  RJ_OUTCOME_USED = 2,
} RjOutcome;

/* A piece of free text, and whether the client wants it kept off every printout. */
typedef struct {
  char *text;        /* NULL or "" when empty */
  gboolean is_private;
} RjNote;

typedef struct {
  char *skill_id;    /* an id from RjProfile.skills */
  RjHelped helped;
} RjSkillUse;

typedef struct {
  char *id;                 /* stable within the day, for editing and undo */
  int time_minutes;         /* minutes after midnight, or RJ_NOT_LOGGED */
  int intensity;            /* 0-10, or RJ_NOT_LOGGED */
  int duration_minutes;     /* or RJ_NOT_LOGGED */
  char *trigger_id;         /* an id from RjProfile.triggers, or NULL */
  RjNote trigger_words;
  RjHalt halt;
  GArray *skills;           /* of RjSkillUse */
  RjOutcome outcome;
} RjCraving;

/* Use or a lapse on the day, recorded in neutral words. */
typedef struct {
  RjAnswer used;
  char *substance_id;       /* an id from RjProfile.substances, or NULL */
  RjNote amount;
  RjNote what_happened;
  RjNote next_time;
} RjUse;

typedef struct {
  GDate date;               /* always valid */
  int mood;                 /* 0-10, or RJ_NOT_LOGGED */
  int distress;             /* 0-10, or RJ_NOT_LOGGED */
  int sleep_minutes;        /* or RJ_NOT_LOGGED */
  RjHalt halt;
  GPtrArray *cravings;      /* of RjCraving*, in the order they were logged */
  RjUse use;
  RjAnswer medication_taken;
  int meetings;             /* count, or RJ_NOT_LOGGED */
  int support_calls;        /* count, or RJ_NOT_LOGGED */
  RjAnswer session_attended;/* the log of IOP sessions: one answer per day */
  GPtrArray *wins;          /* of RjNote* */
  GPtrArray *topics;        /* of RjNote*: what I want to talk about in group */
  RjNote notes;
  /*< private >*/
  gatomicrefcount ref_count;
} RjEntry;

#define RJ_TYPE_ENTRY (rj_entry_get_type ())

GType       rj_entry_get_type          (void) G_GNUC_CONST;
RjEntry    *rj_entry_new               (const GDate *date) G_GNUC_WARN_UNUSED_RESULT;
RjEntry    *rj_entry_ref               (RjEntry *self);
void        rj_entry_unref             (RjEntry *self);
RjEntry    *rj_entry_copy              (const RjEntry *self) G_GNUC_WARN_UNUSED_RESULT;
gboolean    rj_entry_equal             (const RjEntry *a,
                                        const RjEntry *b);
gboolean    rj_entry_is_empty          (const RjEntry *self);
RjCraving  *rj_entry_add_craving       (RjEntry *self);
RjCraving  *rj_entry_add_craving_for_decoding (RjEntry *self);
RjNote     *rj_entry_add_win           (RjEntry *self,
                                        const char *text,
                                        gboolean is_private);
RjNote     *rj_entry_add_topic         (RjEntry *self,
                                        const char *text,
                                        gboolean is_private);

#define RJ_TYPE_CRAVING (rj_craving_get_type ())

GType       rj_craving_get_type        (void) G_GNUC_CONST;
RjCraving  *rj_craving_new             (void) G_GNUC_WARN_UNUSED_RESULT;
RjCraving  *rj_craving_copy            (const RjCraving *self) G_GNUC_WARN_UNUSED_RESULT;
void        rj_craving_free            (RjCraving *self);
gboolean    rj_craving_is_empty        (const RjCraving *self);
void        rj_craving_add_skill       (RjCraving *self,
                                        const char *skill_id,
                                        RjHelped helped);

RjNote     *rj_note_new                (const char *text,
                                        gboolean is_private) G_GNUC_WARN_UNUSED_RESULT;
void        rj_note_free               (RjNote *note);
void        rj_note_set                (RjNote *note,
                                        const char *text,
                                        gboolean is_private);
gboolean    rj_note_is_empty           (const RjNote *note);

/* Frees a string after overwriting it, for decrypted text. */
void        rj_wipe_string             (char *str);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RjEntry, rj_entry_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RjCraving, rj_craving_free)

G_END_DECLS
