/*
 * The XML writer (see export_xml.h).
 */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "export/export_xml.h"
#include "lib/buf.h"

void
xml_esc(struct buf *b, const char *s)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '&':	buf_adds(b, "&amp;"); break;
		case '<':	buf_adds(b, "&lt;"); break;
		case '>':	buf_adds(b, "&gt;"); break;
		case '"':	buf_adds(b, "&quot;"); break;
		case '\'':	buf_adds(b, "&apos;"); break;
		default:
			/* XML 1.0 has no place for C0 controls but tab,
			 * newline and carriage return, nor for DEL's
			 * neighbours' meaning: leave them out. */
			if (c >= 0x20 || c == '\t' || c == '\n')
				buf_addc(b, (char)c);
			break;
		}
	}
}

static void
tag(struct buf *b, const char *name, va_list ap, const char *end)
{
	const char *k;

	buf_addc(b, '<');
	buf_adds(b, name);
	while ((k = va_arg(ap, const char *)) != NULL) {
		const char *v = va_arg(ap, const char *);

		buf_printf(b, " %s=\"", k);
		xml_esc(b, v);
		buf_addc(b, '"');
	}
	buf_adds(b, end);
}

void
xml_open(struct buf *b, const char *name, ...)
{
	va_list ap;

	va_start(ap, name);
	tag(b, name, ap, ">");
	va_end(ap);
}

void
xml_empty(struct buf *b, const char *name, ...)
{
	va_list ap;

	va_start(ap, name);
	tag(b, name, ap, "/>");
	va_end(ap);
}

void
xml_close(struct buf *b, const char *name)
{
	buf_printf(b, "</%s>", name);
}

void
xml_elem(struct buf *b, const char *name, const char *text)
{
	buf_printf(b, "<%s>", name);
	xml_esc(b, text);
	xml_close(b, name);
}
