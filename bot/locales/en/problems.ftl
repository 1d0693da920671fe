## Problems with a submission or a stored row. Shown after the field's form label
## ("开源地址 / Repository or homepage URL: …"), so they start with what is wrong.
## Contributor text arrives already quoted (“…”, one line, at most 60 characters).

## Schema

required = is required; fill it in.
empty = is empty; fill it in.
not-text = must be text.
too-long = is { $actual } characters long; the limit is { $limit }. Shorten it.
unknown-fields = has unknown field(s) { $fields }; the known fields are { $known }. Check the spelling.
schema-other = does not fit the schema ({ $detail }).
url-invalid = { $value } is not a valid URL; paste the full address, e.g. https://github.com/owner/repo.
url-scheme = must start with http:// or https://; other kinds of link are not accepted.
date-pattern = must be a date such as 2023, 2023-04, 2023-04-19, 2023/4/19, 2023年4月19日 or April 2023.
id-pattern = { $value } is not an id; use lowercase letters, digits and hyphens, e.g. biomedgpt-1-6b.
stamp-invalid = { $value } is not a date; write it as YYYY-MM-DD, e.g. 2024-03-01.

## Review rules for text

text-invisible = contains an invisible character, { $char }, here: { $near }{ $count ->
    [1] {""}
   *[other] {" "}({ $count } in all)
  }; delete it (retype the text around it if you cannot see where it is).
text-template = contains template or shortcode syntax (`{"{{"}`, `{"{%"}`); remove the braces.
text-html = contains HTML ({ $html }); write plain text, HTML is not shown.
text-image = contains an image; images are not accepted, link to the page instead.
text-link-scheme = contains a link to { $url }; only http:// and https:// links are allowed.
text-link-spoof = has a link whose text shows { $shown } but which goes to { $host } ({ $url }); make the link text a name, or the address it goes to.
text-trailing = ends with a stray “{ $char }”; remove it.
text-long-word = has { $word }, { $length } characters without a space; the page cannot wrap it, so its column would become that wide. Keep words to { $limit } characters (add spaces).
text-long-word-url = has the address { $word }, { $length } characters without a space; the page cannot wrap it, so its column would become that wide. Write it as a link with a short text instead: [name](https://…).
link-empty-label = has a link with no visible text ({ $url }); write the text to show between [ and ].
link-userinfo = has a link with a user name or password before “@” ({ $url }); it goes to { $host }, which the text before “@” hides. Link to the address itself.
name-no-letter = has no letter or digit; write the model's name.

## URLs

url-not-full = must be a full http:// or https:// address, e.g. https://github.com/owner/repo.
url-parens = has unbalanced parentheses; remove the stray “(” or “)”.
url-trailing-punct = ends with “{ $char }”, probably punctuation from the sentence around it; write { $suggestion }.
url-partial-link = would not work as a link on the page (Hugo links only { $linked } of it); remove trailing punctuation, or use the address of a public host name.
url-no-link = would not work as a link on the page (Hugo links none of it); use the address of a public host name.
url-markdown-link = is a markdown link; write only the address: { $suggestion }
url-angle-brackets = has angle brackets around it; write only the address: { $suggestion }
url-several = holds { $count } addresses; give one (the repository, or else the homepage) and mention the others under “Training data and method”.
url-space = has a space in it; an address has none. Remove it, or paste the address again.
url-userinfo = has a user name or password before “@”; such an address goes to { $host }, which the text before “@” hides. Give the address itself.
url-no-scheme = has no https:// in front; write { $suggestion }
url-with-text = holds other text besides the address; write only the address: { $suggestion }
url-full-width = has full-width characters; write it in half-width characters: { $suggestion }
url-scheme-typo = has its http:// or https:// mistyped; write { $suggestion }

## Dates

date-unknown = { $value } is not a date; write it as 2023, 2023-04, 2023-04-19, 2023/4/19, 2023年4月19日 or April 2023.
date-not-real = { $value } is not a real calendar date; check the month and the day.
date-future = { $value } is in the future; give the date the model was released.
date-ambiguous = { $value } could be read with the month first ({ $month_first }) or the day first ({ $day_first }); write it as year-month-day.
date-not-stored-form = { $value } is a date, but not in the form the data file keeps; write { $stored }.

## Duplicates

duplicate-name = { $name } is already on the leaderboard as row { $row } ({ $other }, id `{ $id }`); to correct that entry, use the update form instead: { $update }
duplicate-url = { $url } is already listed for row { $row } ({ $other }); fine if both models share it.
stored-duplicate-name = { $name } repeats row { $row }; merge the two rows.
stored-duplicate-url = { $url } is also the URL of row { $row }.
id-repeated = id { $id } is also the id of row { $row }; ids must be unique (give this row a new one: lowercase letters, digits and hyphens).

## The issue as a whole

label-repeated = appears more than once in the issue; keep one “### { $label }” section.
not-a-form = this issue was not written with the form, so there is nothing to add; open a new issue with the form (its field headings are how the bot reads the answers).

## Repository set-up, reported by `check`

post-stale = { $post } is out of date with { $data }; run `python -m bot render`.
form-field-managed = { $form }: the field `{ $field }` is one the bot fills in itself (readOnly in { $schema }); remove it from the form.
form-field-unknown = { $form }: the field `{ $field }` is not a property of { $schema }; add it to the schema or remove it from the form.
form-required-mismatch = { $form }: the field `{ $field }` is { $side ->
    [required] required
   *[optional] optional
  } in { $schema } but not in the form; make them agree.
form-needs-label = { $form } must apply the label `{ $label }` (`labels:`); the bot acts only on issues that carry it.
schema-field-not-in-form = { $schema } has the property `{ $field }` but { $form } has no field with that id; add one, or mark the property readOnly if the bot fills it in.
