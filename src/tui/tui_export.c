/*
 * Exporting one meeting from the screens: a small form asks for the
 * format (text, Markdown, JSON, HTML) and the file name, then the same
 * writers as `minutes export` fill a buffer that goes to the file in one
 * atomic write, so a failed export never leaves half a file.  The file
 * name follows the format while the user has not typed one of their own.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/model.h"
#include "core/textbuf.h"
#include "export/export.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/filewrite.h"
#include "lib/i18n.h"
#include "lib/paths.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"
#include "store/store.h"
#include "tui/tui.h"

void
tui_export_run(struct tui *t, int64_t id)
{
	struct meeting m;
	struct textbuf tb;
	struct tui_field f[2];
	struct tui_form form;
	struct buf b = BUF_INIT;
	struct err e;
	const char *names[16];
	size_t nformats = export_format_count(), last = 0;
	char *def;

	meeting_init(&m);
	err_clear(&e);
	if (store_meeting_load(t->store, id, &m, &e) != 0) {
		tui_ask(_("Export"), e.msg, "\n");
		meeting_free(&m);
		return;
	}
	memset(f, 0, sizeof f);
	memset(&form, 0, sizeof form);
	tb_init(&tb);
	tb.single_line = true;
	if (nformats > sizeof names / sizeof names[0])
		nformats = sizeof names / sizeof names[0];
	for (size_t i = 0; i < nformats; i++)
		names[i] = export_format_at(i)->name;
	def = xasprintf("meeting-%lld.%s", (long long)id,
	    export_format_at(0)->ext);
	tb_set(&tb, def, strlen(def));
	tb_move(&tb, TB_BOTTOM);
	f[0].label = _("Format");
	f[0].choices = names;
	f[0].nchoices = nformats;
	f[1].label = _("File");
	f[1].tb = &tb;
	form.f = f;
	form.n = 2;
	/* Wide enough for the labels in any language. */
	for (size_t i = 0; i < 2; i++) {
		int lw = (int)utf8_width(f[i].label, strlen(f[i].label)) + 2;

		if (lw > form.labelw)
			form.labelw = lw;
	}
	while (tui_form_run(&form, _("Export the meeting"), _("Left/Right "
	    "format, Enter next field, Ctrl-S write, Esc cancel"))) {
		const char *path = tb_text(&tb);

		/* The default name follows the format chosen. */
		if (f[0].choice != last && strcmp(path, def) == 0) {
			free(def);
			def = xasprintf("meeting-%lld.%s", (long long)id,
			    export_format_at(f[0].choice)->ext);
			tb_set(&tb, def, strlen(def));
			tb_move(&tb, TB_BOTTOM);
			last = f[0].choice;
			path = tb_text(&tb);
		}
		if (*path == '\0')
			continue;
		if (paths_is_database(path, store_path(t->store))) {
			tui_ask(_("Export"), tui_fmt(_("%s is the database; "
			    "export to another file"), path), "\n");
			continue;
		}
		if (access(path, F_OK) == 0 && tui_ask(_("Export"),
		    tui_fmt(_("%s already exists.  Replace it? (y/n)"), path),
		    "yn") != 'y')
			continue;
		buf_reset(&b);
		err_clear(&e);
		if (export_meeting(export_format_at(f[0].choice), &b, &m,
		    t->tmpls, 80, &e) == 0 &&
		    filewrite_atomic(path, buf_str(&b), b.len, &e) == 0) {
			tui_ask(_("Export"), tui_fmt(_("Written to %s."), path),
			    "\n");
			break;
		}
		tui_ask(_("Export"), e.msg, "\n");
	}
	buf_free(&b);
	free(def);
	tb_free(&tb);
	meeting_free(&m);
}
