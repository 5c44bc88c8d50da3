/*
 * The layout the text writers share (export_layout.c): wrapping and
 * centring by display width, two columns side by side, and the parts of
 * the minutes both languages have (attendance, the review of earlier
 * tasks, the recipients), each written from a table of the language's
 * words (export_words.c), so the logic of a part exists once.
 *
 * Every helper lays text out by display width, never by bytes, escapes
 * control characters, and never writes a line wider than the width it is
 * given (a single word wider than the line is cut, by whole characters).
 */
#ifndef MINUTES_EXPORT_LAYOUT_H
#define MINUTES_EXPORT_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/model.h"

struct buf;
struct tmpl;

/* The words one language's minutes use, where the layout is the same. */
struct export_words {
	/* Attendance: head_pre N head_mid M head_post [proxies] head_end. */
	const char	*head_pre, *head_mid, *head_post;
	const char	*proxies_pre, *proxies_post;	/* NULL: not said */
	const char	*head_list, *head_empty;	/* how the line ends */
	const char	*role[4];	/* after a name, by enum role */
	const char	*proxy_pre, *proxy_post, *someone;
	bool		 list_punct;	/* items end in ";", the last in "." */
	const char	*absent_pre, *absent_post;	/* count between */
	bool		 absent_count;
	/* The review of earlier meetings' tasks. */
	const char	*review_title, *due_pre;
	const char	*status[4];	/* by enum act_status */
	/* Recipients. */
	const char	*recipients;
	const char	*none;		/* an empty section */
};

extern const struct export_words export_words_vi, export_words_en;

/* Appends s (one paragraph; '\n' is taken as a space) wrapped at width:
 * the first line after first spaces, the others after rest spaces. */
void	 export_wrap(struct buf *, const char *s, size_t width, size_t first,
	    size_t rest);
/* Appends s wrapped at width, each line centred. */
void	 export_center(struct buf *, const char *s, size_t width);
/* Appends a text section's body: each line a paragraph, blank lines kept
 * (runs of them as one), list items ("- ", "+ ", "* ") with a hanging
 * indent; every line after indent spaces. */
void	 export_body(struct buf *, const char *body, size_t width,
	    size_t indent);

/* Two columns side by side, each line of each wrapped and centred in its
 * column; NULL entries are blank lines. */
struct export_col {
	const char	*line[8];
	size_t		 n;
	size_t		 width;
};
void	 export_columns(struct buf *, const struct export_col *left,
	    size_t gap, const struct export_col *right);

/* A malloc'd upper-case copy (Vietnamese letters included). */
char	*export_upper(const char *);

/* The attendee called name (folded comparison), or NULL; else the first
 * attendee with role r when name is NULL. */
const struct attendee *export_person(const struct meeting *,
	    const char *name, enum role r);
/* Appends "Name, Position, Organisation". */
void	 export_person_line(struct buf *, const struct attendee *);

/* Two signature blocks, titles in line, names three lines below (a NULL
 * name leaves the line blank): left_* on the left, right_* on the right. */
void	 export_signatures(struct buf *, const char *left_title,
	    const char *left_name, const char *right_title,
	    const char *right_name, size_t width);
/* A numbered heading of the minutes ("3. Kết luận"), after a blank line. */
void	 export_heading(struct buf *, size_t num, const char *heading,
	    size_t width);

/* The attendance: present/total, the list of those present with their
 * roles and proxies, then the absent. */
void	 export_attendance(struct buf *, const struct meeting *,
	    const struct export_words *, size_t width);
/* The review of earlier meetings' tasks as a numbered part of the
 * minutes (number ++*num); nothing when the meeting reviewed none. */
void	 export_review(struct buf *, const struct meeting *,
	    const struct export_words *, size_t width, size_t *num);
/* The recipients (a ";"-separated list), one per line. */
void	 export_recipients(struct buf *, const char *list,
	    const struct export_words *, size_t width);

void	 export_text_en(struct buf *, const struct meeting *,
	    const struct tmpl *, size_t width);
void	 export_bienban(struct buf *, const struct meeting *,
	    const struct tmpl *, size_t width);

#endif
