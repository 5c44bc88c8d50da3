/*
 * The merging save (store_meeting_sync, see store.h) whichever database
 * holds the meeting: store_merge.c decides what to write and what to
 * take in, with core/merge.h's rules, and applies the outcome to the
 * caller's meeting and base once the transaction has committed; each
 * backend (store_sync.c on SQLite, store_pg_sync.c on PostgreSQL) gives
 * it the reads and writes below, runs it inside one of its transactions,
 * and reads the base.  Shared by the store's files only; it names no
 * database library.
 */
#ifndef MINUTES_STORE_MERGE_H
#define MINUTES_STORE_MERGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model.h"
#include "store/store.h"

struct err;

/* What a caller started from: the meeting as stored when it last loaded
 * or saved it, with the revision of each section text. */
struct store_base {
	struct meeting	 m;
	struct rev {
		char	*key;
		int64_t	 rev;
	}		*rev;
	size_t		 nrev, caprev;
};

/* A fresh base, its meeting initialised, no revisions. */
struct store_base *merge_base_new(void);
/* Records (or moves) the revision of section key. */
void	 merge_base_set_rev(struct store_base *, const char *key,
	    int64_t rev);

/* The parts of a meeting a save reads back as stored. */
enum merge_part { MERGE_HEADER, MERGE_ROSTER, MERGE_TASKS };

/* The backend's reads and writes, each inside the save's transaction;
 * db is the backend's handle.  0, or an error code with e set. */
struct merge_ops {
	/* The stored revision of section key of meeting id (0: none). */
	int	(*rev)(void *db, int64_t id, const char *key, int64_t *rev,
		    struct err *);
	/* Its stored text, malloc'd; NULL when there is none. */
	int	(*body)(void *db, int64_t id, const char *key, char **body,
		    struct err *);
	/* Calls fn(arg, key, rev) for each stored section of meeting id. */
	int	(*revs)(void *db, int64_t id,
		    void (*fn)(void *, const char *, int64_t), void *arg,
		    struct err *);
	/* Stores body as section key under revision stored + 1 (a new
	 * section when stored is 0). */
	int	(*write_text)(void *db, int64_t id, const char *key,
		    const char *body, int64_t stored, struct err *);
	/* Adds the stored part of meeting id to m (ERR_INPUT for the header
	 * of no meeting). */
	int	(*read)(void *db, enum merge_part, int64_t id,
		    struct meeting *m, struct err *);
	/* Writes m's header fields over meeting m->id's. */
	int	(*write_header)(void *db, const struct meeting *m,
		    struct err *);
	/* The roster and task rows, as st_write_attendees, st_write_action
	 * and st_delete_actions_except write them (store_impl.h). */
	int	(*write_attendees)(void *db, int64_t id, struct attendee *v,
		    size_t n, struct err *);
	int	(*write_action)(void *db, int64_t id, size_t pos,
		    struct action *a, const char *old, struct err *);
	int	(*delete_actions_except)(void *db, int64_t id,
		    const struct action *v, size_t n, struct err *);
	/* The search index of meeting m->id after the save: at once, or
	 * (later) left for store_search_catch_up where the backend will;
	 * m is the caller's copy, for the size of its texts. */
	int	(*index)(void *db, const struct meeting *m, bool later,
		    struct err *);
};

struct merge_text;

/* One save, from merge_begin to merge_end. */
struct merge {
	const struct merge_ops	*ops;
	void			*db;
	struct store_base	*base;
	struct meeting		*m;
	const char *const	*keys;
	size_t			 nkeys;
	unsigned		 parts;
	struct store_sync_report *rep;
	char			*field[F_NFIELDS];
	bool			 has_fields;
	struct merge_text	*text;
	size_t			 ntext, captext;
	struct meeting		 rows;	/* the merged roster, tasks */
	bool			 has_att, has_act;
};

/* Sets y up for store_meeting_sync's arguments; ERR_INPUT (e set) when
 * base is not m's, and then there is nothing to end. */
int	 merge_begin(struct merge *y, const struct merge_ops *, void *db,
	    struct store_base *base, struct meeting *m,
	    const char *const *keys, size_t nkeys, unsigned parts,
	    struct store_sync_report *rep, struct err *);
/* The save itself: run it inside one transaction of the backend, which
 * commits when it returns 0. */
int	 merge_run(struct merge *y, struct err *);
/* After the transaction: when rc is 0 (committed) the caller's meeting
 * and base take what is stored, otherwise the report is emptied and
 * nothing changes.  Frees what y holds. */
void	 merge_end(struct merge *y, int rc);

#endif
