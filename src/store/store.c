/*
 * The store's connection and schema (see store.h).  Opening never recreates
 * or "repairs" a file it does not recognise: a file that is not SQLite, is
 * another program's database, or has a newer schema is refused with a
 * message, and the file is left untouched.  Migrations run forward only,
 * each in its own immediate transaction, and bump PRAGMA user_version.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/err.h"
#include "lib/i18n.h"
#include "lib/paths.h"
#include "lib/xmalloc.h"
#include "store/store_impl.h"

/* 'MNTS': marks a database as ours, so another program's is refused. */
#define APPLICATION_ID 0x4d4e5453

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ','now')"

/* A random (version 4) UUID, in SQL so that any program that inserts an
 * action item gives it one (the trigger of migration 4).  Each call of
 * randomblob() is random on its own, so the pieces need not come from
 * one blob. */
#define UUID_V4 \
	"lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4'" \
	" || substr(hex(randomblob(2)), 2) || '-'" \
	" || substr('89ab', 1 + abs(random()) % 4, 1)" \
	" || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"

/* migrations[i] takes the schema from version i to i + 1. */
static const char *const migrations[] = {
	/* 0 -> 1 */
	"CREATE TABLE meeting ("
	" id INTEGER PRIMARY KEY,"
	" template TEXT NOT NULL,"
	" series TEXT,"
	" title TEXT NOT NULL,"
	" organisation TEXT,"
	" number TEXT,"
	" style TEXT CHECK (style IN ('state', 'party')),"
	" date TEXT NOT NULL,"
	" start_time TEXT,"
	" end_time TEXT,"
	" place TEXT,"
	" chair TEXT,"
	" secretary TEXT,"
	" recipients TEXT,"
	" status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),"
	" created TEXT NOT NULL DEFAULT (" NOW "),"
	" updated TEXT NOT NULL DEFAULT (" NOW "));"
	"CREATE INDEX meeting_by_date ON meeting (date DESC, id DESC);"
	"CREATE INDEX meeting_by_series ON meeting (series, date);"
	"CREATE TABLE attendee ("
	" id INTEGER PRIMARY KEY,"
	" meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
	" pos INTEGER NOT NULL,"
	" name TEXT NOT NULL,"
	" position TEXT,"
	" organisation TEXT,"
	" role TEXT NOT NULL CHECK (role IN ('chair', 'secretary', 'member', 'guest')),"
	" presence TEXT NOT NULL CHECK (presence IN ('present', 'absent', 'represented')),"
	" proxy TEXT);"
	"CREATE INDEX attendee_by_meeting ON attendee (meeting_id, pos);"
	"CREATE INDEX attendee_by_name ON attendee (name);"
	"CREATE TABLE section ("
	" id INTEGER PRIMARY KEY,"
	" meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
	" key TEXT NOT NULL,"
	" body TEXT NOT NULL DEFAULT '',"
	" updated TEXT NOT NULL DEFAULT (" NOW "),"
	" UNIQUE (meeting_id, key));"
	"CREATE TABLE action ("
	" id INTEGER PRIMARY KEY,"
	" meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
	" pos INTEGER NOT NULL,"
	" assignee TEXT,"
	" task TEXT NOT NULL,"
	" due TEXT,"
	" due_text TEXT,"
	" status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'doing', 'done', 'dropped')),"
	" src_section TEXT,"
	" src_start INTEGER,"
	" src_end INTEGER,"
	" created TEXT NOT NULL DEFAULT (" NOW "),"
	" updated TEXT NOT NULL DEFAULT (" NOW "));"
	"CREATE INDEX action_by_status_due ON action (status, due);"
	"CREATE INDEX action_by_meeting ON action (meeting_id, pos);"
	/* Every status change, with the meeting at which it was reviewed when
	 * it happened during a later meeting's review of open actions. */
	"CREATE TABLE action_history ("
	" id INTEGER PRIMARY KEY,"
	" action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,"
	" at TEXT NOT NULL DEFAULT (" NOW "),"
	" old_status TEXT,"
	" new_status TEXT NOT NULL,"
	" note TEXT,"
	" review_meeting_id INTEGER REFERENCES meeting (id) ON DELETE SET NULL);"
	"CREATE INDEX history_by_action ON action_history (action_id, id);"
	/* Suggestions the secretary accepted or dismissed, by the text they
	 * came from, so they do not come back. */
	"CREATE TABLE suggestion_seen ("
	" meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
	" section TEXT NOT NULL,"
	" digest TEXT NOT NULL,"
	" state TEXT NOT NULL CHECK (state IN ('accepted', 'dismissed')),"
	" PRIMARY KEY (meeting_id, section, digest));"
	"CREATE TABLE edit_lock ("
	" meeting_id INTEGER PRIMARY KEY REFERENCES meeting (id) ON DELETE CASCADE,"
	" pid INTEGER NOT NULL,"
	" host TEXT NOT NULL,"
	" beat INTEGER NOT NULL);",
	/* 1 -> 2: the full-text index (see store_search.c), filled from
	 * the meetings already there.  One tokenizer serves both tables: it
	 * keeps diacritics, so "search" matches only as typed (ranked
	 * first), and "search_fold" holds minutes_fold()'s output, which has
	 * none left. */
	"CREATE VIRTUAL TABLE search USING fts5("
	" title, head, roster, body, tasks, keys UNINDEXED,"
	" tokenize = 'unicode61 remove_diacritics 0', columnsize = 0);"
	"CREATE VIRTUAL TABLE search_fold USING fts5("
	" ftitle, fhead, froster, fbody, ftasks, content = '',"
	" tokenize = 'unicode61 remove_diacritics 0', columnsize = 0);"
	/* What a deleted meeting had indexed, until its folded rows are
	 * removed: the trigger below cannot fold, so that it works for any
	 * program that deletes. */
	"CREATE TABLE search_stale (id INTEGER PRIMARY KEY, title, head,"
	" roster, body, tasks);"
	"CREATE TABLE search_meta (key TEXT PRIMARY KEY, value TEXT);"
	"INSERT INTO search (" SEARCH_COLUMNS ") " SEARCH_DOC_SELECT ";"
	"INSERT INTO search_fold (" SEARCH_FOLD_COLUMNS ") " SEARCH_FOLD_SELECT ";"
	"INSERT INTO search_meta VALUES ('fold', minutes_fold_version());"
	"CREATE TRIGGER search_meeting_gone AFTER DELETE ON meeting BEGIN"
	" INSERT OR REPLACE INTO search_stale SELECT rowid, title, head, roster,"
	"  body, tasks FROM search WHERE rowid = OLD.id;"
	" DELETE FROM search WHERE rowid = OLD.id; END;",
	/* 2 -> 3: the place of issue (địa danh) of the biên bản's date
	 * line; NULL leaves the exports to derive it from the
	 * organisation, as before. */
	"ALTER TABLE meeting ADD COLUMN locality TEXT;",
	/* 3 -> 4: each action item gets a random UUID, which exports
	 * (iCalendar UID, Taskwarrior) use so that clients recognise the
	 * item wherever the database goes; existing items get theirs here.
	 * And the open items in one covering index, in review order (by due
	 * date, then id), which hands the review its rows without reading
	 * the table or sorting. */
	"ALTER TABLE action ADD COLUMN uuid TEXT;"
	"UPDATE action SET uuid = " UUID_V4 ";"
	"CREATE UNIQUE INDEX action_by_uuid ON action (uuid);"
	"CREATE TRIGGER action_uuid AFTER INSERT ON action"
	" WHEN NEW.uuid IS NULL BEGIN"
	" UPDATE action SET uuid = " UUID_V4 " WHERE id = NEW.id; END;"
	"CREATE INDEX action_open ON action (due, id, meeting_id, status,"
	" assignee, task, due_text, src_section, src_start, src_end, created,"
	" updated, uuid) WHERE status IN ('open', 'doing');",
	/* 4 -> 5: never lose a word (issue 12).
	 * Edit locks: one row per instance that has a meeting open for
	 * editing, with the start of its process (boot id and start time
	 * from /proc), so that a dead holder is told from a live one
	 * whatever its PID (store_lock.c).  The old table's rows are only
	 * courtesy marks of running editors: they are not carried over.
	 * Section texts: a revision, bumped by every save, so that a save
	 * begun from an older revision is merged, never written over
	 * (store_sync.c). */
	"DROP TABLE edit_lock;"
	"CREATE TABLE edit_lock ("
	" meeting_id INTEGER NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,"
	" host TEXT NOT NULL,"
	" pid INTEGER NOT NULL,"
	" started TEXT,"
	" beat INTEGER NOT NULL,"
	" PRIMARY KEY (meeting_id, host, pid));"
	"ALTER TABLE section ADD COLUMN rev INTEGER NOT NULL DEFAULT 1;"
	/* The revisions from an index alone: reading rev from the table
	 * would walk a long text's overflow pages to reach it. */
	"CREATE INDEX section_rev ON section (meeting_id, key, rev);"
	/* Meetings whose search index a save left for later
	 * (store_search.c): reindexing a long text is most of its save. */
	"CREATE TABLE search_pending (id INTEGER PRIMARY KEY);",
};

#define NMIGRATIONS (sizeof migrations / sizeof migrations[0])

_Static_assert(NMIGRATIONS == STORE_SCHEMA_VERSION,
    "one migration per schema version");

/* The folder holding path, malloc'd. */
static char *
folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	return slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
}

/* True when the folder holding path cannot be written: SQLite then cannot
 * make the journal (and the WAL's index) it keeps beside the file. */
static bool
folder_readonly(const char *path)
{
	char *dir = folder_of(path);
	bool ro = access(dir, W_OK) != 0 && (errno == EACCES || errno == EROFS ||
	    errno == EPERM);

	free(dir);
	return ro;
}

static int
folder_fail(const char *path, const char *what, struct err *e)
{
	char *dir = folder_of(path);

	err_set(e, ERR_RUNTIME, _("%s: %s: the folder %s is read-only, and "
	    "the database needs to write beside it; make the folder writable "
	    "or copy the database to one that is"), path, what, dir);
	free(dir);
	return ERR_RUNTIME;
}

int
st_fail(struct store *s, const char *what, struct err *e)
{
	int code = sqlite3_extended_errcode(s->db) & 0xff;

	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		return err_set(e, ERR_RUNTIME,
		    _("%s: %s: the database is locked by another program"),
		    s->path, what);
	if ((code == SQLITE_READONLY || code == SQLITE_CANTOPEN) &&
	    folder_readonly(s->path))
		return folder_fail(s->path, what, e);
	if (code == SQLITE_READONLY)
		return err_set(e, ERR_RUNTIME,
		    _("%s: %s: the database is read-only"), s->path, what);
	if (code == SQLITE_CORRUPT)
		return st_damaged(s, sqlite3_errmsg(s->db), e);
	return err_set(e, ERR_RUNTIME, "%s: %s: %s", s->path, what,
	    sqlite3_errmsg(s->db));
}

sqlite3_stmt *
st_prep(struct store *s, const char *sql, struct err *e)
{
	sqlite3_stmt *st;

	for (size_t i = 0; i < s->ncache; i++)
		if (s->cache[i].sql == sql) {
			st = s->cache[i].st;
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return st;
		}
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &st, NULL) != SQLITE_OK) {
		st_fail(s, _("preparing a statement"), e);
		return NULL;
	}
	XPUSH(s->cache, s->ncache, s->capcache);
	s->cache[s->ncache].sql = sql;
	s->cache[s->ncache].st = st;
	s->ncache++;
	return st;
}

static int
exec(struct store *s, const char *sql, const char *what, struct err *e)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return st_fail(s, what, e);
	return 0;
}

static void reconnect_if_writable(struct store *);

int
st_begin(struct store *s, struct err *e)
{
	reconnect_if_writable(s);
	if (exec(s, "BEGIN IMMEDIATE", _("starting a transaction"), e))
		return ERR_RUNTIME;
	st_check_began(s);
	return 0;
}

int
st_read_begin(struct store *s, const char *what, struct err *e)
{
	if (sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return st_fail(s, what, e);
	return 0;
}

int
st_commit(struct store *s, struct err *e)
{
	if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		st_fail(s, _("saving"), e);
		st_rollback(s);
		return ERR_RUNTIME;
	}
	st_check_committed(s);
	return 0;
}

int
st_tx(struct store *s, int (*fn)(struct store *, void *, struct err *),
    void *arg, struct err *e)
{
	int rc;

	if (st_begin(s, e))
		return ERR_RUNTIME;
	if ((rc = fn(s, arg, e)) != 0) {
		st_rollback(s);
		return rc;
	}
	return st_commit(s, e);
}

void
st_rollback(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

int
st_done(struct store *s, sqlite3_stmt *st, const char *what, struct err *e)
{
	int rc = sqlite3_step(st);

	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		st_fail(s, what, e);
		sqlite3_reset(st);
		return ERR_RUNTIME;
	}
	sqlite3_reset(st);
	return 0;
}

int
st_each(struct store *s, sqlite3_stmt *st,
    int (*row)(sqlite3_stmt *, void *), void *arg, const char *what,
    struct err *e)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int stop = row(st, arg);

		if (stop != 0) {
			sqlite3_reset(st);
			return stop;
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return st_fail(s, what, e);
	return 0;
}

int
st_row_text(sqlite3_stmt *st, void *arg)
{
	char **out = arg;

	free(*out);
	*out = st_col_dup(st, 0);
	return 0;
}

static int
rows_push(sqlite3_stmt *st, void *arg)
{
	struct st_rows *r = arg;
	char *elem;

	r->v = xpush(r->v, r->n, &r->cap, r->size);
	elem = (char *)r->v + r->n * r->size;
	memset(elem, 0, r->size);
	r->n++;
	r->fill(st, elem);
	return 0;
}

int
st_rows(struct store *s, sqlite3_stmt *st, struct st_rows *r,
    const char *what, struct err *e)
{
	return st_each(s, st, rows_push, r, what, e);
}

int
st_bind_text(sqlite3_stmt *st, int idx, const char *v)
{
	if (v == NULL || *v == '\0')
		return sqlite3_bind_null(st, idx);
	return sqlite3_bind_text(st, idx, v, -1, SQLITE_TRANSIENT);
}

char *
st_col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return t ? xstrdup((const char *)t) : NULL;
}

static int connect_db(struct store *, struct err *);

static int
pragma_int(struct store *s, const char *sql, int *out, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return st_fail(s, _("reading the database"), e);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return st_fail(s, _("reading the database"), e);
	}
	*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

static int
migrate(struct store *s, struct err *e)
{
	int version, appid, tables;
	char *sql;

	/* The first read of the file: fails here for a file that is not
	 * SQLite at all. */
	if (pragma_int(s, "SELECT count(*) FROM sqlite_schema", &tables, e) ||
	    pragma_int(s, "PRAGMA user_version", &version, e) ||
	    pragma_int(s, "PRAGMA application_id", &appid, e))
		return ERR_RUNTIME;
	if ((appid != 0 && appid != APPLICATION_ID) ||
	    (appid == 0 && tables > 0))
		return err_set(e, ERR_RUNTIME,
		    _("%s: not a minutes database"), s->path);
	/* Only a file made by this very process is made a database: an
	 * empty file given by name may be anything's. */
	if (appid == 0 && !s->created)
		return err_set(e, ERR_RUNTIME, _("%s: an empty file, not a "
		    "minutes database; give another name to start a new one"),
		    s->path);
	if (!s->created && st_check(s, e))
		return ERR_RUNTIME;
	if (version > STORE_SCHEMA_VERSION)
		return err_set(e, ERR_RUNTIME,
		    _("%s: the database has schema version %d, newer than this "
		    "program's %d; use a newer minutes"), s->path, version,
		    STORE_SCHEMA_VERSION);
	while (version < STORE_SCHEMA_VERSION) {
		if (st_begin(s, e))
			return ERR_RUNTIME;
		/* Re-read under the write lock: another instance may have
		 * migrated meanwhile. */
		if (pragma_int(s, "PRAGMA user_version", &version, e)) {
			st_rollback(s);
			return ERR_RUNTIME;
		}
		if (version >= STORE_SCHEMA_VERSION) {
			st_rollback(s);
			break;
		}
		sql = sqlite3_mprintf("%s; PRAGMA user_version = %d; "
		    "PRAGMA application_id = %d;", migrations[version],
		    version + 1, APPLICATION_ID);
		if (exec(s, sql, _("upgrading the database"), e)) {
			sqlite3_free(sql);
			st_rollback(s);
			return ERR_RUNTIME;
		}
		sqlite3_free(sql);
		if (st_commit(s, e))
			return ERR_RUNTIME;
		version++;
	}
	return 0;
}

/*
 * Makes a new database at path: initialised under a temporary name beside
 * it, then linked into place, so that path is never an empty or half-made
 * file, even after a crash, and an existing file is never touched (link
 * fails if another instance made it first; that one is then used).
 */
static int
create_db(const char *path, int busy_ms, struct err *e)
{
	char *dir = folder_of(path), *tmp = xasprintf("%s-wal", path);
	struct store *t;
	int fd, rc;

	/* SQLite would read a journal left by a database of that name into
	 * the new one. */
	if (access(tmp, F_OK) == 0) {
		rc = err_set(e, ERR_RUNTIME, _("%s: there is no database, but "
		    "its journal %s is there; move the journal away (it may "
		    "hold the last saves of a database that was moved)"), path,
		    tmp);
		free(tmp);
		free(dir);
		return rc;
	}
	free(tmp);
	if (paths_mkdirs(dir, 0700, e)) {
		free(dir);
		return ERR_RUNTIME;
	}
	free(dir);
	tmp = xasprintf("%s.newXXXXXX", path);
	if ((fd = mkstemp(tmp)) < 0) {
		rc = errno == EACCES || errno == EROFS ?
		    folder_fail(path, _("creating the database"), e) :
		    err_set(e, ERR_RUNTIME, "%s: %s", path, strerror(errno));
		free(tmp);
		return rc;
	}
	close(fd);
	t = xcalloc(1, sizeof *t);
	t->path = xstrdup(tmp);
	t->busy_ms = busy_ms;
	t->created = true;
	rc = connect_db(t, e);
	/* Closed before it takes its name: the last connection folds and
	 * removes the WAL. */
	store_close(t);
	if (rc == 0 && link(tmp, path) != 0 && errno != EEXIST)
		rc = err_set(e, ERR_RUNTIME, "%s: %s", path, strerror(errno));
	unlink(tmp);
	free(tmp);
	return rc;
}

/* Opens the connection of s (path set, db NULL) and sets it up: pragmas,
 * functions, migrations.  On failure s->db is closed again. */
static int
connect_db(struct store *s, struct err *e)
{
	/* NOMUTEX: a connection is only ever used by one thread, and the
	 * mutex around every column read costs a long review milliseconds. */
	int rc = sqlite3_open_v2(s->path, &s->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX, NULL);

	if (rc != SQLITE_OK) {
		if (s->db)
			st_fail(s, _("opening"), e);
		else
			err_set(e, ERR_RUNTIME, "%s: %s", s->path, sqlite3_errstr(rc));
		goto fail;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, s->busy_ms);
	if (st_search_register(s, e) || migrate(s, e) ||
	    exec(s, "PRAGMA foreign_keys = ON", _("opening"), e))
		goto fail;
	/* WAL lets a reader (a second instance, a CLI query) never block the
	 * editor's saves; Debian's default keeps synchronous FULL under WAL,
	 * so say NORMAL: it survives a crash of the program, which is the
	 * failure that matters while typing.  A read-only file keeps its
	 * journal mode; the failure to save is reported at the first save. */
	if (access(s->path, W_OK) == 0 &&
	    exec(s, "PRAGMA journal_mode = WAL", _("opening"), e))
		goto fail;
	exec(s, "PRAGMA synchronous = NORMAL", _("opening"), NULL);
	/* Each stored meeting rewrites many pages of the search index; a
	 * checkpoint every 4,000 pages (16 MB of WAL) instead of SQLite's
	 * 1,000 writes the pages that change again and again once rather
	 * than four times (imports about 30% faster), and costs the editor
	 * a pause of a few tens of milliseconds, rarely. */
	exec(s, "PRAGMA wal_autocheckpoint = 4000", _("opening"), NULL);
	st_search_check(s);
	return 0;
fail:
	for (size_t i = 0; i < s->ncache; i++)
		sqlite3_finalize(s->cache[i].st);
	s->ncache = 0;
	sqlite3_close(s->db);
	s->db = NULL;
	return ERR_RUNTIME;
}

int
store_open(const char *path, int flags, struct store **out, struct err *e)
{
	struct store *s;
	struct stat sb;

	*out = NULL;
	if (pgs_uri_like(path) && !pgs_is_uri(path))
		return err_set(e, ERR_INPUT, _("%s: not a PostgreSQL URI "
		    "(postgresql://[user@][host][:port]/dbname), and not "
		    "taken for a file name"), path);
	if (pgs_is_uri(path)) {
		s = xcalloc(1, sizeof *s);
		if (pgs_open(path, &s->pg, &s->path, e)) {
			free(s);
			return ERR_RUNTIME;
		}
		*out = s;
		return 0;
	}
	if (stat(path, &sb) != 0) {
		if (errno != ENOENT || !(flags & STORE_CREATE))
			return err_set(e, ERR_RUNTIME, "%s: %s", path,
			    strerror(errno));
		if (create_db(path, 5000, e))
			return ERR_RUNTIME;
	} else if (!S_ISREG(sb.st_mode))
		return err_set(e, ERR_RUNTIME, _("%s: not a regular file"), path);

	s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	s->busy_ms = 5000;
	if (connect_db(s, e)) {
		store_close(s);
		return ERR_RUNTIME;
	}
	*out = s;
	return 0;
}

/* A file that was read-only when the connection opened keeps the
 * connection read-only after it becomes writable again; a save the
 * editor retries would then fail for ever.  Reconnect once the file is
 * writable.  The old connection must be closed first: SQLite shares a
 * file's shared-memory state between the connections of one process, and
 * the old one's is read-only.  Should the new connection fail, a bare one
 * is opened so the store stays usable and the next save reports why. */
static void
reconnect_if_writable(struct store *s)
{
	struct stat sb;

	if (sqlite3_db_readonly(s->db, "main") != 1 ||
	    access(s->path, W_OK) != 0 || stat(s->path, &sb) != 0)
		return;
	/* SQLite gives the -wal and -shm files the database's mode when it
	 * creates them, so a read-only database left them read-only too;
	 * give them the database's mode again, as SQLite would have. */
	for (int k = 0; k < 2; k++) {
		char *aux = xasprintf("%s%s", s->path, k ? "-shm" : "-wal");
		struct stat ab;

		if (stat(aux, &ab) == 0 && ab.st_uid == geteuid() &&
		    access(aux, W_OK) != 0)
			chmod(aux, sb.st_mode & 0666);
		free(aux);
	}
	for (size_t i = 0; i < s->ncache; i++)
		sqlite3_finalize(s->cache[i].st);
	s->ncache = 0;
	sqlite3_close(s->db);
	s->db = NULL;
	if (connect_db(s, NULL) != 0) {
		sqlite3_open_v2(s->path, &s->db, SQLITE_OPEN_READWRITE |
		    SQLITE_OPEN_NOFOLLOW, NULL);
		sqlite3_busy_timeout(s->db, s->busy_ms);
	}
}

void
store_close(struct store *s)
{
	bool trusted;

	if (s == NULL)
		return;
	pgs_close(s->pg);
	for (size_t i = 0; i < s->ncache; i++)
		sqlite3_finalize(s->cache[i].st);
	free(s->cache);
	/* Closing the last connection folds the WAL into the file: if
	 * nobody else wrote since this connection last trusted it, the file
	 * it leaves is trusted too. */
	trusted = s->db && !s->created && s->trusted.ino != 0 &&
	    st_check_unchanged(s);
	if (s->db)
		sqlite3_close(s->db);
	if (trusted)
		st_check_closed(s->path);
	free(s->path);
	free(s);
}

const char *
store_path(const struct store *s)
{
	return s->path;
}

void
store_set_busy_timeout(struct store *s, int ms)
{
	s->busy_ms = ms;
	if (s->pg) {
		pgs_set_busy_timeout(s->pg, ms);
		return;
	}
	sqlite3_busy_timeout(s->db, ms);
}
