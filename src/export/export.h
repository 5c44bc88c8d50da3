/*
 * Writers that turn a stored meeting into something to read or process:
 * JSON (the whole meeting, for scripts) and text (the biên bản, what
 * `show` prints; export_text.c, export_bienban.c).  The Markdown interchange format lives in mdformat.c.  Writers
 * append to a buf; the caller decides where the bytes go, so a failed
 * export never leaves half a file behind.
 */
#ifndef MINUTES_EXPORT_H
#define MINUTES_EXPORT_H

#include <stddef.h>

struct buf;
struct err;
struct meeting;
struct tmpl;

/* One JSON object: header, attendees, sections (in template order, with
 * headings), tasks with ids and statuses. */
void	export_json(struct buf *, const struct meeting *, const struct tmpl *);
/* The minutes as a document to print and sign, in the template's
 * language: for a Vietnamese template the biên bản in the meeting's style
 * (state: Decree 30/2020/NĐ-CP form 1.9; party: Guidance 36-HD/VPTW), else
 * plain English minutes.  No line is wider than width columns (display
 * width; at least 20); control characters are escaped. */
void	export_text(struct buf *, const struct meeting *, const struct tmpl *,
	    size_t width);
/* One self-contained HTML page holding export_text's layout, every
 * character of the meeting escaped, ready to print. */
void	export_html(struct buf *, const struct meeting *, const struct tmpl *,
	    size_t width);

#endif
