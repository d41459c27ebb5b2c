/* rj-plan-page.c: the printed relapse-prevention plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Top to bottom: the header (title, client, when printed), then the six sections in
 * the order the client and the counsellor fill them in, then the crisis lines as a
 * footer. The header and footer take what they need. The sections are first measured
 * at the most generous of a few fixed "fits" (how many lines a text may take, how many
 * items a list shows, the text size) and, while they do not fit, at the next tighter
 * one; the last fit is drawn clipped to its box, so the page never spills. Texts are
 * cut before they are laid out, so a cut text does not travel whole inside the PDF.
 */

#define G_LOG_DOMAIN "rj-plan-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "rj-page.h"
#include "rj-plan-page.h"

#define SMALL RJ_PAGE_SMALL
#define BODY RJ_PAGE_BODY
#define HEADING RJ_PAGE_HEADING
#define GAP RJ_PAGE_GAP
#define BULLET_INDENT 10.0

typedef struct {
  int note_lines;     /* lines of a free text */
  int item_lines;     /* lines of a list item */
  guint max_items;    /* items of a list before "+N more" */
  double size;        /* the text's size in points */
  double gap;         /* space between sections */
} Fit;

/* From the most generous to the tightest; the last always fits in what A4 or Letter
 * leaves between header and footer. */
static const Fit fits[] = {
  /* A plan that leaves room is printed large: it may hang on the fridge. */
  { 12, 3, RJ_MAX_PLAN_ITEMS, BODY + 3.5, GAP + 10 },
  { 12, 3, RJ_MAX_PLAN_ITEMS, BODY + 2.0, GAP + 7 },
  { 12, 3, RJ_MAX_PLAN_ITEMS, BODY + 1.0, GAP + 4 },
  { 8, 2, RJ_MAX_PLAN_ITEMS, BODY + 0.5, GAP + 2 },
  { 6, 2, 12, BODY, GAP },
  { 5, 2, 9, BODY, GAP },
  { 4, 1, 8, BODY, GAP - 2 },
  { 3, 1, 7, SMALL, GAP - 2 },
  { 2, 1, 5, SMALL, GAP - 3 },
  { 2, 1, 4, SMALL, GAP - 4 },
};

typedef struct {
  cairo_t *cr;              /* NULL while measuring */
  PangoContext *context;
  const RjProfile *profile;
  const RjPlan *plan;
  const Fit *fit;
  double left;
  double width;
} Page;

static double
show_markup (Page       *page,
             double      x,
             double      y,
             double      width,
             const char *markup,
             double      size,
             PangoWeight weight,
             int         max_lines)
{
  return rj_page_show_text (page->cr, page->context, x, y, width, markup, size, weight, TRUE,
                            max_lines, PANGO_ALIGN_LEFT);
}

static double
show_plain (Page       *page,
            double      x,
            double      y,
            double      width,
            const char *text,
            double      size,
            PangoWeight weight,
            int         max_lines)
{
  return rj_page_show_text (page->cr, page->context, x, y, width, text, size, weight, FALSE,
                            max_lines, PANGO_ALIGN_LEFT);
}

/* A calm note in place of what is not printed. */
static double
draw_aside (Page       *page,
            double      y,
            const char *text)
{
  g_autofree char *markup = g_markup_printf_escaped ("<i>%s</i>", text);

  return y + show_markup (page, page->left, y, page->width, markup, SMALL,
                          PANGO_WEIGHT_NORMAL, 1);
}

static double
draw_heading (Page       *page,
              double      y,
              const char *title)
{
  y += show_plain (page, page->left, y, page->width, title,
                   MAX (HEADING, page->fit->size + 1.5), PANGO_WEIGHT_BOLD, 1);
  rj_page_hline (page->cr, page->left, y + 1, page->width, 0.5);
  return y + 3;
}

static double
draw_note (Page         *page,
           double        y,
           const RjNote *note)
{
  g_autofree char *text = NULL;

  if (rj_note_is_empty (note))
    return draw_aside (page, y, _("Not filled in yet."));
  if (note->is_private)
    return draw_aside (page, y, _("Kept private: not printed."));

  text = rj_page_shorten (note->text, page->width, page->fit->note_lines);
  return y + show_plain (page, page->left, y, page->width, text, page->fit->size,
                         PANGO_WEIGHT_NORMAL, page->fit->note_lines);
}

/* One item of a list: a bullet, @label in bold, and the client's @words after it. */
static double
draw_item (Page       *page,
           double      y,
           const char *label,
           const char *words)
{
  double width = page->width - BULLET_INDENT;
  g_autofree char *short_label = rj_page_shorten (label, width, 1);
  g_autofree char *short_words = NULL;
  g_autofree char *markup = NULL;
  double h;

  if (words != NULL && *words != '\0')
    {
      short_words = rj_page_shorten (words, width, page->fit->item_lines);
      /* Translators: a plan item on the printed plan: the list's name for it, then the
       * client's own words; keep the markup. */
      markup = g_markup_printf_escaped (_("<b>%s</b> — %s"), short_label, short_words);
    }
  else
    markup = g_markup_printf_escaped ("<b>%s</b>", short_label);

  h = show_markup (page, page->left + BULLET_INDENT, y, width, markup, page->fit->size,
                   PANGO_WEIGHT_NORMAL, page->fit->item_lines);
  show_plain (page, page->left + 2, y, BULLET_INDENT, "•", page->fit->size,
              PANGO_WEIGHT_NORMAL, 1);
  return y + h + 1;
}

static double
draw_more (Page  *page,
           double y,
           guint  n_more)
{
  g_autofree char *text = NULL;

  if (n_more == 0)
    return y;
  /* Translators: under a list cut short on the printed plan. */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u more in the journal",
                                       "+%u more in the journal", n_more), n_more);
  return draw_aside (page, y, text);
}

static double
draw_items (Page       *page,
            double      y,
            GPtrArray  *items,
            RjListKind  kind)
{
  guint shown;

  if (items->len == 0)
    return draw_aside (page, y, _("Not filled in yet."));

  shown = MIN (items->len, page->fit->max_items);
  for (guint i = 0; i < shown; i++)
    {
      const RjPlanItem *item = g_ptr_array_index (items, i);
      const char *words = item->words.is_private ? NULL : item->words.text;

      y = draw_item (page, y, rj_profile_item_label (page->profile, kind, item->item_id),
                     words);
    }
  return draw_more (page, y, items->len - shown);
}

static double
draw_people (Page *page,
             double y)
{
  GPtrArray *people = page->plan->people;
  guint shown = 0;
  guint n_known = 0;

  for (guint i = 0; i < people->len; i++)
    if (rj_profile_find_contact (page->profile, g_ptr_array_index (people, i)) != NULL)
      n_known++;
  if (n_known == 0)
    return draw_aside (page, y, _("Not filled in yet."));

  for (guint i = 0; i < people->len && shown < page->fit->max_items; i++)
    {
      const RjContact *contact = rj_profile_find_contact (page->profile,
                                                          g_ptr_array_index (people, i));
      g_autoptr(GString) words = NULL;

      if (contact == NULL)
        continue;
      words = g_string_new (contact->phone != NULL && *contact->phone != '\0'
                            ? contact->phone : _("no number yet"));
      if (contact->note != NULL && *contact->note != '\0')
        {
          /* Translators: between a phone number and the client's note on the plan. */
          g_string_append (words, _(" · "));
          g_string_append (words, contact->note);
        }
      y = draw_item (page, y, contact->name != NULL && *contact->name != '\0'
                              ? contact->name : _("Someone I can call"),
                     words->str);
      shown++;
    }
  return draw_more (page, y, n_known - shown);
}

static gboolean
starts_with_intro (const char *text,
                   const char *intro)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (text == NULL)
    return FALSE;
  a = g_utf8_casefold (text, -1);
  b = g_utf8_casefold (intro, -1);
  return g_str_has_prefix (a, b);
}

static double
draw_lapse (Page  *page,
            double y)
{
  const RjNote *note = &page->plan->if_lapse;
  /* The start of the sentence that introduces the section; the client's words often
   * begin with it already, and then it is not said twice. */
  const char *start = _("A lapse is not a failure");

  if (note->is_private || !starts_with_intro (note->text, start))
    {
      g_autofree char *intro = g_strdup_printf (
          /* Translators: the first part is the string "A lapse is not a failure". */
          _("%s: it is a moment to use this plan and reach out."), start);

      y = draw_aside (page, y, intro);
      y += 1;
    }
  return draw_note (page, y, note);
}

/* The six sections; returns the y where they end. */
static double
draw_sections (Page  *page,
               double y)
{
  const RjPlan *plan = page->plan;
  double gap = page->fit->gap;

  y = draw_heading (page, y, _("My reasons for recovery"));
  y = draw_note (page, y, &plan->reasons) + gap;
  y = draw_heading (page, y, _("My triggers"));
  y = draw_items (page, y, plan->triggers, RJ_LIST_TRIGGERS) + gap;
  y = draw_heading (page, y, _("Early warning signs"));
  y = draw_note (page, y, &plan->warning_signs) + gap;
  y = draw_heading (page, y, _("Coping strategies that work for me"));
  y = draw_items (page, y, plan->strategies, RJ_LIST_SKILLS) + gap;
  y = draw_heading (page, y, _("People I can call"));
  y = draw_people (page, y) + gap;
  y = draw_heading (page, y, _("What I will do if I lapse"));
  y = draw_lapse (page, y);
  return y;
}

static double
draw_header (Page       *page,
             double      y,
             GDateTime  *generated)
{
  const char *client = page->profile->client_name;
  g_autofree char *name = NULL;
  /* Translators: when the plan was printed; see g_date_time_format(). */
  g_autofree char *when = g_date_time_format (generated, _("%-d %B %Y"));
  g_autofree char *printed = g_strdup_printf (_("printed %s"), when);
  g_autofree char *disclaimer = NULL;
  double h;

  h = show_plain (page, page->left, y, page->width * 0.62, _("My relapse-prevention plan"),
                  RJ_PAGE_TITLE, PANGO_WEIGHT_BOLD, 1);
  if (client != NULL && *client != '\0')
    {
      name = rj_page_shorten (client, page->width * 0.38, 1);
      rj_page_show_text (page->cr, page->context, page->left + page->width * 0.62,
                         y + (RJ_PAGE_TITLE - HEADING) * 0.6, page->width * 0.38, name,
                         HEADING + 2, PANGO_WEIGHT_BOLD, FALSE, 1, PANGO_ALIGN_RIGHT);
    }
  y += h + 2;

  rj_page_show_text (page->cr, page->context, page->left + page->width * 0.7, y,
                     page->width * 0.3, printed, SMALL, PANGO_WEIGHT_NORMAL, FALSE, 1,
                     PANGO_ALIGN_RIGHT);
  y += show_plain (page, page->left, y, page->width * 0.7 - 4,
                   _("Made with my counsellor. What I will do when the going gets hard."),
                   BODY + 0.5, PANGO_WEIGHT_NORMAL, 1);
  disclaimer = g_markup_printf_escaped (
      "<i>%s</i>",
      _("Client self-report, made on the client's own computer; not a clinical record"));
  y += show_markup (page, page->left, y, page->width, disclaimer, SMALL,
                    PANGO_WEIGHT_NORMAL, 1);
  y += 3;
  rj_page_hline (page->cr, page->left, y, page->width, 1.5);
  return y + GAP;
}

/* The crisis lines, at the foot of the page; returns where the sections must end. */
static double
draw_footer (Page  *page,
             double bottom)
{
  const char *text = _("If you are in danger right now, call 911. Call or text 988 (Suicide & "
                       "Crisis Lifeline) or call SAMHSA's helpline, 1-800-662-4357, any time.");
  double h = rj_page_show_text (NULL, page->context, 0, 0, page->width, text, SMALL,
                                PANGO_WEIGHT_NORMAL, FALSE, 2, PANGO_ALIGN_LEFT);
  double y = bottom - h;

  rj_page_hline (page->cr, page->left, y - 3, page->width, 0.5);
  show_plain (page, page->left, y, page->width, text, SMALL, PANGO_WEIGHT_NORMAL, 2);
  return y - 3 - GAP;
}

/**
 * rj_plan_page_draw:
 * @cr: where to draw
 * @width: the page's width in points
 * @height: the page's height in points
 * @profile: the profile whose plan to print
 * @generated: the time shown as "printed"
 *
 * Draws the whole plan, always on one page.
 */
void
rj_plan_page_draw (cairo_t         *cr,
                   double           width,
                   double           height,
                   const RjProfile *profile,
                   GDateTime       *generated)
{
  Page page = { 0 };
  double margin, top, bottom;
  guint f;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (width > 0 && height > 0);
  g_return_if_fail (profile != NULL);
  g_return_if_fail (generated != NULL);

  margin = rj_page_begin (cr, width, height);
  page.cr = cr;
  page.context = rj_page_create_context (cr);
  page.profile = profile;
  page.plan = &profile->plan;
  page.left = margin;
  page.width = width - 2 * margin;
  page.fit = &fits[0];

  top = draw_header (&page, margin, generated);
  bottom = draw_footer (&page, height - margin);

  /* The most generous fit whose sections end above the footer. */
  page.cr = NULL;
  for (f = 0; f + 1 < G_N_ELEMENTS (fits); f++)
    {
      page.fit = &fits[f];
      if (draw_sections (&page, top) <= bottom)
        break;
    }
  page.fit = &fits[f];
  page.cr = cr;

  cairo_save (cr);
  cairo_rectangle (cr, 0, top - 1, width, MAX (bottom - top, 0) + 1);
  cairo_clip (cr);
  draw_sections (&page, top);
  cairo_restore (cr);

  cairo_restore (cr);
  g_object_unref (page.context);
}

typedef struct {
  const RjProfile *profile;
  GDateTime *generated;
} PdfPage;

static void
draw_pdf_page (cairo_t  *cr,
               double    width,
               double    height,
               gpointer  user_data)
{
  PdfPage *pdf_page = user_data;

  rj_plan_page_draw (cr, width, height, pdf_page->profile, pdf_page->generated);
}

/**
 * rj_plan_page_write_pdf:
 * @path: the file the client chose
 * @width: the page's width in points
 * @height: the page's height in points
 * @profile: the profile whose plan to print
 * @generated: the time shown as "printed"
 * @error: return location for a #GError
 *
 * Writes the plan as a one-page PDF straight into @path, readable only by its owner.
 * This blocks: call it from a thread.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
rj_plan_page_write_pdf (const char       *path,
                        double            width,
                        double            height,
                        const RjProfile  *profile,
                        GDateTime        *generated,
                        GError          **error)
{
  PdfPage pdf_page = { profile, generated };

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (profile != NULL, FALSE);
  g_return_val_if_fail (generated != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return rj_page_write_pdf (path, width, height, _("My relapse-prevention plan"),
                            draw_pdf_page, &pdf_page, error);
}
