"""The link audit: `python -m bot audit` checks every URL of the data file and keeps one report.

Pure core: `targets` (which URLs, and what to ask about each), `verdicts` (an answer → a state),
`history` (the consecutive-failure rule and what is remembered between runs), `state` (that memory
as text hidden in the tracking issue), `report` and `texts` (what people read), `tracking` (the
tracking issue's body and what to do with the issue).
Edges: `limits` (per-host and global concurrency, waits), `fetch` (one HTTP request with httpx),
`web`, `github_api`, `hub` (the three kinds of checks), `checker` (runs them all), `issue` (the
tracking issue through PyGithub), `command` (the CLI and the Actions job); `settings` and `options`
(the knobs and their command-line options, light enough for every command's parser).
"""
