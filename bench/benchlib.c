/*
 * Shared benchmark helpers (see benchlib.h).  wait4 gives the child's peak
 * memory, which is what the memory targets are about.
 */
#include "config.h"

#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

#include "benchlib.h"

extern char **environ;

double
bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
bench_run(char *const argv[], double *secs, long *maxrss_kib)
{
	posix_spawn_file_actions_t fa;
	struct rusage ru;
	pid_t pid;
	int status, rc;
	double t0 = bench_now();

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	rc = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0 || wait4(pid, &status, 0, &ru) < 0)
		return -1;
	if (secs)
		*secs = bench_now() - t0;
	if (maxrss_kib)
		*maxrss_kib = ru.ru_maxrss;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int
bench_report(const char *what, double value, const char *unit,
    const char *cmp, double target)
{
	int met = strcmp(cmp, "<=") == 0 ? value <= target : value >= target;

	printf("%-44s %9.2f %-10s target %s %g  %s\n", what, value, unit, cmp,
	    target, met ? "ok" : "MISSED");
	return met;
}

char *
bench_db(const char *dir, const char *file)
{
	const char *u = getenv("MINUTES_BENCH_DB");
	size_t n;
	char *p;

	if (u && *u) {
		p = malloc(strlen(u) + 1);
		if (p)
			strcpy(p, u);
		return p;
	}
	n = strlen(dir) + strlen(file) + 2;
	if ((p = malloc(n)) != NULL)
		snprintf(p, n, "%s/%s", dir, file);
	return p;
}

int
bench_shared(const char *db)
{
	return strncmp(db, "postgres", 8) == 0;
}
