/*
 * The records a meeting is made of, as plain C structs shared by the store,
 * the Markdown format, the exporters and the screens: a meeting with its
 * header, attendees, section texts and action items.  Enumerations have one
 * canonical English word each (used in files, JSON and the database) and
 * functions to parse and name them; validation lives here so every way in
 * (import, CLI, screen) applies the same rules.
 */
#ifndef MINUTES_MODEL_H
#define MINUTES_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct err;

enum role { ROLE_CHAIR, ROLE_SECRETARY, ROLE_MEMBER, ROLE_GUEST };
enum presence { PRES_PRESENT, PRES_ABSENT, PRES_REPRESENTED };
enum act_status { ACT_OPEN, ACT_DOING, ACT_DONE, ACT_DROPPED };
enum mstatus { MEETING_DRAFT, MEETING_FINAL };

struct attendee {
	int64_t		 id;		/* 0 until stored */
	char		*name;
	char		*position;	/* may be NULL */
	char		*organisation;	/* may be NULL */
	enum role	 role;
	enum presence	 presence;
	char		*proxy;		/* who represented them, or NULL */
};

struct action {
	int64_t		 id;		/* 0 until stored */
	int64_t		 meeting_id;
	char		*assignee;	/* may be NULL */
	char		*task;
	char		*due;		/* YYYY-MM-DD or NULL */
	char		*due_text;	/* the phrase it came from, or NULL */
	enum act_status	 status;
	/* The status as last read from or written to the store (when id is
	 * set): a status the editor did not change is not written back over
	 * one changed elsewhere meanwhile. */
	enum act_status	 base_status;
	char		*src_section;	/* section key it was found in, or NULL */
	int64_t		 src_start;	/* byte span in that section's text */
	int64_t		 src_end;
};

/* An action as lists show it (the review, `minutes actions`, the
 * exports of action lists): the action with its meeting. */
struct action_row {
	struct action	 a;		/* a.meeting_id is set */
	char		*meeting_title;
	char		 meeting_date[11];
	char		*meeting_series;	/* NULL when none */
	char		 created[21];	/* YYYY-MM-DDTHH:MM:SSZ */
	char		 updated[21];
	char		 closed[21];	/* when it was last set done or
					 * dropped, if it is; else "" */
	char		 uuid[37];	/* random, fixed for the item's life:
					 * what other programs know it by */
	bool		 overdue;	/* open or doing, due before today */
	char		*last_note;	/* the latest note of its history, or
					   NULL */
};
void	 action_row_free(struct action_row *);
void	 action_rows_free(struct action_row *, size_t n);

/* An earlier meeting's task as this meeting's review left it: read from
 * the tasks' history, never written through the meeting. */
struct review_item {
	char		*assignee;	/* may be NULL */
	char		*task;
	char		*due;		/* may be NULL */
	enum act_status	 status;
	char		*note;		/* may be NULL */
};

struct section_text {
	char		*key;
	char		*body;		/* NFC UTF-8, never NULL */
};

/* Header fields in their canonical (Markdown front matter) order; the
 * strings are the front-matter keys. */
enum field {
	F_TEMPLATE, F_SERIES, F_TITLE, F_ORGANISATION, F_NUMBER, F_STYLE,
	F_DATE, F_START, F_END, F_PLACE, F_LOCALITY, F_CHAIR, F_SECRETARY,
	F_RECIPIENTS, F_STATUS, F_NFIELDS
};

struct meeting {
	int64_t		 id;		/* 0 until stored */
	char		*field[F_NFIELDS];	/* NULL when not set; see below */
	/* Each array grows through meeting_add_* (XPUSH), with its capacity
	 * beside it; code that frees or replaces an array sets both. */
	struct attendee	*att;
	size_t		 natt, attcap;
	struct section_text *sec;
	size_t		 nsec, seccap;
	struct action	*act;
	size_t		 nact, actcap;
	struct review_item *rev;	/* filled by store_meeting_load only */
	size_t		 nrev;
};
/* field[F_STATUS] is "draft" or "final"; field[F_DATE] is YYYY-MM-DD;
 * field[F_START]/[F_END] HH:MM; field[F_STYLE] "state" or "party";
 * field[F_LOCALITY] the place of issue (địa danh) of the biên bản's date
 * line, "Bình Giang" in "Bình Giang, ngày 18 tháng 9 năm 2025" (when
 * unset, the exports derive it from the organisation). */

const char	*field_key(enum field);
int		 field_parse(const char *key);	/* -1 if unknown */

const char	*role_word(enum role);
bool		 role_parse(const char *, enum role *);
const char	*presence_word(enum presence);
bool		 presence_parse(const char *, enum presence *);
const char	*status_word(enum act_status);
/* The status in the user's language, for people to read (status_word is
 * the word stored, exported and typed on the command line). */
const char	*status_label(enum act_status);
/* The same for a stored word (history); an unknown word as it is. */
const char	*status_label_of(const char *word);
bool		 status_parse(const char *, enum act_status *);

void		 meeting_init(struct meeting *);
void		 meeting_free(struct meeting *);
/* Sets a header field (copying; NULL or "" clears it). */
void		 meeting_set(struct meeting *, enum field, const char *);
const char	*meeting_get(const struct meeting *, enum field);
/* The section text for key, or NULL; meeting_section_set copies. */
const char	*meeting_section(const struct meeting *, const char *key);
void		 meeting_section_set(struct meeting *, const char *key,
		    const char *body);
struct attendee	*meeting_add_attendee(struct meeting *);
struct action	*meeting_add_action(struct meeting *);
/* Keeps the source spans of the actions taken from section key on the same
 * words when its text changes from old to new: spans before or after the
 * edit stay or move with it; a span the edit touched is found again by its
 * words, nearest first, or else marked unknown (-1).  True if any moved. */
bool		 meeting_follow_edit(struct meeting *, const char *key,
		    const char *old, const char *new);

/* True if s is NULL or holds only spaces and tabs.  One-line values are
 * trimmed in the Markdown format (SPEC section 8), so such a value is
 * empty there, and a name or task made of it is no name or task. */
bool		 model_blank(const char *s);
/* s without the spaces and tabs around it, malloc'd; NULL if that leaves
 * nothing. */
char		*model_trim(const char *s);

/* The field's name for people, in the interface language ("Ngày" for
 * date): what messages and forms call it. */
const char	*field_label(enum field);
/* Checks a header field's value as stored (a date YYYY-MM-DD, a time
 * HH:MM); an error message names the field by its label.  Returns 0 or
 * ERR_INPUT. */
int		 field_validate(enum field, const char *value, struct err *);
/* The message for v, a stored date (what: the field) that is not
 * YYYY-MM-DD: it says what a file or the store needs ("03/07/2024 is to
 * be written yyyy-mm-dd here: 2024-07-03"), and never calls a real date
 * unreal.  Returns ERR_INPUT. */
int		 model_date_error(struct err *, const char *what, const char *v);
/* A header field's value as a person typed it, made what is stored:
 * blanks around it dropped (NULL when nothing is left), a date read in
 * any of the forms cal_read_date takes (day and month alone in the year
 * of date, a YYYY-MM-DD, when date is given), a time in any of
 * cal_read_time's, then validated.  *out is malloc'd (or NULL); 0 or
 * ERR_INPUT with a message naming the field. */
int		 field_input(enum field, const char *typed, const char *date,
		    char **out, struct err *);
/* Checks the whole meeting: required fields, valid values, valid UTF-8
 * everywhere, no newlines inside one-line values. */
int		 meeting_validate(const struct meeting *, struct err *);
/* Puts every string of the meeting in NFC. */
void		 meeting_normalise(struct meeting *);

void		 attendee_free(struct attendee *);
void		 action_free(struct action *);
void		 action_copy(struct action *dst, const struct action *src);
void		 review_items_free(struct review_item *, size_t n);

#endif
