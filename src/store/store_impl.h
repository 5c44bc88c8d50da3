/*
 * Internals shared by the store's files (store.c: connection, schema and
 * migrations; store_meeting.c: meetings, attendees, sections, actions,
 * locks).  Nothing outside store*.c includes this or sqlite3.h.
 */
#ifndef MINUTES_STORE_IMPL_H
#define MINUTES_STORE_IMPL_H

#include <sqlite3.h>

#include "store/store.h"
#include "store/store_pg.h"

struct stmt_slot {
	const char	*sql;	/* the literal: its address is the cache key */
	sqlite3_stmt	*st;
};

/* What the database file (and its WAL) looked like: identity, size and
 * modification and change times in nanoseconds (store_check.c); the
 * change time cannot be set back, as touch -r sets the other.  All zero when the
 * file is not there; wal_size is -1 when the WAL is not. */
struct st_fstate {
	unsigned long long dev, ino;
	long long	 size, mtime, ctime, wal_size, wal_mtime;
};

struct store {
	sqlite3		*db;
	char		*path;
	struct stmt_slot *cache;
	size_t		 ncache, capcache;
	int		 busy_ms;	/* busy timeout, kept across reconnects */
	/* A PostgreSQL store: then db is NULL, and every public function
	 * hands its call to its twin in store_pg*.c first thing. */
	struct pgs	*pg;
	bool		 created;	/* this process made the file just now */
	struct st_fstate trusted;	/* the file as last checked or written */
	struct st_fstate pre;		/* the file when the write began */
};

/* A prepared statement for the SQL literal, reset and unbound; NULL with an
 * error recorded on failure.  Statements are cached for the connection's
 * life, so the same literal must be passed each time. */
sqlite3_stmt *st_prep(struct store *, const char *sql, struct err *);
/* Records the connection's last error as a runtime error about what. */
int	 st_fail(struct store *, const char *what, struct err *);
int	 st_begin(struct store *, struct err *);	/* BEGIN IMMEDIATE */
int	 st_commit(struct store *, struct err *);
/* Runs fn(s, arg, e) inside one immediate transaction: committed when
 * it returns 0, rolled back (and its code returned) otherwise. */
int	 st_tx(struct store *, int (*fn)(struct store *, void *, struct err *),
	    void *arg, struct err *);
/* A read transaction, so that several statements see the same data even
 * while another instance saves; ended with st_rollback. */
int	 st_read_begin(struct store *, const char *what, struct err *);
void	 st_rollback(struct store *);
/* Runs a statement that returns no rows to completion. */
int	 st_done(struct store *, sqlite3_stmt *, const char *what, struct err *);
/* Steps st to its end, calling row(st, arg) on each row, and resets it.
 * A row callback that returns non-zero stops the walk with that code; a
 * failed step is recorded as st_fail(what) and returns ERR_RUNTIME. */
int	 st_each(struct store *, sqlite3_stmt *st,
	    int (*row)(sqlite3_stmt *, void *), void *arg, const char *what,
	    struct err *);
/* A row callback for st_each: column 0 as a malloc'd string (NULL for
 * NULL) in *(char **)arg, which stays NULL when there is no row. */
int	 st_row_text(sqlite3_stmt *, void *arg);
/* An array st_rows fills with one element of size bytes per row, zeroed
 * and then set from the row by fill.  On failure the elements read so
 * far are left in v[0..n) for the caller to free. */
struct st_rows {
	void	*v;
	size_t	 n, cap, size;
	void	(*fill)(sqlite3_stmt *, void *elem);
};
int	 st_rows(struct store *, sqlite3_stmt *st, struct st_rows *,
	    const char *what, struct err *);
/* The page cache while a long review is read: small for one that seeks
 * each item's meeting, smaller for one that reads in order, SQLite's
 * default after it; see store_action.c. */
enum st_cache { ST_CACHE_DEFAULT, ST_CACHE_SEEK, ST_CACHE_SCAN };
void	 st_review_cache(struct store *, enum st_cache);
/* Moves the first k of the n elements of v (size bytes each) after the
 * others, keeping the order of each part: the undated items of a review,
 * which an index gives first, go last. */
void	 st_to_end(void *v, size_t n, size_t k, size_t size);
/* Binds text, or NULL for NULL/empty. */
int	 st_bind_text(sqlite3_stmt *, int idx, const char *);
/* A malloc'd copy of column i, or NULL for NULL. */
char	*st_col_dup(sqlite3_stmt *, int i);

/* --- Checking the file (store_check.c) ------------------------------------ */

/* Runs PRAGMA quick_check unless the file is as the mark of the last
 * check or write of minutes recorded; a damaged file is ERR_RUNTIME with
 * the message of st_damaged. */
int	 st_check(struct store *, struct err *);
/* "path: the database is damaged (what); nothing was written.  Restore a
 * copy, or ... .recover ...": ERR_RUNTIME. */
int	 st_damaged(struct store *, const char *what, struct err *);
void	 st_fstate(const struct store *, struct st_fstate *);
/* Called with the write lock held, and after the commit: a write of ours
 * on a trusted file leaves a trusted file, and the mark follows it. */
void	 st_check_began(struct store *);
void	 st_check_committed(struct store *);
/* Whether the file is still as this connection last trusted it (before
 * closing: then the state after the close may be marked, with
 * st_check_closed). */
bool	 st_check_unchanged(struct store *);
void	 st_check_closed(const char *path);

/* --- Meetings (store_meeting.c) ------------------------------------------ */

/* The parts of a meeting st_read_part reads into m (adding to what is
 * there); ST_HEADER sets m->id, or fails with ERR_INPUT for no meeting. */
enum st_part { ST_HEADER, ST_ROSTER, ST_TEXTS, ST_TASKS };
int	 st_read_part(struct store *, enum st_part, int64_t id,
	    struct meeting *m, struct err *);
/* The whole meeting into m (initialised here), inside the caller's
 * transaction. */
int	 st_meeting_read(struct store *, int64_t id, struct meeting *m,
	    struct err *);
/* Writes m's header fields over meeting m->id's. */
int	 st_update_header(struct store *, const struct meeting *m,
	    struct err *);

/* --- Rows of a meeting (store_rows.c) ------------------------------------ */

/* Binds a row as ?1..?8 (attendee) or ?1..?10 (task): the meeting, the
 * position, then the columns in the order of the inserts. */
void	 st_bind_attendee(sqlite3_stmt *, int64_t meeting_id, size_t pos,
	    const struct attendee *);
void	 st_bind_action(sqlite3_stmt *, int64_t meeting_id, size_t pos,
	    const struct action *);
/* The roster v[0..n) of meeting_id: rows with an id updated in place, the
 * others inserted (their ids set), stored rows not in v deleted. */
int	 st_write_attendees(struct store *, int64_t meeting_id,
	    struct attendee *v, size_t n, struct err *);
/* The status stored for task id (malloc'd), or NULL when there is none. */
int	 st_action_status(struct store *, int64_t id, char **out,
	    struct err *);
/* Task a at position pos.  old is its stored status: NULL for a task not
 * stored (inserted, its id set, a first history row written); otherwise
 * it is updated, with a history row if its status moved from old. */
int	 st_write_action(struct store *, int64_t meeting_id, size_t pos,
	    struct action *a, const char *old, struct err *);
/* Deletes the stored tasks of meeting_id whose ids are not in v. */
int	 st_delete_actions_except(struct store *, int64_t meeting_id,
	    const struct action *v, size_t n, struct err *);

/* --- Search index (store_search.c) ----------------------------------------
 * Two FTS5 tables.  "search" holds each meeting's text as written (rowid =
 * meeting id), built by SEARCH_DOC_SELECT so that migration 2 and every
 * later refresh build exactly the same text; it keeps its content, for
 * snippets and as the record of what was indexed.  "search_fold" is
 * contentless and indexes minutes_fold() of the same columns; its rows are
 * removed with FTS5's 'delete' command, which needs the folded text that
 * was indexed -- recomputed from "search" before that row is replaced.
 * Both select every meeting; add " WHERE m.id = ?1" or " WHERE rowid = ?1"
 * for one (not "?1 IS NULL OR ...": no index serves that).  Section texts are joined with a
 * record separator (U+001E) and their keys listed in the same order in
 * "keys". */
#define SEARCH_COLUMNS "rowid, title, head, roster, body, tasks, keys"
#define SEARCH_DOC_SELECT \
	"SELECT m.id, m.title," \
	" coalesce(m.organisation, '') || char(10) || coalesce(m.number, '')" \
	"  || char(10) || coalesce(m.place, '') || char(10)" \
	"  || coalesce(m.chair, '') || char(10) || coalesce(m.secretary, '')" \
	"  || char(10) || coalesce(m.series, '') || char(10)" \
	"  || coalesce(m.recipients, '')," \
	" (SELECT group_concat(r, char(10)) FROM (SELECT a.name" \
	"  || coalesce(', ' || a.position, '')" \
	"  || coalesce(', ' || a.organisation, '')" \
	"  || coalesce(' (' || a.proxy || ')', '') AS r FROM attendee a" \
	"  WHERE a.meeting_id = m.id ORDER BY a.pos, a.id))," \
	" (SELECT group_concat(b, char(10, 30, 10)) FROM (SELECT s.body AS b" \
	"  FROM section s WHERE s.meeting_id = m.id ORDER BY s.id))," \
	" (SELECT group_concat(t, char(10)) FROM (SELECT" \
	"  coalesce(a.assignee || ': ', '') || a.task" \
	"  || coalesce(' (' || a.due_text || ')', '') AS t FROM action a" \
	"  WHERE a.meeting_id = m.id ORDER BY a.pos, a.id))," \
	" (SELECT group_concat(k, ' ') FROM (SELECT s.key AS k" \
	"  FROM section s WHERE s.meeting_id = m.id ORDER BY s.id))" \
	" FROM meeting m"
#define SEARCH_FOLD_COLUMNS "rowid, ftitle, fhead, froster, fbody, ftasks"
#define SEARCH_FOLD_SELECT \
	"SELECT rowid, minutes_fold(title), minutes_fold(head)," \
	" minutes_fold(roster), minutes_fold(body), minutes_fold(tasks)" \
	" FROM search"

/* Registers minutes_fold() and minutes_fold_version(); before any
 * migration. */
int	 st_search_register(struct store *, struct err *);
/* After the migrations: refolds the index if the folding has changed
 * since it was built (a new utf8proc), since a contentless index can only
 * forget what it is told exactly. */
void	 st_search_check(struct store *);
/* Rebuilds meeting id's index rows.  Every write that changes a meeting's
 * text must call it inside its transaction, before the commit, or else
 * st_search_defer. */
int	 st_search_refresh(struct store *, int64_t id, struct err *);
/* Records that meeting id's index rows are out of date, for
 * store_search_catch_up (the search does it before it runs). */
int	 st_search_defer(struct store *, int64_t id, struct err *);

#endif
