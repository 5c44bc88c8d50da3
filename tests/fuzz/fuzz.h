/*
 * What the fuzz targets share: the libFuzzer entry point's prototype (the
 * project builds with -Wmissing-prototypes) and a check that stops the run
 * with a message, so a broken property shows up as a crash with a reason
 * rather than a bare trap.  FUZZ_SHAREDIR is the source tree's share/,
 * given on the command line by `make fuzz`.
 */
#ifndef MINUTES_FUZZ_H
#define MINUTES_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define FUZZ_CHECK(cond, what) do {					\
	if (!(cond)) {							\
		fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, (what)); \
		abort();						\
	}								\
} while (0)

#endif
