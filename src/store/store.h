/*
 * The store: the one module that speaks SQL.  It opens the SQLite file (WAL,
 * synchronous=NORMAL, foreign keys, busy timeout), or a PostgreSQL store
 * when given a postgresql:// URI (store_pg*.c; see src/store/README),
 * applies forward migrations keyed on PRAGMA user_version, and offers
 * whole operations on the records of model.h.  Every write is one BEGIN IMMEDIATE transaction,
 * so a failed write leaves the database exactly as it was; every statement
 * is prepared once and bound, never built from user text.
 */
#ifndef MINUTES_STORE_H
#define MINUTES_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model.h"
#include "lib/pool.h"

struct err;
struct store;
struct tmpl;

/* The schema version this program writes; a database with a newer one is
 * refused rather than misread. */
#define STORE_SCHEMA_VERSION 5

enum store_open_flags {
	STORE_CREATE = 1	/* create file (0600) and folder (0700) if missing */
};

/* path is a file name, or a PostgreSQL connection URI
 * (postgresql://[user[:password]@][host][:port]/dbname[?...]), which is
 * never taken for a file; STORE_CREATE then means nothing: the schema is
 * created in the database on first use, by a role allowed to. */
int	 store_open(const char *path, int flags, struct store **, struct err *);
void	 store_close(struct store *);
/* The file name, or the URI without its password. */
const char *store_path(const struct store *);
/* True for a PostgreSQL store; for a name that store_open would take
 * for a PostgreSQL URI. */
bool	 store_is_shared(const struct store *);
bool	 store_is_uri(const char *name);
/* How long a write waits for another program's lock before failing
 * (default 5000 ms).  The editor's autosave uses a short wait so typing
 * never stalls behind a lock; it retries instead. */
void	 store_set_busy_timeout(struct store *, int ms);

/* One line of the meeting list. */
struct meeting_summary {
	int64_t	 id;
	char	 date[11];
	char	*title;
	char	*series;	/* NULL when none */
	char	*template_id;
	bool	 final;
	int	 open_tasks;	/* open or doing */
};
/* All meetings, newest first (date, then id).  *out is malloc'd. */
int	 store_meeting_list(struct store *, struct meeting_summary **out,
	    size_t *n, struct err *);
/* The same from the offset-th meeting on, at most limit of them (0 for
 * all), and how many meetings there are: a screen shows its first page
 * before it reads the rest. */
int	 store_meeting_list_range(struct store *, size_t offset, size_t limit,
	    struct meeting_summary **out, size_t *n, struct err *);
int	 store_meeting_count(struct store *, size_t *n, struct err *);
void	 store_summaries_free(struct meeting_summary *, size_t n);

/* Inserts a whole meeting (header, attendees, sections, actions) in one
 * transaction; sets m->id and the ids of its attendees and actions. */
int	 store_meeting_insert(struct store *, struct meeting *m, struct err *);
/* Loads a whole meeting.  ERR_INPUT if there is no such id. */
int	 store_meeting_load(struct store *, int64_t id, struct meeting *out,
	    struct err *);
bool	 store_meeting_exists(struct store *, int64_t id);

/* Saves the header fields of m (by m->id). */
int	 store_meeting_save_header(struct store *, const struct meeting *m,
	    struct err *);
/* Saves one section's text. */
int	 store_section_save(struct store *, int64_t meeting_id, const char *key,
	    const char *body, struct err *);
/* Saves several sections and the header in one transaction (what the
 * editor's autosave does); keys[i] goes with bodies[i]. */
int	 store_meeting_save_texts(struct store *, const struct meeting *m,
	    const char *const *keys, size_t nkeys, struct err *);
/* Makes the meeting's attendee list m->att: rows with an id are updated,
 * the others inserted (their ids set), the rest deleted. */
int	 store_attendees_save(struct store *, const struct meeting *m,
	    struct err *);
/* Makes the stored actions of m->id equal m->act: updates those with an
 * id, inserts those without (setting their ids), deletes the others. */
int	 store_actions_save(struct store *, struct meeting *m, struct err *);
/* What the editor saves, in one transaction, so that the text and the
 * tasks' spans into it are never stored from different moments: the
 * header and the sections keys[0..nkeys) when texts is set, the roster,
 * the tasks.  These saves write over what another instance saved
 * meanwhile (a task's status aside); store_meeting_sync below does not,
 * and is what an editor should use. */
int	 store_meeting_save(struct store *, struct meeting *m, bool texts,
	    const char *const *keys, size_t nkeys, bool roster, bool tasks,
	    struct err *);

/* --- Edit locks (store_lock.c) ------------------------------------------
 * Marks that a meeting is open for editing, so that a second instance can
 * warn.  Each instance that edits a meeting has its own mark (host, pid,
 * the start of its process, a heartbeat), and never removes or replaces
 * another's.  A mark is another instance's, alive, when its heartbeat is
 * younger than STORE_LOCK_STALE seconds and, on this host, its process
 * still runs (not a zombie) with the start time recorded with the mark:
 * a crashed editor, a zombie or a PID reused by another program never
 * holds a meeting.  Every write runs in BEGIN IMMEDIATE. */
#define STORE_LOCK_STALE 30
/* Another live instance's pid in *other_pid (0 if none), without marking
 * anything: what to ask before opening read-only or editing. */
int	 store_lock_other(struct store *, int64_t meeting_id, long *other_pid,
	    struct err *);
/* Marks the meeting open for editing by this process (or renews the
 * mark), drops the marks of dead holders, and says whether another live
 * instance has it open too (*other_pid, 0 if none).  Call it when editing
 * starts and then at least every STORE_LOCK_STALE / 3 seconds. */
int	 store_lock_take(struct store *, int64_t meeting_id, long *other_pid,
	    struct err *);
/* store_lock_take without the answer. */
int	 store_lock_refresh(struct store *, int64_t meeting_id, struct err *);
/* Removes this process's mark (only its own). */
void	 store_lock_release(struct store *, int64_t meeting_id);

/* --- Saving beside another writer (store_sync.c) --------------------------
 * Two instances may edit one meeting ("edit anyway", or a second screen
 * while `minutes action` runs): the last save must not silently win.
 * Every section text has a revision, bumped by each save.  A caller keeps
 * a base: the meeting as the store had it when this caller last loaded or
 * saved it, with those revisions.  store_meeting_sync then stores, in one
 * transaction, only what this caller changed since its base, merged with
 * what others stored meanwhile (core/merge.h has the rules): a text whose
 * revision moved on is merged with the stored one against the base text,
 * keeping both versions, marked, where both changed the same place; rows
 * are merged by id, header fields field by field. */
struct store_base;

/* Loads meeting id into *out for editing, and its base (freed with
 * store_base_free).  ERR_INPUT if there is no such meeting. */
int	 store_meeting_open(struct store *, int64_t id, struct meeting *out,
	    struct store_base **base, struct err *);
void	 store_base_free(struct store_base *);
/* The revision of section key the caller started from (0: none). */
int64_t	 store_base_rev(const struct store_base *, const char *key);

/* What store_meeting_sync did with other instances' changes. */
struct store_sync_report {
	size_t	 merged;	/* texts, rows, fields: theirs taken in */
	size_t	 kept_both;	/* texts and rows where both were kept */
	size_t	 overridden;	/* fields changed on both sides: ours kept */
	char	**changed;	/* sections whose text in m changed */
	size_t	 nchanged;
	bool	 header;	/* m's header fields changed */
	bool	 roster;	/* m's roster changed */
	bool	 tasks;		/* m's tasks changed (merged, or their spans
				 * moved with a text: save them next time) */
};
void	 store_sync_report_free(struct store_sync_report *);

enum store_sync_parts {
	STORE_SYNC_HEADER = 1, STORE_SYNC_ROSTER = 2, STORE_SYNC_TASKS = 4,
	/* Leave the search index for store_search_catch_up: refolding and
	 * indexing a 10 MB section takes about 0.6 s, most of such a save. */
	STORE_SYNC_INDEX_LATER = 8
};

/*
 * Saves what the caller changed since base and takes in what others
 * stored since, in one transaction: the header, roster and tasks when
 * parts says so, and the sections keys[0..nkeys) (those this caller
 * changed; the others are taken as unchanged here, and any that someone
 * else changed are read into m).  On success m holds what is now stored
 * (the caller redraws what the report names: rep->changed lists the
 * sections whose text changed under it) and base follows it.  On failure
 * nothing is written and m and base are as they were: retry later.
 * *rep is filled in either way; free it with store_sync_report_free.
 */
int	 store_meeting_sync(struct store *, struct store_base *base,
	    struct meeting *m, const char *const *keys, size_t nkeys,
	    unsigned parts, struct store_sync_report *rep, struct err *);

/* --- Search (store_search.c) ---------------------------------------------
 * Every meeting is in a full-text index (schema version 2): its title,
 * header, roster, section texts and tasks, as written and folded
 * (search_fold: case, marks, đ -> d).  The store's own writes keep it
 * current in the same transaction; deleting a meeting removes it. */

/* Which part of a meeting a hit's snippet comes from. */
enum search_part {
	SEARCH_PART_TITLE, SEARCH_PART_HEADER, SEARCH_PART_ROSTER,
	SEARCH_PART_SECTION, SEARCH_PART_TASKS
};

struct search_hit {
	int64_t		 id;
	char		 date[11];
	char		*title;
	bool		 exact;		/* matched with the diacritics as typed */
	enum search_part part;		/* where the best match is */
	char		*section;	/* its key for SEARCH_PART_SECTION */
	char		*text;		/* that part's text, for a snippet */
};

struct search_query;

/* The best hits of q, at most limit: first the meetings that match with
 * the diacritics as typed, then those that match only when folded; in
 * each, those where q's words stand together in order first; then the
 * most recently added first.  *out is malloc'd. */
int	 store_search(struct store *, const struct search_query *q,
	    size_t limit, struct search_hit **out, size_t *n, struct err *);
void	 store_search_hits_free(struct search_hit *, size_t n);
/* Indexes the meetings whose saves left it for later
 * (STORE_SYNC_INDEX_LATER), one transaction each; store_search does it
 * before it searches. */
int	 store_search_catch_up(struct store *, struct err *);
/* Rebuilds the whole index (after a restore, or to repair). */
int	 store_search_rebuild(struct store *, struct err *);
/* Bytes of the database file the index takes, when SQLite can tell
 * (dbstat); -1 otherwise. */
int64_t	 store_search_size(struct store *);
/* --- Action review (store_action.c) ------------------------------------ */

/* Which items a review lists: open (open or doing), overdue (open or doing
 * and due before today), or every status. */
enum store_act_scope { STORE_ACT_OPEN, STORE_ACT_OVERDUE, STORE_ACT_ALL };

struct store_act_filter {
	enum store_act_scope scope;
	const char	*today;		/* YYYY-MM-DD; required */
	const char	*assignee;	/* substring, folded both sides; or NULL */
	int64_t		 meeting_id;	/* 0 for every meeting */
	const char	*series;	/* exact series, or NULL */
	const char	*due_before;	/* YYYY-MM-DD, exclusive; or NULL */
	bool		 with_notes;	/* fill last_note (the open and overdue
					 * scopes read it only when asked) */
	bool		 brief;		/* the backend may fill only what a
					 * table shows: ids, meeting title,
					 * assignee, task, due, status */
	const char	*closed_since;	/* with the open scope: also the items
					 * closed (done, dropped) on or after
					 * this YYYY-MM-DD; or NULL */
};

/* Items matching f: overdue first, then by due date, undated last, then by
 * id.  *out is malloc'd (NULL when n is 0).  The open items come from one
 * covering index, in one statement. */
int	 store_act_query(struct store *, const struct store_act_filter *f,
	    struct action_row **out, size_t *n, struct err *);
/*
 * The same items as a table shows them (store_act_brief.c): only the
 * columns it prints, their text in a pool the list owns, each meeting's
 * title read once and shared by its items.  Reading 10,000 open items
 * this way takes half the time of store_act_query, for which every row
 * is a dozen allocations.
 */
struct act_brief_row {
	int64_t		 id;
	int64_t		 meeting_id;
	const char	*title;
	const char	*assignee;	/* NULL when none */
	const char	*task;
	const char	*due;		/* YYYY-MM-DD, NULL when undated */
	enum act_status	 status;
	bool		 overdue;
};
struct act_brief {
	struct act_brief_row *row;
	size_t		 n;
	struct pool	 text;		/* what the rows point into */
	struct action_row *full;	/* or the rows of store_act_query they
					 * point into, where the brief read
					 * does not serve (n of them) */
};
int	 store_act_brief(struct store *, const struct store_act_filter *f,
	    struct act_brief *out, struct err *);
void	 store_act_brief_free(struct act_brief *);
/* The same in two steps, for a screen that shows a long review at once:
 * the ids of the items in that order (from the index alone, so cheap),
 * then the rows of any run of them into out[0..n).  An item deleted
 * between the two is returned with only its id (a.meeting_id 0). */
int	 store_act_ids(struct store *, const struct store_act_filter *f,
	    int64_t **ids, size_t *n, struct err *);
int	 store_act_fetch(struct store *, const char *today,
	    const int64_t *ids, size_t n, struct action_row *out,
	    struct err *);
/* One item by id (overdue judged against today); ERR_INPUT if none. */
int	 store_act_get(struct store *, int64_t id, const char *today,
	    struct action_row *out, struct err *);

/* One status change of an item; old_status is NULL for its creation. */
struct store_act_event {
	char		 at[21];	/* YYYY-MM-DDTHH:MM:SSZ */
	char		*old_status;
	char		*new_status;
	char		*note;		/* NULL when none */
	int64_t		 review_meeting_id;	/* 0 when none */
	char		*by;		/* the role that made it (PostgreSQL
					 * only), or NULL */
};
/* The item's history, oldest first. */
int	 store_act_history(struct store *, int64_t id,
	    struct store_act_event **out, size_t *n, struct err *);
void	 store_act_events_free(struct store_act_event *, size_t n);

/* Sets the item's status and appends a history row (with note, which may be
 * NULL), in one transaction.  *old (if not NULL) gets the status it had.
 * Setting the status it already has records a row only when there is a
 * note, and *changed (if not NULL) says whether the status moved.
 * ERR_INPUT if there is no such item. */
int	 store_act_set_status(struct store *, int64_t id, enum act_status,
	    const char *note, enum act_status *old, bool *changed,
	    struct err *);

/* The same, as part of the review of open items at a later meeting:
 * the history row names that meeting. */
int	 store_act_review(struct store *, int64_t id, enum act_status,
	    const char *note, int64_t review_meeting_id, struct err *);

/* The items reviewed at meeting_id, each with its last change there,
 * oldest meeting's first.  *out is malloc'd (review_items_free). */
int	 store_act_reviewed(struct store *, int64_t meeting_id,
	    struct review_item **out, size_t *n, struct err *);

/* The meeting's section text the item was found in, or NULL (not an error)
 * when it was entered by hand or the section is gone; malloc'd. */
int	 store_act_source(struct store *, const struct action_row *,
	    char **text, struct err *);

/* --- end of action review ---------------------------------------------- */


/* --- series: what a new meeting inherits (store_series.c) --------------- */

/* The latest meeting of series dated on or before date, other than
 * exclude_id, loaded whole into *out; out->id is 0 when there is none. */
int	 store_series_previous(struct store *, const char *series,
	    const char *date, int64_t exclude_id, struct meeting *out,
	    struct err *);
/* Open or doing actions of the series' meetings dated on or before date,
 * other than exclude_id's, oldest meeting first, and those exclude_id's
 * meeting reviewed whatever their status now.  *out is malloc'd; free
 * each with action_free.  If notes is not NULL, (*notes)[i] is the note
 * the meeting gave item i in its review (malloc'd, or NULL). */
int	 store_series_open_actions(struct store *, const char *series,
	    const char *date, int64_t exclude_id, struct action **out,
	    char ***notes, size_t *n, struct err *);

/* The names of the series, each once as stored, the most recently met
 * first.  *out is a malloc'd array of malloc'd strings (free with
 * store_names_free). */
int	 store_series_names(struct store *, char ***out, size_t *n,
	    struct err *);
void	 store_names_free(char **, size_t n);
/* The series a typed name is, as stored: the spelling of the series it
 * is the same as (series_same: case, blanks, the tone mark's place), or
 * else the name as typed with its blanks cleaned (series_clean).  *out is
 * malloc'd, NULL for a blank name. */
int	 store_series_resolve(struct store *, const char *typed, char **out,
	    struct err *);
/* Creates the meeting `minutes new` and the new-meeting dialog describe
 * (meeting_new: date as typed, the template's defaults), in the series
 * typed as it is stored, starting from the header and roster of the
 * series' last meeting (meeting_new_inherit), and stores it; *id is its
 * id.  0, or the error of the first step that failed (nothing stored). */
int	 store_series_new_meeting(struct store *, const struct tmpl *,
	    const char *series, const char *title, const char *date,
	    int64_t *id, struct err *);

/* People seen in earlier rosters, for completion: each name once, with
 * the position and organisation of its latest appearance, most recent
 * first. */
struct person {
	char	*name;
	char	*position;
	char	*organisation;
};
int	 store_people(struct store *, struct person **out, size_t *n,
	    struct err *);
void	 store_people_free(struct person *, size_t n);

/* --- suggestions the secretary has answered (store_suggest.c) ----------- */

/* Digests (see suggest.h) of the suggestions accepted or dismissed in one
 * section of a meeting.  *out is a malloc'd array of malloc'd strings. */
int	 store_suggestions_seen(struct store *, int64_t meeting_id,
	    const char *section, char ***out, size_t *n, struct err *);
/* Records the answer; state is "accepted" or "dismissed". */
int	 store_suggestion_mark(struct store *, int64_t meeting_id,
	    const char *section, const char *digest, const char *state,
	    struct err *);
/* Forgets an answer (the editor's mark of a muted section, unmuted). */
int	 store_suggestion_forget(struct store *, int64_t meeting_id,
	    const char *section, const char *digest, struct err *);

/* --- sharing: PostgreSQL only (store_pg*.c), and copying ------------- */

/* Lets the existing database roles roles[0..n) use the store: run by the
 * schema's owner.  ERR_INPUT on a SQLite store or for an unknown role. */
int	 store_grant(struct store *, const char *const *roles, size_t n,
	    struct err *);

struct store_copy_stats {
	size_t	 copied;	/* meetings written */
	size_t	 skipped;	/* already there */
};
/* Copies every meeting of from into to (store_copy.c), with its tasks,
 * their histories and stamps, in one transaction of to. */
int	 store_copy(struct store *from, struct store *to,
	    struct store_copy_stats *, struct err *);

#endif
