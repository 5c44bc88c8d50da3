/*
 * Inside the PostgreSQL backend (store_pg*.c, the only files that include
 * libpq-fe.h): the connection handle, running statements with bound text
 * parameters under a deadline, transactions, and reading result cells.
 *
 * Every statement is a literal run with its values bound, never spliced
 * in: the first time unnamed (parsed, bound and run in one round trip),
 * from the second on prepared once per connection (its address is the
 * cache key, as in the SQLite backend).  A command runs most of its
 * statements once; the screens run the same ones all session.  A lost
 * connection is noticed at the next statement, reported like a failed
 * save, and re-opened by the call after it (not inside a transaction,
 * which the server has already rolled back).
 */
#ifndef MINUTES_STORE_PG_IMPL_H
#define MINUTES_STORE_PG_IMPL_H

#include <libpq-fe.h>

#include "store/store_pg_lib.h"

#include "store/store_copy.h"
#include "store/store_pg.h"

/* The schema version of the PostgreSQL store (its own numbering: the
 * SQLite file's is STORE_SCHEMA_VERSION).  A newer one is refused. */
#define PGS_SCHEMA_VERSION 2

struct pgs {
	PGconn		*conn;		/* NULL after a loss, until re-opened */
	char		*uri;		/* as given, password included */
	char		*shown;		/* without the password */
	int		 busy_ms;	/* lock_timeout, and the wait's base */
	int		 depth;		/* 1 inside a transaction */
	bool		 connecting;	/* no retry while setting one up */
	char		 state[6];	/* SQLSTATE of the last failure */
	long long	 retry_at;	/* ms: no new connection before */
	const char	**prep;		/* statements prepared on conn: "s<i>" */
	size_t		 nprep, capprep;
	const char	**once;		/* run once; prepared if again */
	size_t		 nonce, caponce;
	int64_t		*held;		/* meetings whose edit lock we hold */
	size_t		 nheld, capheld;
};

/* A statement's parameters, as text (NULL is SQL NULL). */
#define PGP_MAX 20
struct pgp {
	const char	*v[PGP_MAX];
	char		 num[PGP_MAX][24];
	int		 n;
};
#define PGP_INIT { .n = 0 }
/* Text, NULL for NULL or "" (as the SQLite backend stores them). */
void	 pgp_text(struct pgp *, const char *);
/* Text as it is: "" stays "". */
void	 pgp_str(struct pgp *, const char *);
void	 pgp_int(struct pgp *, int64_t);
void	 pgp_null(struct pgp *);

/* Runs sql; the result (tuples or command) or NULL with e set. */
PGresult *pg_run(struct pgs *, const char *sql, const struct pgp *,
	    const char *what, struct err *);
/* The same, for a statement whose rows do not matter; *rows (if not
 * NULL) gets how many it changed. */
int	 pg_do(struct pgs *, const char *sql, const struct pgp *,
	    const char *what, struct err *);
int	 pg_do_rows(struct pgs *, const char *sql, const struct pgp *,
	    const char *what, long *rows, struct err *);
/* Runs sql and makes an element of size bytes (zeroed, then given to
 * fill) of each row it returns: *out is malloc'd, NULL when none. */
int	 pg_rows(struct pgs *, const char *sql, const struct pgp *,
	    const char *what, size_t size,
	    void (*fill)(const PGresult *, int row, void *elem), void **out,
	    size_t *n, struct err *);
/* Runs a script of several statements, written here, never from user
 * text (the schema's migrations): the simple protocol, no parameters. */
int	 pg_script(struct pgs *, const char *sql, const char *what,
	    struct err *);
/* A read-write transaction, a read-only snapshot (every statement in it
 * sees the same data), their end. */
int	 pg_begin(struct pgs *, struct err *);
int	 pg_read_begin(struct pgs *, const char *what, struct err *);
int	 pg_commit(struct pgs *, struct err *);
void	 pg_rollback(struct pgs *);
/* Runs fn inside one transaction: committed when it returns 0. */
int	 pg_tx(struct pgs *, int (*fn)(struct pgs *, void *, struct err *),
	    void *arg, struct err *);

/* Cells: a malloc'd copy or NULL; a number (0 for NULL); a stamp or
 * date copied into a fixed buffer ("" for NULL). */
char	*pg_dup(const PGresult *, int row, int col);
int64_t	 pg_int(const PGresult *, int row, int col);
void	 pg_copy(char *dst, size_t n, const PGresult *, int row, int col);
bool	 pg_true(const PGresult *, int row, int col);
/* The first column of every row of r as strings (NULL for NULL) in a
 * malloc'd vector; r is cleared. */
void	 pg_strings(PGresult *r, char ***out, size_t *n);

/* Session set-up after every (re)connection; the schema check at open
 * (store_pg_schema.c). */
int	 pg_schema_check(struct pgs *, struct err *);
/* Rebuilds one meeting's row of the search index (store_pg_search.c);
 * every write of a meeting's text calls it before its commit, or
 * pg_search_defer: a merging save allowed to leave the index for later
 * does so for a meeting whose texts reach PG_INDEX_LATER_BYTES
 * (store_pg_sync.c), and pgs_search_catch_up indexes it. */
int	 pg_search_refresh(struct pgs *, int64_t id, struct err *);
#define PG_INDEX_LATER_BYTES (64 * 1024)
int	 pg_search_defer(struct pgs *, int64_t id, struct err *);
/* Roster and task rows of a meeting (store_pg_rows.c), as store_rows.c
 * writes them on SQLite: rows keep their ids.  pg_action_status gives
 * the stored status of task id (NULL when there is none), locking the
 * row until the commit. */
/* Binds a row as $1..$8 (attendee) or $1..$10 (task): the meeting, the
 * position, then the columns in the order of the inserts. */
void	 pg_bind_attendee(struct pgp *, int64_t meeting_id, size_t pos,
	    const struct attendee *);
void	 pg_bind_action(struct pgp *, int64_t meeting_id, size_t pos,
	    const struct action *);
int	 pg_write_attendees(struct pgs *, int64_t meeting_id,
	    struct attendee *v, size_t n, struct err *);
int	 pg_action_status(struct pgs *, int64_t id, char **out, struct err *);
int	 pg_write_action(struct pgs *, int64_t meeting_id, size_t pos,
	    struct action *a, const char *old, struct err *);
int	 pg_delete_actions_except(struct pgs *, int64_t meeting_id,
	    const struct action *v, size_t n, struct err *);
/* Meetings (store_pg_meeting.c): the whole of meeting id into m
 * (initialised here), inside the caller's transaction; ERR_INPUT if
 * there is none.  pg_own_meeting: before a write of its parts, that the
 * meeting is this role's, locked against other writers until the
 * commit. */
int	 pg_meeting_read(struct pgs *, int64_t id, struct meeting *m,
	    struct err *);
int	 pg_own_meeting(struct pgs *, int64_t id, struct err *);
/* One part of meeting id added to m (sets m->id; ERR_INPUT for the header
 * of no meeting); PG_TASKS_LOCKED locks the task rows until the commit. */
enum pg_part { PG_HEADER, PG_ROSTER, PG_TEXTS, PG_TASKS, PG_TASKS_LOCKED };
int	 pg_read_part(struct pgs *, enum pg_part, int64_t id, struct meeting *m,
	    struct err *);
/* Writes m's header fields over meeting m->id's: ERR_INPUT for no
 * meeting, refused for another unit's. */
int	 pg_update_header(struct pgs *, const struct meeting *m, struct err *);
/* The review's list order and columns (store_pg_action.c), used by the
 * series queries too. */
void	 pg_fill_row(const PGresult *, int row, struct action_row *);
/* A task's status as stored, locked until the commit; 0, ERR_INPUT if
 * there is no such task (or it is not this role's to see). */
int	 pg_task_status(struct pgs *, int64_t id, enum act_status *,
	    struct err *);

#endif
