/*
 * Sharing a store: `grant`, which lets existing PostgreSQL roles (a
 * unit's secretaries, the office) use the store named by --db, and
 * `copy`, which moves every meeting from one store to another (a ward's
 * SQLite file up to the district's server, or back), all or nothing.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "store/store.h"

static int
cli_grant(struct cli *c, const struct cli_args *a)
{
	struct store *s;
	struct err e;
	int rc;

	if (a->n < 1)
		return cli_fail(c, EXIT_USAGE, _("which roles? give their names, "
		    "e.g. minutes --db URI grant ward_a office"));
	for (int i = 0; i < a->n; i++)
		if (a->v[i][0] == '-' || a->v[i][0] == '\0')
			return cli_fail(c, EXIT_USAGE, _("\"%s\" is not a role "
			    "name"), a->v[i]);
	if ((rc = cli_store(c, &s)) != 0)
		return rc;
	if (store_grant(s, (const char *const *)a->v, (size_t)a->n, &e))
		return cli_fail_err(c, &e);
	for (int i = 0; i < a->n; i++)
		printf(_("%s may now use %s\n"), a->v[i], store_path(s));
	return EXIT_OK;
}

const struct cli_cmd cli_cmd_grant = { "grant", "ROLE...",
    N_("let PostgreSQL roles use the store (its owner runs this)"), NULL, -1,
    cli_grant };

/* Opens a copy's store; *made is set when a new file had to be made, so
 * that a failed copy can take it away again. */
static int
open_store(struct cli *c, const char *name, bool create, bool *made,
    struct store **s)
{
	struct stat sb;
	struct err e;

	*made = false;
	if (create && !store_is_uri(name) && stat(name, &sb) != 0 &&
	    errno == ENOENT)
		*made = true;
	if (store_open(name, create ? STORE_CREATE : 0, s, &e) == 0)
		return 0;
	*made = false;
	return cli_fail_err(c, &e);
}

/* Takes away the file a failed copy made, with SQLite's side files:
 * nothing half-written stays behind. */
static void
remove_made(const char *to)
{
	unlink(to);
	for (int k = 0; k < 2; k++) {
		char aux[4096];

		snprintf(aux, sizeof aux, "%s%s", to, k ? "-shm" : "-wal");
		unlink(aux);
	}
}

enum { COPY_FROM, COPY_TO };
static const struct cli_opt copy_opts[] = {
	[COPY_FROM] = { "from", 0, CLI_PATH, "STORE", 0, 0, 0,
	    N_("the store to copy from: a file or a postgresql:// URI") },
	[COPY_TO] = { "to", 0, CLI_PATH, "STORE", 0, 0, 0,
	    N_("the store to copy into (a new file is made)") },
	{ NULL, 0, 0, NULL, 0, 0, 0, NULL }
};

static int
cli_copy(struct cli *c, const struct cli_args *a)
{
	const char *from = a->val[COPY_FROM], *to = a->val[COPY_TO];
	struct store *src = NULL, *dst = NULL;
	struct store_copy_stats st;
	struct err e;
	bool made = false, unused;
	int rc;

	if (from == NULL || to == NULL)
		return cli_fail(c, EXIT_USAGE, _("usage: minutes copy --from "
		    "STORE --to STORE (a file or a postgresql:// URI)"));
	if ((rc = open_store(c, from, false, &unused, &src)) != 0)
		return rc;
	if ((rc = open_store(c, to, true, &made, &dst)) != 0) {
		store_close(src);
		return rc;
	}
	rc = store_copy(src, dst, &st, &e);
	store_close(src);
	store_close(dst);
	if (rc) {
		if (made)
			remove_made(to);
		return cli_fail_err(c, &e);
	}
	printf(_("copied %zu meetings; %zu were already there\n"), st.copied,
	    st.skipped);
	return EXIT_OK;
}

const struct cli_cmd cli_cmd_copy = { "copy", "",
    N_("copy every meeting between stores (file or postgresql://)"),
    copy_opts, 0, cli_copy };
