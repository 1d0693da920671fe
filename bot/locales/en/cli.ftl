## What the local commands print.

cli-rejected = Rejected. Fix these in the issue and submit again:
cli-accepted-add = Accepted as row { $row } (id `{ $id }`):
cli-accepted-update = Accepted: update of row { $row } (id `{ $id }`):
cli-accepted-remove = Accepted: removal of row { $row } (id `{ $id }`):
cli-warnings = Warnings:
cli-changes = Changes:
cli-wrote = Wrote { $paths }. Review with `git diff`.
cli-branch = Branch { $branch } { $state ->
    [created] created
    [updated] updated
   *[unchanged] already up to date
  } at { $commit } (working tree untouched).

cli-reading-head = Reading the files at HEAD ({ $commit }); the working tree is not read.
cli-reading-tree = Reading the working tree (--write).
cli-uncommitted = note: { $path } has uncommitted changes; they are not included (use --write to build on them).
cli-not-rendering = Not rendering: { $data } has errors (the same `python -m bot check` reports). Fix them first:

## Labels on the terminal and what each command reports.

severity-error = error
severity-warning = warning
report-row = row { $row }
cli-check-summary = { $failed ->
    [yes] FAILED
   *[no] ok
  }: { $rows } rows, { $errors } errors, { $warnings } warnings
cli-render-current = { $post } is up to date.
cli-render-stale = { $post } is out of date; run `python -m bot render`.
cli-rendered = Regenerated { $post }.
cli-imported = Imported { $rows } rows into { $data }; { $post } now has a generated table.
cli-post-state = { $post }: { $state ->
    [draft] draft
   *[published] published
  }{ $changed ->
    [yes] {""}
   *[no] {" "}(no change)
  }
cli-review = review
cli-merge = merge
cli-drop = drop

## Errors of the local commands (python -m bot …), printed after "错误 error:".

not-a-leaderboard = { $root } is not a leaderboard repository (it has none of the bot's files: { $form }, { $data }, …); run the command inside a clone of the leaderboard repository, or pass --repo PATH.
submit-needs-git = by default submit commits on a new branch, but { $root } is not a git repository; use --write to edit the files instead.

## Files named on the command line

file-not-found = { $path } does not exist.
file-is-directory = { $path } is a directory, not a file.
file-unreadable = cannot read { $path } ({ $detail }).
file-not-utf8 = { $path } is not UTF-8 text (line { $line }); save it as UTF-8 and try again (in Windows Notepad: “Save as”, encoding “UTF-8”).
