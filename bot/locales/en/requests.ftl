## Problems with an update or removal request (the “update / remove an entry” form).

entry-unknown = { $entry } is not an entry of the leaderboard; write its id or its name as listed. Closest: { $suggestions }.
entry-unknown-none = { $entry } is not an entry of the leaderboard; write its id (its anchor on the page, e.g. `biogpt`) or its name as listed.
entry-ambiguous = { $entry } names more than one entry ({ $ids }); write the id of the one you mean.
change-unknown = { $value } is not one of the choices; choose { $options }.
clear-required = cannot be cleared: every entry needs it. Leave it empty to keep it, or write the new value.
update-nothing = the request changes no field; fill in the fields to change (empty keeps a field, `-` clears it), or choose to remove the entry.
update-no-change = every field filled in already has that value; there is nothing to update.
update-conflict = changed since this request was made: it was { $was }, it is now { $now } (another change was merged), and this request would make it { $wanted }. Edit this issue to confirm the value you want: any change to the text of the issue confirms it (a word added to the reason will do), or close the issue to withdraw.
remove-conflict = changed since this removal was requested: it was { $was }, it is now { $now } (another change was merged). Edit this issue to confirm that the entry should still be removed: any change to the text of the issue confirms it (a word added to the reason will do), or close the issue to withdraw.
entry-removed = the entry { $entry } this request was accepted for has since been removed from the leaderboard (another change was merged), so there is nothing left to change. Close this issue, or name another entry.
remove-ignores-fields = the entry is removed, so the fields filled in ({ $fields }) are ignored.
reason-no-source = links no source; for a factual change, add the page that shows it (a paper, the repository, an announcement), so that a maintainer can check it.
