/*
 * Entry point: locale and message catalogue, then hand the command line to
 * the CLI.  No logic lives here.
 */
#include "config.h"

#include "cli/cli.h"

int
main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
