/*
 * The table of export formats (see export.h): the one list that the
 * command line (its option check and usage text), the screens' export
 * dialog and the manual page's list follow.  A new format is one row
 * here and one writer beside the others.  The minutes' formats (text,
 * HTML, DOCX, ODT) build the layout model once (export_doc.h) and render
 * it.
 */
#include "config.h"

#include <string.h>

#include "core/mdformat.h"
#include "core/model.h"
#include "core/tmpl.h"
#include "export/export.h"
#include "export/export_doc.h"
#include "export/export_layout.h"
#include "lib/err.h"
#include "lib/i18n.h"

static int
write_text(struct buf *b, const struct meeting *m, const struct tmpl_set *set,
    const struct tmpl *t, size_t width, struct err *e)
{
	(void)set;
	(void)e;
	export_text(b, m, t, width);
	return 0;
}

static int
write_md(struct buf *b, const struct meeting *m, const struct tmpl_set *set,
    const struct tmpl *t, size_t width, struct err *e)
{
	(void)t;
	(void)width;
	return md_write(b, m, set, e);
}

static int
write_json(struct buf *b, const struct meeting *m, const struct tmpl_set *set,
    const struct tmpl *t, size_t width, struct err *e)
{
	(void)set;
	(void)width;
	(void)e;
	export_json(b, m, t);
	return 0;
}

/* The writers of the layout model: the document built once, then
 * rendered. */
static int
write_doc(struct buf *b, const struct meeting *m, const struct tmpl *t,
    int (*render)(struct buf *, const struct doc *, struct err *),
    struct err *e)
{
	struct doc d;
	int rc;

	export_doc_build(&d, m, t);
	rc = render(b, &d, e);
	doc_free(&d);
	return rc;
}

static int
render_html(struct buf *b, const struct doc *d, struct err *e)
{
	(void)e;
	export_render_html(b, d);
	return 0;
}

static int
write_html(struct buf *b, const struct meeting *m, const struct tmpl_set *set,
    const struct tmpl *t, size_t width, struct err *e)
{
	(void)set;
	(void)width;
	return write_doc(b, m, t, render_html, e);
}

static int
write_docx(struct buf *b, const struct meeting *m, const struct tmpl_set *set,
    const struct tmpl *t, size_t width, struct err *e)
{
	(void)set;
	(void)width;
	return write_doc(b, m, t, export_render_docx, e);
}

static int
write_odt(struct buf *b, const struct meeting *m, const struct tmpl_set *set,
    const struct tmpl *t, size_t width, struct err *e)
{
	(void)set;
	(void)width;
	return write_doc(b, m, t, export_render_odt, e);
}

/* The first row is the default. */
static const struct export_format formats[] = {
	{ "text", "txt", N_("the minutes to print and sign (the biên bản for "
	    "a Vietnamese template)"), false, write_text },
	{ "md", "md", N_("the Markdown minutes format, which import reads "
	    "back"), false, write_md },
	{ "json", "json", N_("the whole meeting as one JSON object"), false,
	    write_json },
	{ "html", "html", N_("one web page to read or print"), false,
	    write_html },
	{ "docx", "docx", N_("the minutes as a Word document (A4, Times New "
	    "Roman)"), true, write_docx },
	{ "odt", "odt", N_("the minutes as an OpenDocument text (LibreOffice)"),
	    true, write_odt },
};

const struct export_format *
export_format_at(size_t i)
{
	return i < sizeof formats / sizeof formats[0] ? &formats[i] : NULL;
}

size_t
export_format_count(void)
{
	return sizeof formats / sizeof formats[0];
}

const struct export_format *
export_format_find(const char *name)
{
	for (size_t i = 0; i < export_format_count(); i++)
		if (strcmp(formats[i].name, name) == 0)
			return &formats[i];
	return NULL;
}

int
export_meeting(const struct export_format *f, struct buf *b,
    const struct meeting *m, const struct tmpl_set *set, size_t width,
    struct err *e)
{
	const char *id = meeting_get(m, F_TEMPLATE);
	const struct tmpl *t = tmpl_find(set, id ? id : "");

	if (t == NULL)
		return err_set(e, ERR_INPUT, _("template \"%s\" was not found"),
		    id ? id : "");
	return f->write(b, m, set, t, width, e);
}

void
export_text(struct buf *b, const struct meeting *m, const struct tmpl *t,
    size_t width)
{
	struct doc d;

	export_doc_build(&d, m, t);
	export_render_text(b, &d, width);
	doc_free(&d);
}
