/*
 * The HTML export (see export.h): one page with no outside resources,
 * every character of the meeting escaped.
 */
#include "config.h"

#include "core/model.h"
#include "core/tmpl.h"
#include "export/export.h"
#include "lib/buf.h"

/* Appends s with the characters HTML gives meaning to escaped. */
static void
html_escape(struct buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':	buf_adds(b, "&amp;"); break;
		case '<':	buf_adds(b, "&lt;"); break;
		case '>':	buf_adds(b, "&gt;"); break;
		case '"':	buf_adds(b, "&quot;"); break;
		case '\'':	buf_adds(b, "&#39;"); break;
		default:	buf_addc(b, *s); break;
		}
	}
}

/* The page is the text layout in a <pre>: the two-column header and the
 * signature blocks are laid out by display width already, and a table
 * layout would be a second rendering to keep in step with the first. */
void
export_html(struct buf *b, const struct meeting *m, const struct tmpl *t,
    size_t width)
{
	struct buf txt = BUF_INIT;
	const char *lang = t && t->lang ? t->lang : "en";

	export_text(&txt, m, t, width);
	buf_adds(b, "<!DOCTYPE html>\n<html lang=\"");
	html_escape(b, lang);
	buf_adds(b, "\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
	html_escape(b, m->field[F_TITLE] ? m->field[F_TITLE] : "");
	buf_adds(b, "</title>\n<style>\n"
	    "body { margin: 2cm auto; max-width: 21cm; }\n"
	    "pre { font-family: \"DejaVu Sans Mono\", \"Liberation Mono\","
	    " monospace; font-size: 11pt; line-height: 1.35;"
	    " white-space: pre; }\n"
	    "@page { size: A4; margin: 2cm 1.5cm 2cm 3cm; }\n"
	    "@media print { body { margin: 0; } }\n"
	    "</style>\n</head>\n<body>\n<pre>");
	html_escape(b, buf_str(&txt));
	buf_adds(b, "</pre>\n</body>\n</html>\n");
	buf_free(&txt);
}
