/*
 * Benchmark of the foundation: builds a database of N generated meetings
 * through the import path (Markdown written, read back, stored), then runs
 * the real `minutes list` against it.  Prints the import rate, the list's
 * wall time and peak memory, and the database size, each with its target.
 *
 *   bench_store [-n N] [-k] BINARY DIR
 *
 * -k keeps DIR/bench.db for other benchmarks.
 */
#include "config.h"

#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <fcntl.h>

#include "benchlib.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "gen.h"
#include "core/mdformat.h"
#include "core/model.h"
#include "core/tmpl.h"
#include "lib/paths.h"
#include "lib/xmalloc.h"
#include "store/store.h"

int
main(int argc, char **argv)
{
	unsigned n = 10000;
	int keep = 0, opt;
	struct tmpl_set set;
	struct store *s;
	struct err e;
	struct stat sb;
	char *db, *bin, *dir;
	double t0, t, best = 1e9;
	long rss = 0, r;

	while ((opt = getopt(argc, argv, "n:k")) != -1) {
		if (opt == 'n')
			n = (unsigned)strtoul(optarg, NULL, 10);
		else if (opt == 'k')
			keep = 1;
		else
			return 2;
	}
	if (argc - optind != 2) {
		fprintf(stderr, "usage: bench_store [-n N] [-k] BINARY DIR\n");
		return 2;
	}
	bin = argv[optind];
	dir = argv[optind + 1];
	db = bench_db(dir, "bench.db");
	if (!bench_shared(db))
		unlink(db);
	if (tmpl_set_load(&set, &e) || store_open(db, STORE_CREATE, &s, &e)) {
		fprintf(stderr, "bench_store: %s\n", e.msg);
		return 1;
	}
	gen_seed(42);
	t0 = bench_now();
	for (unsigned i = 0; i < n; i++) {
		struct meeting m, r2;
		struct buf b = BUF_INIT;

		gen_meeting(&m, i);
		if (md_write(&b, &m, &set, &e) ||
		    md_read(b.s, b.len, "gen", &set, &r2, &e) ||
		    store_meeting_insert(s, &r2, &e)) {
			fprintf(stderr, "bench_store: meeting %u: %s\n", i, e.msg);
			return 1;
		}
		meeting_free(&m);
		meeting_free(&r2);
		buf_free(&b);
	}
	t = bench_now() - t0;
	store_close(s);
	tmpl_set_free(&set);
	printf("foundation: %u generated meetings\n", n);
	bench_report("import rate (parse + store)", n / t, "meetings/s", ">=", 500);
	for (int k = 0; k < 5; k++) {
		char *args[] = { bin, "--db", db, "list", NULL };

		if (bench_run(args, &t, &r) != 0) {
			fprintf(stderr, "bench_store: minutes list failed\n");
			return 1;
		}
		if (t < best)
			best = t;
		if (r > rss)
			rss = r;
	}
	bench_report("minutes list, wall (best of 5)", best * 1000, "ms", "<=", 50);
	bench_report("minutes list, peak memory", (double)rss / 1024, "MiB", "<=", 16);
	if (!bench_shared(db) && stat(db, &sb) == 0)
		printf("%-36s %10.1f %-10s (%.1f KiB per meeting)\n",
		    "database size", (double)sb.st_size / 1048576, "MiB",
		    (double)sb.st_size / 1024 / n);
	if (!keep && !bench_shared(db))
		unlink(db);
	free(db);
	return 0;
}
