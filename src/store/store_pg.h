/*
 * The PostgreSQL backend's side of the seam (see src/store/README): the
 * twin of every public store_* function, which the public function calls
 * first thing when the store is a PostgreSQL one (s->pg set).  Each twin
 * takes the backend's own handle, struct pgs, so this header needs
 * neither libpq-fe.h nor sqlite3.h; store_pg_impl.h is the backend's
 * inside.
 */
#ifndef MINUTES_STORE_PG_H
#define MINUTES_STORE_PG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

struct pgs;
struct copy_meeting;

/* True if path is a PostgreSQL connection URI (postgresql:// or
 * postgres://): such a name is never opened as a file. */
bool	 pgs_is_uri(const char *path);
/* True if path begins like one (postgresql: or postgres:), even when
 * mistyped: such a name is refused, not made a file. */
bool	 pgs_uri_like(const char *path);
/* Connects, checks the schema (creating or migrating it when this role
 * may), and returns the backend's handle.  *shown gets the URI without
 * its password, malloc'd, for messages and store_path. */
int	 pgs_open(const char *uri, struct pgs **out, char **shown,
	    struct err *);
void	 pgs_close(struct pgs *);
void	 pgs_set_busy_timeout(struct pgs *, int ms);

int	 pgs_meeting_list_range(struct pgs *, size_t offset, size_t limit,
	    struct meeting_summary **out, size_t *n, struct err *);
int	 pgs_meeting_count(struct pgs *, size_t *n, struct err *);
int	 pgs_meeting_insert(struct pgs *, struct meeting *m, struct err *);
int	 pgs_meeting_load(struct pgs *, int64_t id, struct meeting *out,
	    struct err *);
bool	 pgs_meeting_exists(struct pgs *, int64_t id);
int	 pgs_meeting_save_header(struct pgs *, const struct meeting *m,
	    struct err *);
int	 pgs_section_save(struct pgs *, int64_t meeting_id, const char *key,
	    const char *body, struct err *);
int	 pgs_meeting_save_texts(struct pgs *, const struct meeting *m,
	    const char *const *keys, size_t nkeys, struct err *);
int	 pgs_attendees_save(struct pgs *, const struct meeting *m,
	    struct err *);
int	 pgs_actions_save(struct pgs *, struct meeting *m, struct err *);
int	 pgs_meeting_save(struct pgs *, struct meeting *m, bool texts,
	    const char *const *keys, size_t nkeys, bool roster, bool tasks,
	    struct err *);
int	 pgs_meeting_open(struct pgs *, int64_t id, struct meeting *out,
	    struct store_base **base, struct err *);
int	 pgs_meeting_sync(struct pgs *, struct store_base *base,
	    struct meeting *m, const char *const *keys, size_t nkeys,
	    unsigned parts, struct store_sync_report *rep, struct err *);
int	 pgs_lock_other(struct pgs *, int64_t meeting_id, long *other_pid,
	    struct err *);
int	 pgs_lock_take(struct pgs *, int64_t meeting_id, long *other_pid,
	    struct err *);
int	 pgs_lock_refresh(struct pgs *, int64_t meeting_id, struct err *);
void	 pgs_lock_release(struct pgs *, int64_t meeting_id);

int	 pgs_search(struct pgs *, const struct search_query *q, size_t limit,
	    struct search_hit **out, size_t *n, struct err *);
int	 pgs_search_catch_up(struct pgs *, struct err *);
int	 pgs_search_rebuild(struct pgs *, struct err *);
int64_t	 pgs_search_size(struct pgs *);

int	 pgs_act_query(struct pgs *, const struct store_act_filter *f,
	    struct action_row **out, size_t *n, struct err *);
int	 pgs_act_ids(struct pgs *, const struct store_act_filter *f,
	    int64_t **ids, size_t *n, struct err *);
int	 pgs_act_fetch(struct pgs *, const char *today, const int64_t *ids,
	    size_t n, struct action_row *out, struct err *);
int	 pgs_act_get(struct pgs *, int64_t id, const char *today,
	    struct action_row *out, struct err *);
int	 pgs_act_history(struct pgs *, int64_t id,
	    struct store_act_event **out, size_t *n, struct err *);
/* store_act_set_status and store_act_review (review_meeting_id 0 for
 * none); *old and *changed are set when it returns 0. */
int	 pgs_act_change(struct pgs *, int64_t id, enum act_status,
	    const char *note, int64_t review_meeting_id,
	    enum act_status *old, bool *changed, struct err *);
int	 pgs_act_reviewed(struct pgs *, int64_t meeting_id,
	    struct review_item **out, size_t *n, struct err *);
int	 pgs_act_source(struct pgs *, const struct action_row *, char **text,
	    struct err *);

int	 pgs_series_previous(struct pgs *, const char *series,
	    const char *date, int64_t exclude_id, struct meeting *out,
	    struct err *);
int	 pgs_series_open_actions(struct pgs *, const char *series,
	    const char *date, int64_t exclude_id, struct action **out,
	    char ***notes, size_t *n, struct err *);
int	 pgs_series_names(struct pgs *, char ***out, size_t *n,
	    struct err *);
int	 pgs_people(struct pgs *, struct person **out, size_t *n,
	    struct err *);
int	 pgs_suggestions_seen(struct pgs *, int64_t meeting_id,
	    const char *section, char ***out, size_t *n, struct err *);
int	 pgs_suggestion_mark(struct pgs *, int64_t meeting_id,
	    const char *section, const char *digest, const char *state,
	    struct err *);
int	 pgs_suggestion_forget(struct pgs *, int64_t meeting_id,
	    const char *section, const char *digest, struct err *);

/* What both backends bind for the filter f (store_action.c): the four
 * statuses its scope lists, and in *limit the date the items must be
 * due before (due_before, or today for the overdue scope, whichever is
 * earlier), or NULL. */
const char *const *store_act_scope(const struct store_act_filter *f,
	    const char **limit);
/* The review order of two struct action_row, for qsort: overdue first,
 * then by due date, undated last, then by id. */
int	 store_act_row_order(const void *, const void *);

/* Fills the part, section and text of a hit (store_hit.c, for both
 * backends) from the meeting's indexed parts: title, head, roster,
 * body, tasks, keys. */
void	 store_hit_part(struct search_hit *, const char *const parts[6],
	    const struct search_query *);

int	 pgs_grant(struct pgs *, const char *const *roles, size_t n,
	    struct err *);

/* The copy's writer and reader (store_copy.c). */
int	 pgs_copy_begin(struct pgs *, struct err *);
int	 pgs_copy_end(struct pgs *, bool commit, struct err *);
int	 pgs_copy_find(struct pgs *, const struct copy_meeting *, int64_t *id,
	    struct err *);
int	 pgs_copy_read(struct pgs *, int64_t id, struct copy_meeting *,
	    struct err *);
int	 pgs_copy_write(struct pgs *, struct copy_meeting *, struct err *);
int	 pgs_copy_history(struct pgs *, int64_t action_id,
	    const struct store_act_event *, struct err *);

#endif
