## 更新或删除请求（“更新或删除条目”表单）中的问题。

entry-unknown = { $entry } 不是榜单上的条目；请填写它的标识或榜单上显示的名称。最接近的是：{ $suggestions }。
entry-unknown-none = { $entry } 不是榜单上的条目；请填写它的标识（页面上的锚点，如 `biogpt`）或榜单上显示的名称。
entry-ambiguous = { $entry } 对应不止一个条目（{ $ids }）；请填写你要修改的那个条目的标识。
change-unknown = { $value } 不是可选项；请选择 { $options }。
clear-required = 不能清空：每个条目都必须填写这一项。留空表示保持不变，也可以填写新值。
update-nothing = 这个请求没有修改任何字段；请填写要修改的字段（留空表示不变，`-` 表示清空），或选择删除该条目。
update-no-change = 填写的字段与现有的值相同，没有需要更新的内容。
update-conflict = 在提出这个请求之后已被修改：原来是 { $was }，现在是 { $now }（另一个修改已被合并），而这个请求会把它改成 { $wanted }。请编辑本 issue 确认你想要的值：修改 issue 正文的任何内容都算确认（例如在原因里补一句），或关闭 issue 撤回。
remove-conflict = 在提出删除请求之后已被修改：原来是 { $was }，现在是 { $now }（另一个修改已被合并）。请编辑本 issue 确认仍要删除：修改 issue 正文的任何内容都算确认（例如在原因里补一句），或关闭 issue 撤回。
entry-removed = 这个请求通过时对应的条目 { $entry } 之后已被删除（另一个修改已被合并），没有可修改的内容了。请关闭本 issue，或改填另一个条目。
remove-ignores-fields = 条目将被删除，所以填写的字段（{ $fields }）会被忽略。
reason-no-source = 没有附上来源；事实性修改请补充能说明它的链接（论文、仓库或公告），方便维护者核实。
