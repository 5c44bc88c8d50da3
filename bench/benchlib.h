/*
 * What the benchmarks share: a monotonic clock, running the real binary
 * with its output discarded, and one line per figure against its target.
 */
#ifndef MINUTES_BENCHLIB_H
#define MINUTES_BENCHLIB_H

/* Seconds on a monotonic clock. */
double	bench_now(void);
/* Runs argv with stdout to /dev/null; its wall seconds and peak resident
 * memory in KiB (either may be NULL).  Returns the exit status, or -1 if it
 * could not run or did not exit. */
int	bench_run(char *const argv[], double *secs, long *maxrss_kib);
/* Prints "what  value unit  target cmp target  ok|MISSED"; cmp is "<=" or
 * ">=".  Returns whether the target was met. */
int	bench_report(const char *what, double value, const char *unit,
	    const char *cmp, double target);

/* The store a benchmark builds: DIR/FILE, or the PostgreSQL database
 * MINUTES_BENCH_DB names (bench/pg.sh sets it); malloc'd. */
char	*bench_db(const char *dir, const char *file);
/* True when that store is a PostgreSQL one (no file to size or remove). */
int	bench_shared(const char *db);

#endif
