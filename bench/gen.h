/*
 * Realistic generated meetings for the benchmarks (see gen.c).
 */
#ifndef MINUTES_BENCH_GEN_H
#define MINUTES_BENCH_GEN_H

struct meeting;

void	gen_seed(unsigned long long);
/* Fills m (initialised here) with meeting number i. */
void	gen_meeting(struct meeting *m, unsigned i);

#endif
