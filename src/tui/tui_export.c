/*
 * Exporting one meeting from the screens: a small form asks for the
 * format (text, Markdown, JSON, HTML) and the file name, then the same
 * writers as `minutes export` fill a buffer that goes to the file in one
 * atomic write, so a failed export never leaves half a file.  The file
 * name (the kind of document in the interface language, the meeting's
 * date and title) follows the format while the user has not typed one of
 * their own, and the title shows the folder it goes to.
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

/* The file name a format suggests: the document's kind in the interface
 * language, the meeting's date and the first words of its title, folded
 * to plain letters ("bien-ban-2024-07-03-giao-ban-thuong-truc.docx"). */
static char *
default_name(const struct meeting *m, const char *ext)
{
	const char *title = meeting_get(m, F_TITLE);
	const char *date = meeting_get(m, F_DATE);
	char *fold = utf8_fold(title ? title : "", title ? strlen(title) : 0);
	struct buf b = BUF_INIT;
	size_t words = 0;
	bool gap = true;

	buf_printf(&b, _("minutes-%s"), date ? date : "");
	for (const char *p = fold; *p; p++) {
		bool al = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9');

		if (al && gap) {
			if (words++ == 4)
				break;
			buf_addc(&b, '-');
		}
		if (al)
			buf_addc(&b, *p);
		gap = !al;
	}
	buf_printf(&b, ".%s", ext);
	free(fold);
	return buf_steal(&b);
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
	const char *names[16];
	size_t nformats = export_format_count(), last = 0;
	char *def, *cwd, title[512];

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
	def = default_name(&m, export_format_at(0)->ext);
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
	/* The title says where a relative name goes. */
	cwd = getcwd(NULL, 0);
	snprintf(title, sizeof title, _("Export the meeting to %s"),
	    cwd ? cwd : ".");
	free(cwd);
	while (tui_form_run(&form, title, _("Left/Right "
	    "format, Enter next field, Ctrl-S write, Esc cancel"))) {
		const char *path = tb_text(&tb);

		/* The default name follows the format chosen; the form
		 * shows it again, so what is written is what was shown. */
		if (f[0].choice != last && strcmp(path, def) == 0) {
			free(def);
			def = default_name(&m, export_format_at(f[0].choice)->ext);
			tb_set(&tb, def, strlen(def));
			tb_move(&tb, TB_BOTTOM);
			last = f[0].choice;
			continue;
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
