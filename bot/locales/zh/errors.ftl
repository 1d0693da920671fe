## 让命令停下的错误：仓库、其中的文件或运行环境需要处理。
## 显示在 "error:" 之后（终端）、任务日志和摘要中，以及 issue 上的配置问题留言里。

## 仓库中的文件

file-missing = 仓库中缺少 { $path }（机器人按默认目录结构查找）。
schema-invalid = 数据格式（schema）不是有效的 JSON Schema：{ $detail }
form-not-yaml = issue 表单不是有效的 YAML：{ $detail }
form-no-body = issue 表单没有 `body:` 字段列表。
post-markers = 文章中必须恰好有一行 `<!-- leaderboard:start … -->`，其后有一行 `<!-- leaderboard:end -->`，包住生成的表格。
frontmatter-json = 文章的 JSON front matter 不是有效的 JSON：{ $detail }
frontmatter-unreadable = 无法读取文章的 { $format } front matter：{ $detail }
frontmatter-not-mapping = 文章的 { $format } front matter 不是“键 = 值”的映射。
frontmatter-missing = 文章没有 front matter；请添加包含 title 和 date 的 `+++` TOML 块。

## 命令

import-exists = { $paths } 已存在；如要替换请加 --force。
import-has-block = 这篇文章已经有生成的表格；请编辑 models.yaml 并运行 `python -m bot render`。
import-no-table = 文章中没有找到 markdown 表格。
import-unknown-columns = 未知的列 { $unknown }；导入工具认识的列是 { $known }。
import-repeated-column = 表头中有重复的列：{ $header }。
import-no-rows = 表格只有表头，没有数据行。
import-cell-count = 表格第 { $row } 行有 { $cells } 个单元格，表头有 { $expected } 个。
import-bad-date = 表格第 { $row } 行：导入工具看不懂日期 { $value }。
import-lossy = 表格第 { $row } 行 { $column } 列：导入会把 { $original } 改成 { $rendered }。
post-missing = 缺少 { $path }。
redate-publish-only = --redate 只能与 `post publish` 一起使用。

## Git 与 GitHub

git-failed = git { $command } 失败：{ $detail }
branch-invalid = { $branch } 不是有效的分支名。
branch-checked-out = 分支 { $branch } 正被检出；请切换到其他分支，或用 --branch NAME 指定。
branch-taken-local = 分支 { $branch } 上有不是机器人提交的改动；请用 --branch NAME 指定其他分支。
branch-taken-github = 分支上有不是机器人提交的改动（最新提交 { $head }）。
branch-lost = 分支 { $branch } 既无法创建也找不到。
pulls-denied = GitHub 不允许工作流创建拉取请求。需要维护者在 Settings → Actions → General → Workflow permissions 中勾选 “Allow GitHub Actions to create and approve pull requests”（组织仓库还需在组织层级开启同一设置），然后重新运行该任务。
pull-closed-by-maintainer = 拉取请求 #{ $number } 已被维护者关闭。
not-in-actions = 不是在 GitHub Actions 中运行：未设置 { $missing }（需要把 GITHUB_TOKEN 传给该步骤：`env: GITHUB_TOKEN: ${"{{"} secrets.GITHUB_TOKEN {"}}"}`）。
event-unreadable = 无法读取事件文件 GITHUB_EVENT_PATH：{ $detail }
