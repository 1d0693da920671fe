## How a submission is written, as opposed to what its answers say (bot/body_review.py, bot/validate.py).
## Contributor text arrives already quoted (“…”, one line, at most 60 characters).

## Text in the issue that is not an answer to the form: left out, never published.

extra-heading-like-label = the heading { $heading } is not exactly the form's “{ $label }”, so the answer under it was not read; change it back to “### { $label }” (exactly), or remove that section.
extra-section = { $heading } { $where ->
    [before] before the first field
   *[after] after the answer to “{ $field }”
  } is not a field of the form (it holds { $text }); it was left out. Put notes in a comment instead.
extra-heading = { $heading } { $where ->
    [before] before the first field
   *[after] after the answer to “{ $field }”
  } is not a field of the form; it was left out.
extra-note = { $text } { $where ->
    [before] before the first field
   *[after] after the answer to “{ $field }”
  } reads as a note, not as part of the answer; it was left out. Write notes as a comment.
extra-text = the text { $text } { $where ->
    [before] before the first field
   *[after] after the answer to “{ $field }”
  } belongs to no field of the form; it was left out.

## Values

text-table-row = { $value } looks like a row pasted from a table; put each value in its own field (the name here, the organization and the release date in theirs).
