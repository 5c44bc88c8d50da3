/*
 * Internals of the minutes' writers.  The builders (export_bienban.c,
 * export_en.c) make the layout model (export_doc.h) with the parts both
 * languages share (export_parts.c), each part written from a table of
 * the language's words (export_words.c), so the logic of a part exists
 * once.  The renderers (export_text.c, export_html.c, export_docx.c,
 * export_odt.c) turn the model into bytes.
 */
#ifndef MINUTES_EXPORT_LAYOUT_H
#define MINUTES_EXPORT_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/model.h"

struct buf;
struct doc;
struct doc_para;
struct err;
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
	void		(*date)(struct buf *, const char *iso);
	const char	*status[4];	/* by enum act_status */
	/* Recipients. */
	const char	*recipients;
	const char	*none;		/* an empty section */
};

extern const struct export_words export_words_vi, export_words_en;

/* A date as the minutes write it in a sentence: "2 October 2025", or
 * "05/02/2024" (Vietnamese documents' numeric form); text that is not a
 * date as it is. */
void	 export_date_en(struct buf *, const char *iso);
void	 export_date_dmy(struct buf *, const char *iso);

/* --- building the model (export_parts.c) --- */

/* A malloc'd upper-case copy (Vietnamese letters included). */
char	*export_upper(const char *);
/* The attendee called name (folded comparison), or NULL; else the first
 * attendee with role r when name is NULL. */
const struct attendee *export_person(const struct meeting *,
	    const char *name, enum role r);
/* Appends "Name, Position, Organisation". */
void	 export_person_line(struct buf *, const struct attendee *);

/* A paragraph of the body size holding text, indented first/rest text
 * columns. */
struct doc_para *export_line(struct doc *, const char *text, unsigned first,
	    unsigned rest);
/* A centred paragraph of one run. */
struct doc_para *export_centred(struct doc *, const char *text,
	    unsigned flags, unsigned half_pt);
/* A numbered heading of the minutes ("3. Kết luận"), after a blank. */
void	 export_heading(struct doc *, size_t num, const char *heading);
/* A text section's body: each line a paragraph, a run of blank lines one
 * blank, list items ("- ", "+ ", "* ") with a hanging indent. */
void	 export_body(struct doc *, const char *body);
/* The attendance: present/total, the list of those present with their
 * roles and proxies, then the absent. */
void	 export_attendance(struct doc *, const struct meeting *,
	    const struct export_words *);
/* The review of earlier meetings' tasks as a numbered part of the
 * minutes (number ++*num); nothing when the meeting reviewed none. */
void	 export_review(struct doc *, const struct meeting *,
	    const struct export_words *, size_t *num);
/* The recipients (a ";"-separated list), one per line. */
void	 export_recipients(struct doc *, const char *list,
	    const struct export_words *);
/* Two signature blocks: titles in line, names three lines below (a NULL
 * name leaves the line blank). */
void	 export_signatures(struct doc *, const char *left_title,
	    const char *left_name, const char *right_title,
	    const char *right_name);

/* The builders: the minutes of meeting m in the template's language. */
void	 export_doc_bienban(struct doc *, const struct meeting *,
	    const struct tmpl *);
void	 export_doc_en(struct doc *, const struct meeting *,
	    const struct tmpl *);
/* The one the template's language asks for. */
void	 export_doc_build(struct doc *, const struct meeting *,
	    const struct tmpl *);

/* --- rendering (one file each) --- */

/* The text layout, no line wider than width columns (display width). */
void	 export_render_text(struct buf *, const struct doc *, size_t width);
void	 export_render_html(struct buf *, const struct doc *);
int	 export_render_docx(struct buf *, const struct doc *, struct err *);
int	 export_render_odt(struct buf *, const struct doc *, struct err *);

/* Text primitives (export_text.c).  Appends s (one paragraph; '\n' is
 * taken as a space) wrapped at width: the first line after first spaces,
 * the others after rest spaces. */
void	 export_wrap(struct buf *, const char *s, size_t width, size_t first,
	    size_t rest);
/* Appends s wrapped at width, each line centred. */
void	 export_center(struct buf *, const char *s, size_t width);

#endif
