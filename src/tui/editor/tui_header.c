/*
 * The first page of the editor: the header of the minutes (title,
 * organisation, number, date, times, place, chair, secretary, series,
 * recipients) as a form.  A field is copied into the meeting when it is
 * left, if its value is valid; an invalid one stays in its field, unsaved,
 * and the status line says why, until it is corrected.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/series.h"
#include "core/textbuf.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"
#include "tui/editor/tui_page.h"
#include "tui/tui.h"

static const enum field hdr_fields[] = {
	F_TITLE, F_ORGANISATION, F_NUMBER, F_DATE, F_START, F_END, F_PLACE,
	F_CHAIR, F_SECRETARY, F_SERIES, F_RECIPIENTS
};
#define NHDR (sizeof hdr_fields / sizeof hdr_fields[0])

static const char *const hdr_labels[NHDR] = {
	N_("Title"), N_("Organisation"), N_("Number"), N_("Date (YYYY-MM-DD)"),
	N_("Start (HH:MM)"), N_("End (HH:MM)"), N_("Place"), N_("Chair"),
	N_("Secretary"), N_("Series"), N_("Recipients (;)")
};

struct header {
	struct page	 p;
	struct tui_form	 form;
	struct tui_field fields[NHDR];
	struct textbuf	 tb[NHDR];
	unsigned long	 saved[NHDR];	/* tb[i].changes when last committed */
};

static struct header *
hdr(const struct page *p)
{
	return (struct header *)p;
}

static void
draw(struct page *p, int y, int x, int h, int w)
{
	tui_form_draw(&hdr(p)->form, y, x, h, w - 1, true);
}

static bool
filled(const struct page *p)
{
	return meeting_get(p->host->m, F_TITLE) && meeting_get(p->host->m, F_DATE);
}

static bool
dirty(const struct page *p)
{
	const struct header *hd = hdr(p);

	for (size_t i = 0; i < NHDR; i++)
		if (hd->tb[i].changes != hd->saved[i])
			return true;
	return false;
}

/* Copies edited fields into the meeting when they are valid. */
static void
commit(struct page *p, bool report)
{
	struct header *hd = hdr(p);

	for (size_t i = 0; i < NHDR; i++) {
		struct textbuf *tb = &hd->tb[i];
		enum field f = hdr_fields[i];
		struct err e;
		char *v;

		if (tb->changes == hd->saved[i])
			continue;
		err_clear(&e);
		/* Trimmed, as the Markdown format reads it. */
		v = model_trim(tb_text(tb));
		if ((f == F_TITLE || f == F_DATE) && v == NULL)
			err_set(&e, ERR_INPUT, "%s", f == F_TITLE ?
			    _("the title cannot be empty") :
			    _("the date cannot be empty"));
		else
			field_validate(f, v, &e);
		if (e.code != ERR_OK) {
			free(v);
			if (report)
				p->host->status(p->host, true, e.msg);
			continue;
		}
		meeting_set(p->host->m, f, v);
		free(v);
		hd->saved[i] = tb->changes;
		p->host->changed(p->host, PART_HEADER);
	}
}

/* A field that cannot be stored as typed (a date such as 13/9/2023)
 * goes, as typed, into the meeting for the rescue file, to be corrected
 * there. */
static void
force(struct page *p)
{
	struct header *hd = hdr(p);

	for (size_t i = 0; i < NHDR; i++)
		if (hd->tb[i].changes != hd->saved[i])
			meeting_set(p->host->m, hdr_fields[i], tb_text(&hd->tb[i]));
}

static enum page_res
key(struct page *p, const struct tui_event *ev)
{
	struct header *hd = hdr(p);
	size_t was = hd->form.cur;

	if (tui_form_key(&hd->form, ev) == FORM_ACCEPT)
		return PAGE_NEXT;
	if (hd->form.cur == was)
		return PAGE_DONE;
	/* Leaving a field saves it. */
	commit(p, true);
	return PAGE_SAVE;
}

/* The chair, the secretary and the end time are fixed here. */
static bool
fix(struct page *p, const struct check_item *c)
{
	enum field f = c->kind == CHECK_NO_CHAIR ? F_CHAIR :
	    c->kind == CHECK_NO_SECRETARY ? F_SECRETARY :
	    c->kind == CHECK_NO_END ? F_END : F_NFIELDS;

	for (size_t i = 0; i < NHDR; i++)
		if (hdr_fields[i] == f) {
			hdr(p)->form.cur = i;
			return true;
		}
	return false;
}

static void
free_page(struct page *p)
{
	struct header *hd = hdr(p);

	for (size_t i = 0; i < NHDR; i++)
		tb_free(&hd->tb[i]);
	free(hd);
}

static const struct page_ops header_ops = {
	.help = &page_editor_help,
	.draw = draw,
	.key = key,
	.filled = filled,
	.fix = fix,
	.dirty = dirty,
	.commit = commit,
	.force = force,
	.free = free_page,
};

struct page *
page_header_new(struct page_host *h)
{
	struct header *hd = xcalloc(1, sizeof *hd);

	page_init(&hd->p, &header_ops, h, NULL);
	hd->p.title = _("Meeting details");
	hd->p.prompt = _("The header of the minutes: what, who chairs, who "
	    "writes, when and where.  Up/Down or Enter move between fields.");
	hd->form.f = hd->fields;
	hd->form.n = NHDR;
	for (size_t i = 0; i < NHDR; i++) {
		const char *v = meeting_get(h->m, hdr_fields[i]);
		const char *label = _(hdr_labels[i]);
		size_t w = utf8_width(label, strlen(label));

		tb_init(&hd->tb[i]);
		hd->tb[i].single_line = true;
		if (v)
			tb_set(&hd->tb[i], v, strlen(v));
		hd->saved[i] = hd->tb[i].changes;
		hd->fields[i].label = label;
		hd->fields[i].tb = &hd->tb[i];
		if ((int)w > hd->form.labelw)
			hd->form.labelw = (int)w;
	}
	return &hd->p;
}
