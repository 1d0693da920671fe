## 数据文件（models.yaml）：读取它、修改其中一条。“条”是列表中的位置（从 1 数起），“行”是文件的行。
## 作为错误报告：维护者修正文件后重新运行。

data-not-yaml = { $file } 不是有效的 YAML（第 { $line } 行第 { $column } 列：{ $problem }）；请先修正这一处。
data-not-unicode = { $file } 第 { $line } 行含有无法以 UTF-8 保存的字符；请删除或重新输入。
data-several-documents = { $file } 含有多个 YAML 文档（第 { $line } 行的 `---`）；请只保留一个条目列表。
data-not-list = { $file } 必须是一个条目列表（每条以 `- name: …` 开头）。
data-row-not-mapping = { $file } 的第 { $row } 条（文件第 { $line } 行）不是“字段: 值”的映射；请写成 `- name: …` 的形式。
data-key-not-text = { $file } 的第 { $row } 条（文件第 { $line } 行）有一个不是文字的字段名；字段名请写成普通的词，如 `name`。
data-row-not-text = { $file } 的第 { $row } 条（文件第 { $line } 行）的 `{ $field }` 不是文字（是列表或映射）；请把它写成一段文字。
data-tag = { $file } 的第 { $row } 条（文件第 { $line } 行）的 `{ $field }` 带有 YAML 标签 `{ $tag }`；所有的值都是文字，请删掉这个标签。
data-duplicate-key = { $file } 的第 { $row } 条（文件第 { $line } 行）的字段 `{ $field }` 出现了不止一次；请只保留一个。
data-alias-across-rows = { $file } 的第 { $row } 条（文件第 { $line } 行）通过 YAML 别名（`*…`）使用了第 { $other } 条的内容，机器人无法安全地修改这样的文件；请把别名换成完整的文字，并删掉对应的锚点（`&…`）。
data-alias-in-row = { $file } 的第 { $row } 条（文件第 { $line } 行）使用了 YAML 别名（`*…`），机器人无法安全地替换或删除这一条；请把别名换成完整的文字。
data-line-break = { $file } 第 { $line } 行含有特殊的换行符（{ $char }）；请改成普通换行。
data-doc-marker = { $file } 在条目之后（第 { $line } 行）有 YAML 文档标记（`---` 或 `...`），新条目无法加入列表；请删掉它。
data-layout = 无法确定 { $file } 第 { $row } 条（文件第 { $line } 行）的 `-` 的位置；请让每一条都以位于行首的 `- ` 开始。
data-no-such-row = { $file } 没有第 { $row } 条（共 { $count } 条）。
data-new-not-text = 要写入的条目的 `{ $field }` 不是有效的文字，无法写入数据文件。
data-final-newline = { $file } 的最后一条（第 { $row } 条，文件第 { $line } 行）以块标量（`|` 或 `>`）结尾，而文件末尾没有换行，追加条目会改变它的内容；请在文件末尾加一个换行（或改用 `|-`）后再试。没有写入任何内容。
data-unverified = 修改第 { $edited } 条后，{ $file } 读出的内容会与预期不符（{ $reason ->
        [field] 第 { $row } 条的 `{ $field }` 会变成别的值
        [fields] 第 { $row } 条的字段会改变
        [count] 会读出 { $got } 条而不是 { $want } 条
        [parse] 修改后的文本无法解析：{ $problem }
       *[layout] 新条目的缩进与列表不一致
    }）；没有写入任何内容。请检查 { $file } 第 { $line } 行附近（例如不寻常的缩进或块标量 `|+`），把相关条目改成普通的 `- name: …` 写法后再试。
data-typed = 第 { $line } 行的 `{ $field }: { $value }` 没有加引号，按类型读取 YAML 的程序（包括用这个文件生成页面 JSON、CSV 和订阅的 Hugo）会把它当作{ $kind ->
        [number] 数字
        [boolean] 真假值
       *[null] 空值
    }，发布出去的内容会与表格不一致；请写成 `{ $field }: '{ $value }'`{ $kind ->
        [null] ；如果这一项本应为空，删掉这一行
       *[other] {""}
    }。
