## Errors that stop a command: the repository, its files or the environment need attention.
## Printed after "error:" (terminal), in the job log and summary, and in the setup comment on an issue.

## Files of the repository

file-missing = { $path } is missing from the repository (the bot expects the default layout).
schema-invalid = the row schema is not a valid JSON Schema: { $detail }
form-not-yaml = the issue form is not valid YAML: { $detail }
form-no-body = the issue form has no `body:` list of fields.
post-markers = the post must contain exactly one `<!-- leaderboard:start … -->` line followed by one `<!-- leaderboard:end -->` line around the generated table.
frontmatter-json = the post's JSON front matter is not valid JSON: { $detail }
frontmatter-unreadable = the post's { $format } front matter cannot be read: { $detail }
frontmatter-not-mapping = the post's { $format } front matter is not a mapping of keys to values.
frontmatter-missing = the post has no front matter; add a `+++` TOML block with title and date.

## Commands

import-exists = { $paths } already exist(s); pass --force to replace.
import-has-block = this post already has a generated table; edit models.yaml and run `python -m bot render`.
import-no-table = no markdown table found in the post.
import-unknown-columns = unknown column(s) { $unknown }; the importer knows { $known }.
import-repeated-column = the table header repeats a column: { $header }.
import-no-rows = the table has a header but no rows.
import-cell-count = table row { $row } has { $cells } cells, the header has { $expected }.
import-bad-date = table row { $row }: { $value } is not a date the importer understands.
import-lossy = table row { $row }, column { $column }: the import would change { $original } to { $rendered }.
post-missing = { $path } is missing.
redate-publish-only = --redate goes with `post publish`.

## Git and GitHub

git-failed = git { $command } failed: { $detail }
branch-invalid = { $branch } is not a valid branch name.
branch-checked-out = { $branch } is checked out; switch to another branch or pass --branch NAME.
branch-taken-local = branch { $branch } has commits that are not the bot's; pass --branch NAME.
branch-taken-github = the branch has commits that are not the bot's (head { $head }).
branch-lost = branch { $branch } could neither be created nor found.
pulls-denied = GitHub refused to let the workflow open a pull request. A maintainer must enable Settings → Actions → General → Workflow permissions → “Allow GitHub Actions to create and approve pull requests” (and, in an organization, the same setting at the organization level), then re-run the job.
pull-closed-by-maintainer = pull request #{ $number } was closed by a maintainer.
not-in-actions = not running in GitHub Actions: { $missing } not set (GITHUB_TOKEN must be passed to the step: `env: GITHUB_TOKEN: ${"{{"} secrets.GITHUB_TOKEN {"}}"}`).
event-unreadable = cannot read the event file GITHUB_EVENT_PATH: { $detail }
