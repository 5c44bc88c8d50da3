/*
 * Benchmark of search and the text export: builds a database of N
 * generated meetings through the store (so the index is kept the way
 * every save keeps it), then times searches of several kinds -- a rare
 * name typed without diacritics, a phrase most meetings hold, a common
 * word with its diacritics, a title -- both in-process (the store and the
 * snippets, what the screen will call) and as the real `minutes search`
 * process, and the export of one meeting as text the same two ways.
 * Prints each figure against its target, and the database's size with
 * and without the index.
 *
 *   bench_search [-n N] BINARY DIR
 */
#include "config.h"

#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "benchlib.h"
#include "export/export.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "gen.h"
#include "core/model.h"
#include "core/search.h"
#include "core/tmpl.h"
#include "lib/xmalloc.h"
#include "store/store.h"

/* Wall seconds of argv with stdout to /dev/null; -1 on failure. */
static double
run(char *const argv[])
{
	double secs;

	return bench_run(argv, &secs, NULL) == 0 ? secs : -1;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

#define RUNS 15

/* One search in-process, snippets included, as the screen would run it:
 * the median of RUNS, in ms.  *nhits gets the hit count. */
static double
time_search(struct store *s, const char *text, size_t *nhits)
{
	double t[RUNS];

	for (int r = 0; r < RUNS; r++) {
		struct search_query q;
		struct search_hit *v;
		struct err e;
		size_t n;
		double t0 = bench_now();

		if (search_query_parse(text, 0, &q, &e) ||
		    store_search(s, &q, 20, &v, &n, &e)) {
			fprintf(stderr, "bench_search: %s: %s\n", text, e.msg);
			exit(1);
		}
		for (size_t i = 0; i < n; i++) {
			struct buf b = BUF_INIT;

			search_snippet(&b, v[i].text, &q, 60, "»", "«");
			buf_free(&b);
		}
		t[r] = (bench_now() - t0) * 1000;
		*nhits = n;
		store_search_hits_free(v, n);
		search_query_free(&q);
	}
	qsort(t, RUNS, sizeof t[0], cmp_double);
	return t[RUNS / 2];
}

static double
time_cli(char *const argv[])
{
	double t[RUNS];

	for (int r = 0; r < RUNS; r++)
		if ((t[r] = run(argv)) < 0) {
			fprintf(stderr, "bench_search: %s %s failed\n", argv[0],
			    argv[3]);
			exit(1);
		}
	qsort(t, RUNS, sizeof t[0], cmp_double);
	return t[RUNS / 2] * 1000;
}

/* Fills s with n generated meetings, timing the inserts; returns the id
 * of the one in the middle. */
static int64_t
fill(struct store *s, unsigned n)
{
	struct err e;
	int64_t mid = 0;
	double t0, t;

	gen_seed(7);
	t0 = bench_now();
	for (unsigned i = 0; i < n; i++) {
		struct meeting m;

		gen_meeting(&m, i);
		if (store_meeting_insert(s, &m, &e)) {
			fprintf(stderr, "bench_search: meeting %u: %s\n", i, e.msg);
			exit(1);
		}
		if (i == n / 2)
			mid = m.id;
		meeting_free(&m);
	}
	t = bench_now() - t0;
	printf("search and export: %u generated meetings\n", n);
	bench_report("store insert with indexing", n / t, "meetings/s", ">=", 500);
	return mid;
}

/* The searches and the export of meeting mid, in this process. */
static void
in_process(struct store *s, const struct tmpl_set *set, int64_t mid,
    bool shared)
{
	static const struct { const char *q, *what; } queries[] = {
		{ "Do Kim Trang", "a name, no diacritics" },
		{ "\"dan van kheo\"", "a phrase most meetings hold" },
		{ "giám sát", "common words, diacritics as typed" },
		{ "lần 4242", "a title" },
	};
	double tt[RUNS], t0;
	struct err e;

	for (size_t k = 0; k < sizeof queries / sizeof queries[0]; k++) {
		char what[96];
		size_t hits;
		double ms = time_search(s, queries[k].q, &hits);

		snprintf(what, sizeof what, "search, %s (%zu hits)",
		    queries[k].what, hits);
		/* Issue 16 sets 50 ms on a local PostgreSQL server. */
		bench_report(what, ms, "ms", "<=", shared ? 50 : 20);
	}
	for (int r = 0; r < RUNS; r++) {
		struct meeting m;
		struct buf b = BUF_INIT;

		t0 = bench_now();
		if (store_meeting_load(s, mid, &m, &e)) {
			fprintf(stderr, "bench_search: %s\n", e.msg);
			exit(1);
		}
		export_text(&b, &m, tmpl_find(set, "giaoban"), 80);
		tt[r] = (bench_now() - t0) * 1000;
		buf_free(&b);
		meeting_free(&m);
	}
	qsort(tt, RUNS, sizeof tt[0], cmp_double);
	bench_report("export one meeting as text (load+layout)", tt[RUNS / 2],
	    "ms", "<=", 10);
}

/* The same through the real program: process start, database open and
 * output included. */
static void
whole_process(char *bin, char *db, int64_t mid)
{
	char idbuf[32];
	char *q[] = { bin, "--db", db, "search", "--width", "100", "Do",
	    "Kim", "Trang", NULL };
	char *x[] = { bin, "--db", db, "export", idbuf, "--format", "text",
	    NULL };

	snprintf(idbuf, sizeof idbuf, "%lld", (long long)mid);
	bench_report("minutes search (whole process)", time_cli(q), "ms", "<=",
	    bench_shared(db) ? 50 : 20);
	bench_report("minutes export --format text (whole process)",
	    time_cli(x), "ms", "<=", 10);
}

/* The database file's size, and the index's share of it. */
static void
sizes(const char *db, int64_t index_bytes)
{
	struct stat sb;

	if (bench_shared(db)) {
		printf("%-44s %9.1f MiB\n", "size of the search index",
		    (double)index_bytes / 1048576);
		return;
	}
	stat(db, &sb);
	printf("%-44s %9.1f MiB\n", "database size with the index",
	    (double)sb.st_size / 1048576);
	if (index_bytes >= 0) {
		printf("%-44s %9.1f MiB (%.0f%% of the file)\n", "  of which the index",
		    (double)index_bytes / 1048576,
		    100.0 * (double)index_bytes / (double)sb.st_size);
		printf("%-44s %9.1f MiB\n", "database size without the index",
		    (double)(sb.st_size - index_bytes) / 1048576);
	} else
		printf("(this SQLite has no dbstat: the index's share is unknown)\n");
}

int
main(int argc, char **argv)
{
	unsigned n = 10000;
	int opt;
	struct tmpl_set set;
	struct store *s;
	struct err e;
	char *db, *bin, *dir;
	int64_t mid, index_bytes;

	while ((opt = getopt(argc, argv, "n:")) != -1) {
		if (opt == 'n')
			n = (unsigned)strtoul(optarg, NULL, 10);
		else
			return 2;
	}
	if (argc - optind != 2 || n == 0) {
		fprintf(stderr, "usage: bench_search [-n N] BINARY DIR\n");
		return 2;
	}
	bin = argv[optind];
	dir = argv[optind + 1];
	db = bench_db(dir, "search.db");
	if (!bench_shared(db))
		unlink(db);
	if (tmpl_set_load(&set, &e) || store_open(db, STORE_CREATE, &s, &e)) {
		fprintf(stderr, "bench_search: %s\n", e.msg);
		return 1;
	}
	mid = fill(s, n);
	in_process(s, &set, mid, bench_shared(db));
	index_bytes = store_search_size(s);
	store_close(s);
	tmpl_set_free(&set);
	whole_process(bin, db, mid);
	sizes(db, index_bytes);
	if (!bench_shared(db) && getenv("BENCH_KEEP") == NULL)
		unlink(db);
	free(db);
	return 0;
}
