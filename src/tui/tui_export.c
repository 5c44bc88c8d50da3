/*
 * Exporting one meeting from the screens: a small form asks for the
 * format and the file name, then the same writers as `minutes export`
 * fill a buffer that goes to the file in one atomic write, so a failed
 * export never leaves half a file.  The file name (the kind of document
 * in the interface language, the meeting's date and title) follows the
 * format as it is turned while the user has not typed one of their own,
 * and a line under the fields says which folder the file goes to.  The
 * checks before writing (no name, the database itself, a file that
 * exists) are tui_may_write's, as for every file the screens write.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/model.h"
#include "core/textbuf.h"
#include "export/export.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/filewrite.h"
#include "lib/i18n.h"
#include "lib/utf8.h"
#include "lib/xmalloc.h"
#include "store/store.h"
#include "tui/tui.h"

#define MAX_FORMATS 16

/* The dialog's state. */
struct expdlg {
	struct meeting	 m;
	struct textbuf	 tb;
	struct tui_field f[2];
	struct tui_form	 form;
	const char	*names[MAX_FORMATS];
	char		*def;		/* the name suggested for the format */
	struct buf	 note;		/* where the file goes */
};

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

/* The folder a name goes to, absolute, and whether it is there. */
static void
set_note(struct expdlg *d)
{
	const char *path = tb_text(&d->tb), *slash = strrchr(path, '/');
	char *cwd = getcwd(NULL, 0), *dir;
	struct stat st;

	if (slash == NULL)
		dir = xstrdup(cwd ? cwd : ".");
	else if (path[0] == '/')
		dir = xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
	else
		dir = xasprintf("%s/%.*s", cwd ? cwd : ".", (int)(slash - path),
		    path);
	buf_reset(&d->note);
	/* Said first: a long path is cut at its end. */
	buf_printf(&d->note, stat(dir, &st) == 0 && S_ISDIR(st.st_mode) ?
	    _("Folder: %s") : _("Folder (not found): %s"), dir);
	d->form.note = buf_str(&d->note);
	free(dir);
	free(cwd);
}

/* After each key: a name not typed by the user follows the format. */
static void
changed(struct tui_form *form, void *arg)
{
	struct expdlg *d = arg;
	const struct export_format *fmt = export_format_at(form->f[0].choice);
	char *def;

	if (strcmp(tb_text(&d->tb), d->def) == 0) {
		def = default_name(&d->m, fmt->ext);
		if (strcmp(def, d->def) != 0) {
			tb_set(&d->tb, def, strlen(def));
			tb_move(&d->tb, TB_BOTTOM);
		}
		free(d->def);
		d->def = def;
	}
	set_note(d);
}

static void
setup(struct expdlg *d)
{
	size_t n = export_format_count();

	if (n > MAX_FORMATS)
		n = MAX_FORMATS;
	for (size_t i = 0; i < n; i++)
		d->names[i] = export_format_at(i)->name;
	tb_init(&d->tb);
	d->tb.single_line = true;
	d->def = default_name(&d->m, export_format_at(0)->ext);
	tb_set(&d->tb, d->def, strlen(d->def));
	tb_move(&d->tb, TB_BOTTOM);
	d->f[0].label = _("Format");
	d->f[0].choices = d->names;
	d->f[0].nchoices = n;
	d->f[1].label = _("File");
	d->f[1].tb = &d->tb;
	d->form.f = d->f;
	d->form.n = 2;
	d->form.changed = changed;
	d->form.carg = d;
	/* Wide enough for the labels in any language. */
	for (size_t i = 0; i < 2; i++) {
		int lw = (int)utf8_width(d->f[i].label, strlen(d->f[i].label)) + 2;

		if (lw > d->form.labelw)
			d->form.labelw = lw;
	}
	set_note(d);
}

void
tui_export_run(struct tui *t, int64_t id)
{
	struct expdlg *d = xcalloc(1, sizeof *d);
	struct buf b = BUF_INIT;
	struct err e;

	meeting_init(&d->m);
	buf_init(&d->note);
	err_clear(&e);
	if (store_meeting_load(t->store, id, &d->m, &e) != 0) {
		tui_ask(_("Export"), e.msg, "\n");
		meeting_free(&d->m);
		free(d);
		return;
	}
	setup(d);
	while (tui_form_run(&d->form, _("Export the meeting"), _("Left/Right "
	    "format, Enter next field, Ctrl-S write, Esc cancel"))) {
		const char *path = tb_text(&d->tb);

		if (!tui_may_write(path, store_path(t->store)))
			continue;
		buf_reset(&b);
		err_clear(&e);
		if (export_meeting(export_format_at(d->f[0].choice), &b, &d->m,
		    t->tmpls, 80, &e) == 0 &&
		    filewrite_atomic(path, buf_str(&b), b.len, &e) == 0) {
			tui_ask(_("Export"), tui_fmt(_("Written to %s."), path),
			    "\n");
			break;
		}
		tui_ask(_("Export"), e.msg, "\n");
	}
	buf_free(&b);
	buf_free(&d->note);
	free(d->def);
	tb_free(&d->tb);
	meeting_free(&d->m);
	free(d);
}
