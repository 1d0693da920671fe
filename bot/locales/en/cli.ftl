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
