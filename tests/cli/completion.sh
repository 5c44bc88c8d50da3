#!/bin/sh
# The shell completions offer what the program takes: subcommands,
# options, export formats, template IDs, meeting IDs and series names from
# the database, statuses, file names where a file goes.  The bash script
# is driven as bash drives it (COMP_WORDS, COMP_CWORD, then COMPREPLY);
# the zsh one, where zsh is installed, with compadd stubbed out.
. "${top_srcdir:-.}/tests/cli/lib.sh"

needs bash "bash is not installed"
BASHCOMP="$top_srcdir/share/completion/minutes"
ZSHCOMP="$top_srcdir/share/completion/_minutes"
bindir=$(dirname "$MINUTES")

# comp WORD...: what bash offers for the last word (the one being typed),
# the words split as bash splits them (at "=" too); with BC set, with
# bash-completion loaded first.
comp() {
	PATH="$bindir:$PATH" bash -c '
	    [ -n "$BC" ] && . "$BC"
	    . "$1"; shift
	    COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMP_WORDS=()
	    for w; do
	        case $w in
	        --*=*) COMP_WORDS+=("${w%%=*}" "=" "${w#*=}") ;;
	        *) COMP_WORDS+=("$w") ;;
	        esac
	    done
	    [ -z "${COMP_WORDS[${#COMP_WORDS[@]}-1]}" ] && [ "${COMP_WORDS[${#COMP_WORDS[@]}-2]}" = "=" ] && unset "COMP_WORDS[${#COMP_WORDS[@]}-1]"
	    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	    _minutes
	    printf "%s\n" "${COMPREPLY[@]}"' sh "$BASHCOMP" minutes "$@" 2>"$T/cerr" |
	    sort | tr '\n' ' ' | sed 's/ $//'
}
BC=
export BC

is "$(bash -c ". '$BASHCOMP'; complete -p minutes")" "complete -F _minutes minutes" \
    "sourcing the script registers the completion"
like "$(comp '')" '^action actions copy edit export extract grant help import list new search show templates$' \
    "the subcommands"
is "$(comp ex)" "export extract" "subcommands by prefix"
is "$(comp --)" "--db --help --lang --version" "the global options"
is "$(comp --lang '')" "en vi" "the languages"
is "$(comp export 1 --f)" "--format" "an option by prefix"
is "$(comp export 1 --format '')" "docx html json md odt text" "the export formats"
is "$(comp export 1 --format=m)" "md" "--format=m: the value after the ="
is "$(comp actions --)" "--all --assignee --csv --due-before --excel --help --ics --json --meeting --open --output --overdue --series --since --taskwarrior --width --xlsx" \
    "every option of actions"
is "$(comp new --template '')" "giaoban liaison" "template IDs"
is "$(comp extract --lang '')" "auto en vi" "a choice"
is "$(comp show '')" "" "no meeting yet: nothing"
[ ! -e "$MINUTES_DB" ]; _result $? "completing creates no database"

sed 's/^series: .*/series: Giao ban quý 4/' "$FIX/en-liaison.md" >"$T/spaced.md"
"$MINUTES" import "$FIX/vi-quarterly.md" >/dev/null &&
    "$MINUTES" import "$T/spaced.md" >/dev/null
_result $? "two meetings"
is "$(comp export '')" "1 2" "meeting IDs from the database"
is "$(comp actions --meeting '')" "1 2" "meeting IDs as an option's value"
is "$(comp actions --series G)" 'Giao\ ban\ quý\ 4' "series names, quoted for the shell"
is "$(comp action 1 d)" "doing done dropped" "statuses after an action item"
like "$(comp action '')" '^[0-9]+( [0-9]+)*$' "open action items"
is "$(comp help ac)" "action actions" "help offers the commands"
is "$(comp --db "$T/none.db" show '')" "" "--db is honoured"
[ ! -e "$T/none.db" ]; _result $? "and not created"
mkdir "$T/files" && touch "$T/files/minutes-a.md" "$T/files/minutes-b.md"
is "$(cd "$T/files" && comp import min)" "minutes-a.md minutes-b.md" "file names for import"
is "$(cd "$T/files" && comp export 1 -o min)" "minutes-a.md minutes-b.md" "file names for -o"

if [ -f /usr/share/bash-completion/bash_completion ]; then
	BC=/usr/share/bash-completion/bash_completion
	is "$(comp ex)" "export extract" "with bash-completion loaded: subcommands"
	is "$(comp export 1 --format '')" "docx html json md odt text" "with bash-completion: formats"
	is "$(comp export 1 --format=m)" "md" "with bash-completion: --format=m"
	is "$(comp actions --series G)" 'Giao\ ban\ quý\ 4' "with bash-completion: series"
	BC=
else
	skipped "with bash-completion loaded" "bash-completion is not installed"
fi

if command -v zsh >/dev/null 2>&1; then
	z=$(cd "$T/files" && PATH="$bindir:$PATH" zsh -f -c '
	    compadd() { shift 2; print -l -- "$@"; }
	    _files() { print FILES; }
	    words=(minutes export 1 --format ""); CURRENT=5; . "$1"
	    words=(minutes import ""); CURRENT=3; . "$1"' sh "$ZSHCOMP" | tr '\n' ' ')
	is "$z" "text md json html docx odt FILES " "zsh offers the same"
else
	skipped "zsh offers the same" "zsh is not installed"
fi
done_testing
