/*
 * The table of export formats (see export.h): the one list that the
 * command line (its option check and usage text), the screens' export
 * dialog and the manual page's list follow.  A new format is one row
 * here and one writer beside the others.
 */
#include "config.h"

#include <string.h>

#include "core/mdformat.h"
#include "core/model.h"
#include "core/tmpl.h"
#include "export/export.h"
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

static int
write_html(struct buf *b, const struct meeting *m, const struct tmpl_set *set,
    const struct tmpl *t, size_t width, struct err *e)
{
	(void)set;
	(void)e;
	export_html(b, m, t, width);
	return 0;
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
	if (width < 20)
		width = 20;
	if (t && t->lang && strcmp(t->lang, "vi") == 0)
		export_bienban(b, m, t, width);
	else
		export_text_en(b, m, t, width);
}
