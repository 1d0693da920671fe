## Command line help (python -m bot --help, python -m bot COMMAND --help).
## Each help line is shown as "中文 / English"; descriptions and examples in Chinese, then in English.

help-description = Maintainer commands for the leaderboard: check a submission and commit it, regenerate the post's table from models.yaml, check the whole repository, publish the post.
help-epilog =
    examples:
      python -m bot submit issue.md     check an issue body and commit the row on a new local branch
      python -m bot check               validate data, post, issue form and schema
      python -m bot render              regenerate the table after editing models.yaml
      python -m bot post publish        make the post visible on the site (it starts as a draft)

    Run it inside a clone of the leaderboard repository, or pass --repo PATH.
    exit status: 0 ok, 1 rejected or problems found, 2 usage or setup error.
    More: README.md and docs/github-setup.md.
help-help = show this help and exit
help-repo = the leaderboard repository (default: the one you are in)
help-body = file with the issue body, or - for stdin

help-cmd-submit = check an issue body, commit the change on a new local branch
help-submit =
    Check an issue body (the markdown GitHub writes for the "new model" or the "update or remove an entry" form) and add, change or remove the entry.

    By default the files are read at HEAD and the change is committed on a new local branch; your checkout, index and working tree are untouched (uncommitted edits are not included, and the command says so). --write reads and edits the working tree instead. --dry-run prints the diff of what either mode would do and changes nothing.
help-write = read and edit the working tree instead of committing
help-dry-run = only print the diff; change nothing
help-branch = branch name (default: leaderboard/issue-N or leaderboard/<id>)
help-issue = issue number, used in the branch name and commit message

help-cmd-parse-issue = print what the bot reads from an issue body, as JSON
help-parse-issue = Print the answers the bot reads from an issue body, as JSON; text it leaves out (not part of any answer) is listed on stderr.
help-form = issue form YAML (default: the repository's new-model form)

help-cmd-render = regenerate the post's table from models.yaml
help-render = Regenerate the post's table from models.yaml (the file is written only if it changes). Refuses, with the problems `check` reports, when the data has errors.
help-render-check = only report whether the post is up to date (exit 1 if not)

help-cmd-check = validate data, post, form and schema
help-check = Validate models.yaml against the schema and the review rules, check that the post's table is up to date and that the issue forms agree with the schema. Errors exit 1; warnings (hand-written history) are printed only.
help-format = output format: text (default) or json (one object per problem, with its code and both languages)

help-cmd-import = import a hand-written post's table into models.yaml
help-import = Import the table of a hand-written post into models.yaml and replace the table with a generated one. Refuses unless the import is lossless.
help-post-file = the markdown post to import
help-force = overwrite an existing data file and post

help-cmd-post = publish the post or turn it back into a draft
help-post = Set the post's `draft` (and with --redate its `date`); the only commands that do.
help-post-action = publish, or draft to turn it back into a draft
help-redate = with publish: set `date` to now

help-cmd-audit = check every link of the data file (network); never changes the data
help-audit = Check every link of models.yaml and print a report; the data is never changed.
help-audit-format = report format (default: { $default })
help-dead-after = call a link dead after N consecutive audits proved it gone (default: { $default })
help-state = keep the audit's memory in this file between local runs
help-github = keep the tracking issue and the job summary (GitHub Actions; reads GITHUB_*)
help-per-host = requests at a time to one host (default: { $default })
help-concurrency = requests at a time in all (default: { $default })
help-timeout = seconds per request (default: { $default })
help-max-wait = longest Retry-After to wait for, in seconds (default: { $default })

help-cmd-action = run as the GitHub Action (new-model.yml)
help-action = Entry point of .github/workflows/new-model.yml; reads the GITHUB_* environment.
help-cmd-refresh = rebuild open bot pull requests (refresh.yml)
help-refresh = Entry point of .github/workflows/refresh.yml; rebuilds every open bot pull request on the default branch's head.

cli-not-issue-number = { $value } is not an issue number
cli-not-positive = { $value } is not a positive number
