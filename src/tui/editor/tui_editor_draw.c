/*
 * Drawing the meeting editor (the rest of it is in tui_editor.c): the
 * title bar with the present/total count, the progress line of filled
 * sections, the page itself, and below or beside it either the section's
 * guidance or, while there are any, the suggested tasks.  What the frame
 * shows of the meeting is read into ed->bg first, and while a save runs
 * on its thread (tui_editor_bg.c) the frame shows it as read before.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "core/model.h"
#include "core/tmpl.h"
#include "lib/cal.h"
#include "lib/i18n.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"
#include "tui/editor/tui_editor.h"
#include "tui/editor/tui_page.h"
#include "tui/tui.h"

/* The title bar's texts and each page's mark, from the meeting. */
void
tui_editor_frame_read(struct editor *ed)
{
	struct editor_bg *bg = &ed->bg;
	const struct meeting *m = &ed->m;
	const char *title = meeting_get(m, F_TITLE);
	char d[11];
	int present = 0;

	for (size_t i = 0; i < m->natt; i++)
		present += m->att[i].presence != PRES_ABSENT;
	snprintf(bg->title, sizeof bg->title, "%s — %s", title ? title : "",
	    cal_show(meeting_get(m, F_DATE), d));
	snprintf(bg->id, sizeof bg->id, "%s#%" PRId64 "%s",
	    m->natt ? tui_fmt(_("%d/%zu present  "), present, m->natt) : "",
	    m->id, ed->host.readonly ? _(" (read-only)") : ed->host.final ?
	    _(" (final)") : "");
	if (bg->filled == NULL)
		bg->filled = xcalloc(ed->npg, sizeof *bg->filled);
	for (size_t i = 0; i < ed->npg; i++)
		bg->filled[i] = ed->pg[i]->ops->filled(ed->pg[i]);
}

/* Page i's mark: read now from a text's own buffer, else as read into
 * ed->bg (a save's thread may have the meeting). */
static bool
filled(const struct editor *ed, size_t i)
{
	const struct page *p = ed->pg[i];

	return p->ops->plain ? p->ops->filled(p) : ed->bg.filled[i];
}

static void
draw_progress(struct editor *ed, int y)
{
	int x = 1, nfilled = 0, total = 0, need = 0;
	bool full;

	for (size_t i = 1; i < ed->npg; i++) {
		total++;
		nfilled += filled(ed, i);
	}
	x += tui_puts(y, x, COLS - x, tui_fmt(_("%d/%d filled:"), nfilled,
	    total));
	for (size_t i = 0; i < ed->npg; i++)
		need += 2 + (int)utf8_width(ed->pg[i]->title,
		    strlen(ed->pg[i]->title));
	/* Headings when they fit, else section numbers. */
	full = x + need < COLS;
	for (size_t i = 0; i < ed->npg && x < COLS - 1; i++) {
		const struct page *p = ed->pg[i];
		char num[24];
		const char *label;

		snprintf(num, sizeof num, "%zu", i);
		label = tui_fmt(" %s%s", filled(ed, i) ? "✓" : "·",
		    full ? p->title : num);
		if (i == ed->cur)
			attron(A_REVERSE);
		x += tui_puts(y, x, COLS - x, label);
		if (i == ed->cur)
			attroff(A_REVERSE);
	}
}

/* The guidance: the template's prompt for this section. */
static void
draw_prompt(struct editor *ed, int y, int x, int h, int w)
{
	const char *s = ed->pg[ed->cur]->prompt;
	size_t len, i = 0, next;
	int r = 0;

	if (h <= 0 || w <= 2)
		return;
	if (s == NULL || *s == '\0')
		s = _("Free text.  Type as the meeting goes; it is saved by itself.");
	len = strlen(s);
	attron(A_DIM);
	while (i < len && r < h) {
		size_t n = utf8_wrap(s + i, len - i, (size_t)w, &next);

		tui_put(y + r++, x, w, s + i, n);
		i += next;
	}
	attroff(A_DIM);
}

/* The status line without news: what the page shown takes.  A table
 * (attendees, tasks, the review) is worked with keys, not typed into. */
static const char *
page_hint(const struct editor *ed, const struct page *p)
{
	if (p->sec == NULL && ed->cur > 0)
		return _("d done  g doing  x dropped  o still open  ? keys");
	if (p->sec && p->sec->kind == SEC_ROSTER)
		return _("a add  Enter edit  d delete  Space present  r role  "
		    "? keys");
	if (p->sec && p->sec->kind == SEC_TASKS)
		return _("a add  Enter edit  d delete  s status  K/J move  "
		    "? keys");
	if (p->sec && p->sec->kind == SEC_TEXT)
		return _("Type; the text is saved by itself.  F8 next speaker");
	return _("Type; the text is saved by itself.");
}

void
tui_editor_draw(struct tui_screen *s)
{
	struct editor *ed = s->data;
	struct page *p = ed->pg[ed->cur];
	int top = 3, bottom = LINES - 1, side = 0, ph = 0, w = COLS;
	int sr = p->ops->panel_rows ? p->ops->panel_rows(p) : 0;
	char bar[800];

	if (!ed->bg.running)
		tui_editor_frame_read(ed);
	tui_bar(0, ed->bg.title, ed->bg.id, A_REVERSE);
	draw_progress(ed, 1);
	attron(A_BOLD);
	tui_puts(2, 1, COLS - 2, tui_fmt("%zu/%zu  %s", ed->cur, ed->npg - 1,
	    p->title));
	attroff(A_BOLD);
	/* Guidance at the side on wide screens, else below the text. */
	if (COLS >= 110) {
		side = 36;
		w = COLS - side - 1;
		mvvline(top, w, ACS_VLINE, bottom - top);
		draw_prompt(ed, top, w + 2, bottom - top, side - 2);
	} else if (LINES >= 16 && sr > 0) {
		/* A panel takes the guidance's place while it has rows. */
		ph = sr + 1;
		mvhline(bottom - ph, 0, ACS_HLINE, COLS);
	} else if (LINES >= 16) {
		ph = 4;
		mvhline(bottom - ph, 0, ACS_HLINE, COLS);
		tui_puts(bottom - ph, 2, COLS - 4, tui_fmt(" %s ", _("Guidance")));
		draw_prompt(ed, bottom - ph + 1, 1, ph - 1, COLS - 2);
	}
	if (sr > 0 && side > 0) {
		ph = sr + 1;
		mvhline(bottom - ph, 0, ACS_HLINE, w);
	}
	if (sr > 0 && ph > 0)
		p->ops->panel_draw(p, bottom - ph + 1, 1, ph - 1, w - 2);
	/* "Saved at" is routine: on a table, its keys stay in view. */
	if (ed->status[0] && ed->status_routine && (p->sec ?
	    p->sec->kind != SEC_TEXT : ed->cur > 0))
		snprintf(bar, sizeof bar, "%s  %s", ed->status, page_hint(ed, p));
	else
		snprintf(bar, sizeof bar, "%s", ed->status[0] ? ed->status :
		    page_hint(ed, p));
	tui_bar(LINES - 1, bar, _("F1 help  F10 leave"), ed->status_err ?
	    A_REVERSE | A_BOLD : A_REVERSE);
	p->ops->draw(p, top, 1, bottom - ph - top, w - 1);
}
