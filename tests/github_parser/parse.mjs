// GitHub's issue-form parser as a line-oriented server for the Python tests.
// Each stdin line is JSON {"body": str, "template": str | null, "slugify": bool};
// each stdout line is the JSON of parseIssue's result (or {"error": message}).
import { createInterface } from 'node:readline'
import { parseIssue } from '@github/issue-parser'

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity })
for await (const line of lines) {
  let out
  try {
    const req = JSON.parse(line)
    out = parseIssue(req.body, req.template ?? undefined, { slugify: Boolean(req.slugify) })
  } catch (err) {
    out = { error: String(err) }
  }
  process.stdout.write(JSON.stringify(out) + '\n')
}
