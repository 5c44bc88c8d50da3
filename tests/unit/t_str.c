/*
 * Unit tests of lib/str: trimming cuts blanks and tabs at both ends and a
 * carriage return at the end only, in place, and leaves other white space;
 * a word is one of a '|'-separated list only when it is a whole member.
 */
#include "config.h"

#include <string.h>

#include "lib/str.h"
#include "tap.h"

static void
test_trim(void)
{
	char a[] = " \t key = value\t \r", b[] = "   ", c[] = "", d[] = "x\n";
	char e[] = "\rx";

	is_str(str_trim(a), "key = value", "blanks, tabs and a CR around");
	ok(strcmp(a + 3, "key = value") == 0, "cut in place");
	is_str(str_trim(b), "", "blanks only: nothing");
	is_str(str_trim(c), "", "empty stays empty");
	is_str(str_trim(d), "x\n", "a newline is not a blank");
	is_str(str_trim(e), "\rx", "a CR at the start is kept");
}

static void
test_one_of(void)
{
	ok(str_one_of("vi", "vi|en"), "the first member");
	ok(str_one_of("en", "vi|en"), "the last member");
	ok(str_one_of("iso", "iso"), "a list of one");
	ok(!str_one_of("v", "vi|en"), "not a prefix of a member");
	ok(!str_one_of("vie", "vi|en"), "not a longer word");
	ok(!str_one_of("vi|en", "vi|en"), "not two members at once");
	ok(!str_one_of("", "vi|en"), "not the empty word");
	ok(!str_one_of("vi", ""), "nothing is in the empty list");
}

int
main(void)
{
	test_trim();
	test_one_of();
	return tap_done();
}
