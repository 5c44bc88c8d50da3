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

#include "core/mdformat.h"
#include "core/model.h"
#include "core/textbuf.h"
#include "core/tmpl.h"
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

static const char *const formats[] = { "text", "md", "json", "html" };
static const char *const exts[] = { "txt", "md", "json", "html" };
#define NFORMATS (sizeof formats / sizeof formats[0])

/* Fills b with meeting m in format k. */
static int
render(struct tui *t, const struct meeting *m, size_t k, struct buf *b,
    struct err *e)
{
	const struct tmpl *tp = tmpl_find(t->tmpls, meeting_get(m, F_TEMPLATE) ?
	    meeting_get(m, F_TEMPLATE) : "");

	if (tp == NULL)
		return err_set(e, ERR_INPUT, _("template \"%s\" was not found"),
		    meeting_get(m, F_TEMPLATE));
	switch (k) {
	case 1:
		return md_write(b, m, t->tmpls, e);
	case 2:
		export_json(b, m, tp);
		return 0;
	case 3:
		export_html(b, m, tp, 80);
		return 0;
	default:
		export_text(b, m, tp, 80);
		return 0;
	}
}

void
tui_export_run(struct tui *t, int64_t id)
{
	struct meeting m;
	struct textbuf tb;
	struct tui_field f[2];
	struct tui_form form;
	struct buf b = BUF_INIT;
	struct err e;
	char *def;
	size_t last = 0;

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
	def = xasprintf("meeting-%lld.%s", (long long)id, exts[0]);
	tb_set(&tb, def, strlen(def));
	tb_move(&tb, TB_BOTTOM);
	f[0].label = _("Format");
	f[0].choices = formats;
	f[0].nchoices = NFORMATS;
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
			    exts[f[0].choice]);
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
		if (render(t, &m, f[0].choice, &b, &e) == 0 &&
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
