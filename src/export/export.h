/*
 * Writers that turn a stored meeting into something to read, print or
 * process: the minutes as text (what `show` prints), HTML, DOCX and ODT,
 * all rendered from one layout model (export_doc.h); JSON of the whole
 * meeting for scripts; and the table of formats every front end offers
 * (export.c).  The Markdown interchange format itself lives in
 * core/mdformat.c.  Writers append to a buf; the caller decides where
 * the bytes go, so a failed export never leaves half a file behind.
 */
#ifndef MINUTES_EXPORT_H
#define MINUTES_EXPORT_H

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct err;
struct meeting;
struct tmpl;
struct tmpl_set;

/* One format a meeting can be exported in (export.c holds the table). */
struct export_format {
	const char	*name;		/* as --format takes it */
	const char	*ext;		/* file name extension, no dot */
	const char	*what;		/* one line for help texts (N_, untranslated) */
	bool		 binary;	/* never written to a terminal */
	int		(*write)(struct buf *, const struct meeting *,
			    const struct tmpl_set *, const struct tmpl *,
			    size_t width, struct err *);
};

/* The formats in the order help texts list them, the default first:
 * index 0 .. export_format_count() - 1; NULL past the end. */
const struct export_format *export_format_at(size_t);
size_t	export_format_count(void);
/* The format named name, or NULL. */
const struct export_format *export_format_find(const char *name);
/* Appends meeting m in format f, with the meeting's template from set;
 * width is the line width of the text layouts.  0, or an error code. */
int	export_meeting(const struct export_format *f, struct buf *,
	    const struct meeting *m, const struct tmpl_set *set, size_t width,
	    struct err *);

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
/* The place of issue (địa danh) the biên bản's date line takes from an
 * issuing body's name ("Thành ủy Hải Phòng" gives "Hải Phòng"), malloc'd;
 * NULL when the name holds no administrative unit.  A meeting's own
 * locality field, else its template's, comes first. */
char	*export_locality(const char *organisation);

#endif
