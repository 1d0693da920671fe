## 本地命令输出的文字。

cli-rejected = 未通过。请在 issue 中修改以下问题后重新提交：
cli-accepted-add = 已通过，新增为第 { $row } 行（标识 `{ $id }`）：
cli-accepted-update = 已通过：更新第 { $row } 行（标识 `{ $id }`）：
cli-accepted-remove = 已通过：删除第 { $row } 行（标识 `{ $id }`）：
cli-warnings = 提醒：
cli-changes = 改动：
cli-wrote = 已写入 { $paths }。请用 `git diff` 查看。
cli-branch = 分支 { $branch } { $state ->
    [created] 已创建
    [updated] 已更新
   *[unchanged] 已是最新
  }，提交 { $commit }（工作区未改动）。
