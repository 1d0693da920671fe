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

cli-reading-head = 读取 HEAD（{ $commit }）中的文件；不读取工作区。
cli-reading-tree = 读取工作区（--write）。
cli-uncommitted = 注意：{ $path } 有未提交的修改，不会包含在内（要在其基础上修改请用 --write）。
cli-not-rendering = 未生成表格：{ $data } 有错误（与 `python -m bot check` 报告的相同）。请先修正：

## 本地命令（python -m bot …）的错误，显示在 "error:" 之后。

not-a-leaderboard = { $root } 不是榜单仓库（没有 { $form }、{ $data } 等机器人的文件）；请在榜单仓库的克隆中运行，或用 --repo 指定路径。
submit-needs-git = submit 默认提交到新分支，但 { $root } 不是 git 仓库；请用 --write 直接修改文件。
