/*
 * Internals shared by the text writers (export_text.c: the helpers and the
 * English layout; export_bienban.c: the Vietnamese biên bản).  Every
 * helper lays text out by display width, never by bytes, escapes control
 * characters, and never writes a line wider than the width it is given
 * (a single word wider than the line is cut, by whole characters).
 */
#ifndef MINUTES_EXPORT_IMPL_H
#define MINUTES_EXPORT_IMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "core/model.h"

struct buf;
struct tmpl;

/* Appends s (one paragraph; '\n' is taken as a space) wrapped at width:
 * the first line after first spaces, the others after rest spaces. */
void	 ex_wrap(struct buf *, const char *s, size_t width, size_t first,
	    size_t rest);
/* Appends s wrapped at width, each line centred. */
void	 ex_center(struct buf *, const char *s, size_t width);
/* Appends a text section's body: each line a paragraph, blank lines kept
 * (runs of them as one), list items ("- ", "+ ", "* ") with a hanging
 * indent; every line after indent spaces. */
void	 ex_body(struct buf *, const char *body, size_t width, size_t indent);

/* Two columns side by side, each line of each wrapped and centred in its
 * column; NULL entries are blank lines. */
struct ex_col {
	const char	*line[8];
	size_t		 n;
	size_t		 width;
};
void	 ex_columns(struct buf *, const struct ex_col *left, size_t gap,
	    const struct ex_col *right);

/* A malloc'd upper-case copy (Vietnamese letters included). */
char	*ex_upper(const char *);

/* The attendee called name (folded comparison), or NULL; else the first
 * attendee with role r when name is NULL. */
const struct attendee *ex_person(const struct meeting *, const char *name,
	    enum role r);

/* The review of earlier meetings' tasks as a numbered part of the
 * minutes (number ++*num), in Vietnamese or English; nothing when the
 * meeting reviewed none. */
void	 ex_review(struct buf *, const struct meeting *, bool vi, size_t width,
	    size_t *num);
void	 export_text_en(struct buf *, const struct meeting *,
	    const struct tmpl *, size_t width);
void	 export_bienban(struct buf *, const struct meeting *,
	    const struct tmpl *, size_t width);

#endif
