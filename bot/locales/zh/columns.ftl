## 表格的列，声明在数据格式（row schema）的 `x-table` 部分（bot/columns.py）。
## 错误会中止命令；问题由 `python -m bot check` 报告。

columns-missing = 数据格式中没有声明表格列的 `{ $key }` 部分；见 README 的“Columns”一节。
columns-malformed = 数据格式的 `{ $where }` 写法有误：{ $detail }
columns-field-unplaced = { $schema }：字段 `{ $field }` 不在 `{ $key }` 的任何一列中，也不在 `notShown` 中；请把它加到某一列的 `fields` 或 `notShown`。
columns-field-unknown = { $schema }：`{ $key }` 提到了字段 `{ $field }`，但数据格式中没有这个字段；请添加该字段或删除这个名字。
columns-field-twice = { $schema }：`{ $key }` 把字段 `{ $field }` 放在了不止一处；请只保留一处。
columns-header-twice = { $schema }：`{ $key }` 有两列的表头都是 `{ $header }`；表头必须互不相同。
import-column-fields = 列 { $column } 显示 { $fields } 个字段；导入时一个单元格最多只能拆成两个字段。
