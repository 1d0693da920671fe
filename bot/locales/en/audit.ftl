## The link audit (`python -m bot audit`): states, what each check found, the report and the tracking issue.
## Details follow the state ("dead: not found (HTTP 404)"); values are numbers or text from the servers.

## States

audit-state-ok = ok
audit-state-moved = moved
audit-state-archived = archived
audit-state-gated = gated
audit-state-unverified = unverified
audit-state-dead = dead

## What a check found

link-ok = HTTP { $status }
link-moved = permanent redirect ({ $status })
link-gone = not found (HTTP { $status })
link-status = HTTP { $status }, which proves nothing
link-dns = the domain name does not resolve
link-dns-temporary = name resolution failed for now
link-timeout = the request timed out
link-tls = TLS or certificate error
link-reset = the connection was reset or closed
link-connect = could not connect
link-redirect-loop = redirect loop
link-too-many-redirects = too many redirects
link-bad-redirect = a redirect without a usable address
link-rate-limit = rate limited: asked to wait { $seconds } s
link-network = network error
link-api-unreachable = the API could not be reached ({ $error })
github-ok = the repository exists
github-archived = the repository is archived (read-only)
github-renamed = the repository was renamed or moved to { $name }
github-missing = the repository is gone or private ({ $status })
github-status = the GitHub API answered { $status }
hub-ok = license: { $license }
hub-gated = access must be requested ({ $mode }); license: { $license }
hub-renamed = renamed to { $name }; license: { $license }
hub-missing = gone or private ({ $status })
hub-status = the Hugging Face API answered { $status }
audit-pending = failed { $count } of the { $needed } audits in a row needed to call it dead
audit-repeated = unverified { $count } audits in a row

## The report and the tracking issue

audit-title = Link health report
audit-heading = Link health
audit-summary = { $links } links ({ $checks } checks): { $counts }
audit-attention = Needs attention
audit-informational = For information (nothing to do yet)
audit-all-clear = ✅ No link needs attention.
audit-closed-note = This issue is closed while no link needs attention, and reopens when one does.
audit-col-entry = Entry
audit-col-field = Field
audit-col-state = State
audit-col-link = Link
audit-col-detail = Detail
audit-col-action = Action
audit-suggested = suggested
audit-update = Update
audit-more = { $count } more not listed
audit-footer = This issue is kept by the weekly link audit (`audit.yml`); manual edits are overwritten. A link is called dead only after { $needed } audits in a row proved it gone; 403, 429, 5xx and timeouts are only “unverified”.
audit-reason-moved = Link audit: the link moved
audit-reason-dead = Link audit: the link is dead

## Running it

audit-state-unreadable = the audit's saved state could not be read; failures are counted from zero.
audit-issue-unreadable = cannot read the tracking issue: the GitHub API answered { $status }.
audit-issue-failed = could not update the tracking issue: { $detail }. Re-run the job.
audit-issue-done = tracking issue: { $url } ({ $action })
