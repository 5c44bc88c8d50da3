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
#include "core/tmpl.h"
#include "lib/i18n.h"
#include "lib/xmalloc.h"
#include "tui/editor/tui_editor.h"
#include "tui/tui.h"

/* Jumps to where item c can be fixed. */
static void
go_fix(struct editor *ed, const struct check_item *c)
{
	switch (c->kind) {
	case CHECK_NO_CHAIR:
		tui_editor_goto_field(ed, F_CHAIR);
		break;
	case CHECK_NO_SECRETARY:
		tui_editor_goto_field(ed, F_SECRETARY);
		break;
	case CHECK_NO_END:
		tui_editor_goto_field(ed, F_END);
		break;
	case CHECK_EMPTY_SECTION:
		for (size_t i = 1; i < ed->npg; i++)
			if (ed->pg[i].sec &&
			    strcmp(ed->pg[i].sec->key, c->section) == 0)
				tui_editor_goto_page(ed, i);
		break;
	case CHECK_TASK_NO_ASSIGNEE:
	case CHECK_TASK_NO_DUE:
		for (size_t i = 1; i < ed->npg; i++)
			if (ed->pg[i].kind == PAGE_TASKS) {
				tui_editor_goto_page(ed, i);
				ed->tasks.cur = c->task;
			}
		break;
	}
}

static void
reopen(struct editor *ed)
{
	if (tui_ask(_("Reopen"), _("These minutes are final.  Reopen them "
	    "for editing? They become a draft again. (y/n)"), "yn") != 'y')
		return;
	meeting_set(&ed->m, F_STATUS, "draft");
	ed->final = false;
	ed->header_dirty = true;
	if (tui_editor_save(ed) == 0)
		tui_editor_status(ed, false, _("Reopened: the minutes are a "
		    "draft again"));
}

void
tui_final_key(struct editor *ed)
{
	struct check_item *items = NULL;
	size_t n = 0;

	if (ed->readonly) {
		tui_editor_status(ed, true, _("Read-only: this meeting is open "
		    "in another minutes"));
		return;
	}
	if (ed->final) {
		reopen(ed);
		return;
	}
	/* The checklist reads the meeting in memory: bring it up to date. */
	if (tui_editor_save(ed) != 0)
		return;
	series_checklist(&ed->m, ed->tp, &items, &n);
	if (n > 0) {
		char **text = xcalloc(n, sizeof *text);
		const char **list = xcalloc(n, sizeof *list);
		int r;

		for (size_t i = 0; i < n; i++) {
			text[i] = series_check_text(&ed->m, ed->tp, &items[i]);
			list[i] = text[i];
		}
		char title[200];

		/* Not tui_fmt: the dialog formats its frame with it. */
		snprintf(title, sizeof title, _("Not final yet: %zu missing "
		    "(Enter goes there)"), n);
		r = tui_choose(title, list, n, 0);
		if (r >= 0)
			go_fix(ed, &items[r]);
		tui_editor_status(ed, true, tui_fmt(_("Not final: %zu missing "
		    "(F9 lists them)"), n));
		for (size_t i = 0; i < n; i++)
			free(text[i]);
		free(text);
		free(list);
		free(items);
		return;
	}
	free(items);
	if (tui_ask(_("Mark final"), _("Nothing is missing.  Mark the minutes "
	    "final? They become read-only until reopened. (y/n)"), "yn") != 'y')
		return;
	meeting_set(&ed->m, F_STATUS, "final");
	ed->header_dirty = true;
	if (tui_editor_save(ed) == 0) {
		ed->final = true;
		tui_editor_status(ed, false, _("Final: read-only; F9 reopens"));
	} else
		meeting_set(&ed->m, F_STATUS, "draft");
}
