## The table's columns, declared in the row schema's `x-table` section (bot/columns.py).
## Errors stop a command; problems are reported by `python -m bot check`.

columns-missing = the row schema has no `{ $key }` section declaring the table's columns; see the README, section "Columns".
columns-malformed = the row schema's `{ $where }` is malformed: { $detail }
columns-field-unplaced = { $schema }: property `{ $field }` is in no column of `{ $key }` and not in its `notShown`; add it to a column's `fields` or to `notShown`.
columns-field-unknown = { $schema }: `{ $key }` names field `{ $field }`, which the schema does not have; add the property or remove the name.
columns-field-twice = { $schema }: `{ $key }` places field `{ $field }` more than once; keep one place.
columns-header-twice = { $schema }: `{ $key }` has two columns headed `{ $header }`; headers must differ.
import-column-fields = column { $column } shows { $fields } fields; the importer can split a cell into at most two.
