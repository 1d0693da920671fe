## The data file (models.yaml): reading it and editing one row. “row” is a position in the list
## (1-based), “line” a line of the file. Raised as errors: a maintainer fixes the file, then reruns.

data-not-yaml = { $file } is not valid YAML (line { $line }, column { $column }: { $problem }); fix it there first.
data-not-unicode = line { $line } of { $file } holds a character that cannot be stored as UTF-8; delete or retype it.
data-several-documents = { $file } holds several YAML documents (`---` at line { $line }); keep a single list of rows.
data-not-list = { $file } must be a YAML list of rows (`- name: …`).
data-row-not-mapping = row { $row } of { $file } (line { $line }) is not a mapping of field: value; write it as `- name: …`.
data-key-not-text = row { $row } of { $file } (line { $line }) has a field name that is not text; write field names as plain words like `name`.
data-row-not-text = row { $row } of { $file } (line { $line }) has a value that is not text (a list or a mapping) in `{ $field }`; write it as text.
data-tag = row { $row } of { $file } (line { $line }) tags `{ $field }` with the YAML tag `{ $tag }`; every value is text, remove the tag.
data-duplicate-key = row { $row } of { $file } (line { $line }) has the field `{ $field }` more than once; keep one.
data-alias-across-rows = row { $row } of { $file } (line { $line }) reuses text of row { $other } through a YAML alias (`*…`), which the bot cannot edit safely; write the text out in full and remove the anchor (`&…`).
data-alias-in-row = row { $row } of { $file } (line { $line }) uses a YAML alias (`*…`), so the bot cannot replace or remove it safely; write the text out in full.
data-line-break = line { $line } of { $file } contains an unusual line break ({ $char }); replace it with an ordinary line break.
data-doc-marker = { $file } has a YAML document marker (`---` or `...`) after its rows at line { $line }, so a new row cannot be added to the list; remove it.
data-layout = cannot find the `-` of row { $row } (line { $line }) of { $file }; start every row with `- ` at the beginning of its line.
data-no-such-row = { $file } has no row { $row } (it has { $count } rows).
data-new-not-text = the `{ $field }` of the row to write is not valid text, so it cannot be written to the data file.
data-final-newline = the last row of { $file } (row { $row }, line { $line }) ends with a block scalar (`|` or `>`) and the file has no final line break, so adding a row would change that text; add a line break at the end of the file (or write `|-`) and try again. Nothing was written.
data-unverified = after this change to row { $edited }, { $file } would not read back as intended ({ $reason ->
        [field] row { $row } would read a different `{ $field }`
        [fields] the fields of row { $row } would change
        [count] { $got } rows would be read instead of { $want }
        [parse] the edited text would not parse: { $problem }
       *[layout] the new row would not line up with the list
    }); nothing was written. Check { $file } around line { $line } (for example unusual indentation or a `|+` block scalar), rewrite those rows in the plain `- name: …` style and try again.
data-typed = `{ $field }: { $value }` (line { $line }) is not in quotes, so YAML readers that read values by type, such as Hugo, which builds the page's JSON, CSV and feed from this file, take it as { $kind ->
        [number] a number
        [boolean] true or false
       *[null] no value
    } and would publish something other than the table shows; write `{ $field }: '{ $value }'`{ $kind ->
        [null] , or delete the line if the field is meant to be empty
       *[other] {""}
    }.
