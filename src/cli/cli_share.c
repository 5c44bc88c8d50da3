/*
 * Sharing a store: `grant`, which lets existing PostgreSQL roles (a
 * unit's secretaries, the office) use the store named by --db, and
 * `copy`, which moves every meeting from one store to another (a ward's
 * SQLite file up to the district's server, or back), all or nothing.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"
#include "lib/err.h"
#include "lib/i18n.h"
#include "store/store.h"

int
cli_grant(struct cli *c, int argc, char **argv)
{
	struct store *s;
	struct err e;
	int rc;

	if (argc < 2)
		return cli_fail(c, EXIT_USAGE, _("which roles? give their names, "
		    "e.g. minutes --db URI grant ward_a office"));
	for (int i = 1; i < argc; i++)
		if (argv[i][0] == '-' || argv[i][0] == '\0')
			return cli_fail(c, EXIT_USAGE, _("\"%s\" is not a role "
			    "name"), argv[i]);
	if ((rc = cli_store(c, &s)) != 0)
		return rc;
	if (store_grant(s, (const char *const *)argv + 1, (size_t)argc - 1, &e))
		return cli_fail_err(c, &e);
	for (int i = 1; i < argc; i++)
		printf(_("%s may now use %s\n"), argv[i], store_path(s));
	return EXIT_OK;
}

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

int
cli_copy(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	const char *from = NULL, *to = NULL;
	struct store *src = NULL, *dst = NULL;
	struct store_copy_stats st;
	struct err e;
	bool made = false, unused;
	int ch, rc;

	while ((ch = cli_getopt(c, argc, argv, ":", longs, &rc)) != -1) {
		if (ch == -2)
			return rc;
		if (ch == 'f')
			from = optarg;
		else if (ch == 't')
			to = optarg;
	}
	if (from == NULL || to == NULL || optind < argc)
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
		/* Nothing half-written: a file made for the copy goes too. */
		if (made) {
			unlink(to);
			for (int k = 0; k < 2; k++) {
				char aux[4096];

				snprintf(aux, sizeof aux, "%s%s", to,
				    k ? "-shm" : "-wal");
				unlink(aux);
			}
		}
		return cli_fail_err(c, &e);
	}
	printf(_("copied %zu meetings; %zu were already there\n"), st.copied,
	    st.skipped);
	return EXIT_OK;
}
