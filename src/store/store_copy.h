/*
 * What `minutes copy` moves from one store to another, and the calls
 * each backend offers for it (store_copy.c drives them; store.h has the
 * public store_copy).  A meeting travels whole with the stamps and
 * histories that store_meeting_load leaves out, so the copy keeps when
 * each thing happened.  Shared by the store's files only; it names no
 * database library.
 */
#ifndef MINUTES_STORE_COPY_H
#define MINUTES_STORE_COPY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

/* One suggestion the secretary answered. */
struct copy_seen {
	char	*section, *digest, *state;
};

/* Per action of m.act, in the same order. */
struct copy_action {
	char			 created[21], updated[21];
	/* What other programs know it by (iCalendar, Taskwarrior); a task
	 * whose UUID the destination already has (copied before, under a
	 * meeting whose header has changed since) gets a new one there. */
	char			 uuid[37];
	struct store_act_event	*ev;	/* its history, oldest first */
	size_t			 nev;
};

struct copy_meeting {
	struct meeting		 m;	/* as store_meeting_load gives it */
	char			 created[21], updated[21];
	int64_t			*rev;	/* per section of m.sec: its revision */
	struct copy_action	*ca;	/* m.nact of them */
	struct copy_seen	*seen;
	size_t			 nseen;
};

void	 copy_meeting_free(struct copy_meeting *);
/* Records the revision of section key of c->m (the others stay 1). */
void	 copy_set_rev(struct copy_meeting *c, const char *key, int64_t rev);
/* The revision to write for section i of c->m. */
#define COPY_REV(c, i)	((c)->rev ? (c)->rev[i] : 1)

/* The SQLite side (store_copy_sqlite.c); the PostgreSQL one is in
 * store_pg.h.  begin/end hold the destination's one transaction; find
 * sets *id to a meeting with the same template, series, title,
 * organisation, number, date and start (0 if none); write stores c whole
 * and sets the ids in c->m; history adds one row to a task's history. */
int	 sq_copy_begin(struct store *, struct err *);
int	 sq_copy_end(struct store *, bool commit, struct err *);
int	 sq_copy_find(struct store *, const struct copy_meeting *, int64_t *id,
	    struct err *);
int	 sq_copy_read(struct store *, int64_t id, struct copy_meeting *,
	    struct err *);
int	 sq_copy_write(struct store *, struct copy_meeting *, struct err *);
int	 sq_copy_history(struct store *, int64_t action_id,
	    const struct store_act_event *, struct err *);

#endif
