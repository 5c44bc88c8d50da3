/*
 * Marking the minutes final from the editor, and reopening them.  F9 first
 * saves, then runs the series checklist (series.h): while anything is
 * missing it lists the gaps and jumps to the one chosen, so the secretary
 * fixes them one by one; with nothing missing it asks, then stores the
 * status.  Final minutes are read-only in the editor until F9 reopens
 * them after a confirmation, so a stray key cannot change signed minutes.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/series.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "tui/editor/tui_page.h"
#include "tui/tui.h"

static void
reopen(struct page_host *h)
{
	if (tui_ask(_("Reopen"), _("These minutes are final.  Reopen them "
	    "for editing? They become a draft again. (y/n)"), "yn") != 'y')
		return;
	meeting_set(h->m, F_STATUS, "draft");
	h->final = false;
	h->changed(h, PART_HEADER);
	if (h->save(h) == 0)
		h->status(h, false, _("Reopened: the minutes are a draft again"));
}

/* Lists what is missing, and goes to the one chosen. */
static void
missing(struct page_host *h, const struct check_item *items, size_t n)
{
	char **text = xcalloc(n, sizeof *text);
	const char **list = xcalloc(n, sizeof *list);
	char title[200];
	int r;

	for (size_t i = 0; i < n; i++) {
		text[i] = series_check_text(h->m, h->tp, &items[i]);
		list[i] = text[i];
	}
	/* Not tui_fmt: the dialog formats its frame with it. */
	snprintf(title, sizeof title, _("Not final yet: %zu missing "
	    "(Enter goes there)"), n);
	r = tui_choose(title, list, n, 0);
	if (r >= 0)
		h->fix(h, &items[r]);
	h->status(h, true, tui_fmt(_("Not final: %zu missing (F9 lists them)"),
	    n));
	for (size_t i = 0; i < n; i++)
		free(text[i]);
	free(text);
	free(list);
}

void
page_final_key(struct page_host *h)
{
	struct check_item *items = NULL;
	size_t n = 0;

	if (h->readonly) {
		h->status(h, true, _("Read-only: this meeting is open in "
		    "another minutes"));
		return;
	}
	if (h->final) {
		reopen(h);
		return;
	}
	/* The checklist reads the meeting in memory: bring it up to date. */
	if (h->save(h) != 0)
		return;
	series_checklist(h->m, h->tp, &items, &n);
	if (n > 0) {
		missing(h, items, n);
		free(items);
		return;
	}
	free(items);
	if (tui_ask(_("Mark final"), _("Nothing is missing.  Mark the minutes "
	    "final? They become read-only until reopened. (y/n)"), "yn") != 'y')
		return;
	meeting_set(h->m, F_STATUS, "final");
	h->changed(h, PART_HEADER);
	if (h->save(h) == 0) {
		h->final = true;
		h->status(h, false, _("Final: read-only; F9 reopens"));
	} else
		meeting_set(h->m, F_STATUS, "draft");
}
