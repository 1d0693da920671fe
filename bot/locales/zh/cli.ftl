## 本地命令输出的文字。

cli-rejected = 未通过。请在 issue 中修改以下问题后重新提交：
cli-accepted-add = 已通过：新增为第 { $row } 条（标识 `{ $id }`）：
cli-accepted-update = 已通过：更新第 { $row } 条（标识 `{ $id }`）：
cli-accepted-remove = 已通过：删除第 { $row } 条（标识 `{ $id }`）：
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

## 终端上的标签和各命令的结果。

severity-error = 错误
severity-warning = 提醒
report-row = 第 { $row } 条
cli-check-summary = { $failed ->
    [yes] 未通过
   *[no] 通过
  }：共 { $rows } 条，{ $errors } 个错误，{ $warnings } 个提醒
cli-render-current = { $post } 已是最新。
cli-render-stale = { $post } 不是最新；请运行 `python -m bot render`。
cli-rendered = 已重新生成 { $post }。
cli-imported = 已把 { $rows } 条导入 { $data }；{ $post } 中的表格已改为自动生成。
cli-post-state = { $post }：{ $state ->
    [draft] 草稿
   *[published] 已发布
  }{ $changed ->
    [yes] {""}
   *[no] （没有变化）
  }
cli-review = 查看
cli-merge = 合并
cli-drop = 删除

## 本地命令（python -m bot …）的错误，显示在“错误 error:”之后。

not-a-leaderboard = { $root } 不是榜单仓库（没有 { $form }、{ $data } 等机器人的文件）；请在榜单仓库的克隆中运行，或用 --repo 指定路径。
submit-needs-git = submit 默认提交到新分支，但 { $root } 不是 git 仓库；请用 --write 直接修改文件。

## 命令行中指定的文件

file-not-found = 找不到文件 { $path }。
file-is-directory = { $path } 是目录，不是文件。
file-unreadable = 无法读取 { $path }（{ $detail }）。
file-not-utf8 = { $path } 不是 UTF-8 编码的文本（第 { $line } 行）；请用 UTF-8 编码另存后重试（例如 Windows 记事本：“另存为”，编码选“UTF-8”）。
