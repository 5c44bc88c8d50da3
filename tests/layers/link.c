/*
 * The link check of one layer (LAYER, set by Makefile.am): this program is
 * linked with every object of that layer's library, whole, and only with
 * the libraries of the layers below it.  A call from the layer to a layer
 * above it, or to an outside library it may not use (a store file calling
 * initscr(), a core file calling sqlite3_open()), leaves a symbol
 * undefined and fails the build of `make check`.  Running it only reports
 * the success.
 */
#include <stdio.h>

int
main(void)
{
	printf("1..1\nok 1 - every object of the %s layer links with only "
	    "the layers below it\n", LAYER);
	return 0;
}
