/*
 * Reading a rule's pattern as source text, which the gates
 * (extract_gate.c), the heads (extract_head.c) and the loader
 * (extract_rules.c) all do: where a group or a class that opens at some
 * place closes, and whether a stretch of the pattern has branches of
 * its own.  Escapes are passed over whole, and a class ("[^)]", "[]x]")
 * is one item whatever it holds.  PCRE2 has compiled the pattern before
 * any of this runs, so a pattern read here is well formed.
 */
#include "config.h"

#include "extract/extract_int.h"

size_t
extract_pat_close(const char *p, size_t e, size_t i)
{
	int depth = 0;
	bool cls = false;

	for (size_t j = i; j < e; j++) {
		if (p[j] == '\\') {
			j++;
			continue;
		}
		if (cls) {
			if (p[j] == ']') {
				cls = false;
				if (p[i] == '[')
					return j + 1;
			}
			continue;
		}
		if (p[j] == '[') {
			/* A ']' first in a class, or after '^', is a member. */
			cls = true;
			if (j + 1 < e && p[j + 1] == '^')
				j++;
			if (j + 1 < e && p[j + 1] == ']')
				j++;
		} else if (p[j] == '(')
			depth++;
		else if (p[j] == ')' && --depth == 0)
			return j + 1;
	}
	return 0;
}

bool
extract_pat_has_alt(const char *p, size_t s, size_t e)
{
	for (size_t i = s; i < e; i++) {
		if (p[i] == '\\')
			i++;
		else if (p[i] == '(' || p[i] == '[') {
			size_t c = extract_pat_close(p, e, i);

			if (c == 0)
				return true;
			i = c - 1;
		} else if (p[i] == '|')
			return true;
	}
	return false;
}
