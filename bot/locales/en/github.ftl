## Texts the bot writes on GitHub besides problems: pull request titles and commit subjects.

pull-title-add = Add { $name } to the leaderboard
pull-title-update = Update { $name } on the leaderboard
pull-title-remove = Remove { $name } from the leaderboard

## The GitHub job: annotations, the job summary, configuration and limits.

rate-limited = GitHub's rate limit asks for a { $wait } s wait (until { $resume } UTC), more than this job may wait ({ $limit } s), so it stopped. Re-run the failed job after that time.
kept-changing = issue #{ $issue } or the default branch kept changing while the bot worked ({ $rounds } rounds); the next edit or push handles it.
bad-login = LEADERBOARD_BOT_LOGIN={ $login } is not a GitHub login (for a GitHub App token: `<app-slug>[bot]`, the create-github-app-token step's app-slug output followed by [bot]).
bad-wait = LEADERBOARD_MAX_WAIT={ $wait } must be a whole number of seconds.
api-error = GitHub API error { $status }: { $detail }. Re-run the job: the bot checks what already exists and completes the work without duplicates.
unreachable = GitHub API unreachable: { $detail }. Re-run the job: it completes the work without duplicates.
pull-failed = pull request #{ $pull } (issue #{ $issue }) could not be rebuilt: { $detail }. The others were handled; re-running the job tries it again.
comment-failed = could not comment on issue #{ $issue }: { $status }
summary-title = Leaderboard bot
summary-failed = Leaderboard bot failed
summary-result = result
summary-pull = pull request
