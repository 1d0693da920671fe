## 命令行帮助（python -m bot --help、python -m bot 命令 --help）。
## 每条帮助显示为“中文 / English”；说明和示例先中文后英文。

help-description = 医学大模型榜单的维护命令：检查投稿并提交、由 models.yaml 重新生成文章中的表格、检查整个仓库、发布文章。
help-epilog =
    示例：
      python -m bot submit issue.md     检查 issue 正文，把条目提交到新的本地分支
      python -m bot check               检查数据、文章、issue 表单和数据格式（schema）
      python -m bot render              修改 models.yaml 后重新生成表格
      python -m bot post publish        让文章在网站上显示（文章最初是草稿）

    请在榜单仓库的克隆中运行，或用 --repo PATH 指定仓库。
    退出状态：0 正常，1 未通过或发现问题，2 用法或配置错误。
    详见 README.md 和 docs/github-setup.md。
help-help = 显示帮助并退出
help-repo = 榜单仓库（默认：当前所在的仓库）
help-body = 含 issue 正文的文件，- 表示从标准输入读取

help-cmd-submit = 检查投稿并提交到新分支
help-submit =
    检查一份 issue 正文（GitHub 为“新模型”表单或“更新或删除条目”表单生成的 markdown），然后添加、修改或删除条目。

    默认读取 HEAD 中的文件，把改动提交到新的本地分支；你的检出、暂存区和工作区都不会改动（未提交的修改不包括在内，命令会提示）。--write 改为读取并直接修改工作区。--dry-run 只打印两种模式下会产生的差异，不做任何改动。
help-write = 读取并直接修改工作区，而不是提交
help-dry-run = 只打印差异，不做任何改动
help-branch = 分支名（默认：leaderboard/issue-N 或 leaderboard/<标识>）
help-issue = issue 编号，用于分支名和提交说明

help-cmd-parse-issue = 以 JSON 打印从 issue 正文读到的回答
help-parse-issue = 以 JSON 打印机器人从 issue 正文读到的回答；不属于任何回答、因而被略去的文字列在标准错误输出中。
help-form = issue 表单的 YAML 文件（默认：仓库中的新模型表单）

help-cmd-render = 由数据重新生成表格
help-render = 由 models.yaml 重新生成文章中的表格（只有内容改变时才写入文件）。数据有错误时拒绝生成，并列出与 `check` 相同的问题。
help-render-check = 只报告文章是否为最新（不是最新时退出状态为 1）

help-cmd-check = 检查数据、文章、表单与数据格式
help-check = 用数据格式（schema）和审核规则检查 models.yaml，检查文章中的表格是否为最新，以及 issue 表单是否与数据格式一致。有错误时退出状态为 1；提醒（手写的历史数据）只显示，不影响结果。
help-format = 输出格式：text（默认）或 json（每个问题一个对象，含问题代码和两种语言的说明）

help-cmd-import = 把手写文章的表格导入 models.yaml
help-import = 把手写文章中的表格导入 models.yaml，并把表格换成自动生成的版本。导入会丢失内容时拒绝执行。
help-post-file = 要导入的 markdown 文章
help-force = 覆盖已有的数据文件和文章

help-cmd-post = 发布文章或改回草稿
help-post = 设置文章的 `draft`（加 --redate 时还设置 `date`）；只有这两个命令会改动它们。
help-post-action = publish 发布，draft 改回草稿
help-redate = 与 publish 一起使用：把 `date` 设为现在

help-cmd-audit = 检查数据文件中的每个链接（需要联网）；不会修改数据
help-audit = 检查 models.yaml 中的每个链接，打印报告；不会修改数据。
help-audit-format = 报告格式（默认：{ $default }）
help-dead-after = 连续 N 次检查都证实链接已不存在，才判定为失效（默认：{ $default }）
help-state = 在本地多次运行之间，把检查的记录保存在这个文件中
help-github = 维护跟踪 issue 和任务摘要（GitHub Actions；读取 GITHUB_* 环境变量）
help-per-host = 对同一主机同时发出的请求数（默认：{ $default }）
help-concurrency = 同时发出的请求总数（默认：{ $default }）
help-timeout = 每个请求的超时秒数（默认：{ $default }）
help-max-wait = 最多等待多少秒的 Retry-After（默认：{ $default }）

help-cmd-action = 作为 GitHub Action 运行（new-model.yml）
help-action = .github/workflows/new-model.yml 的入口；读取 GITHUB_* 环境变量。
help-cmd-refresh = 重建机器人的拉取请求（refresh.yml）
help-refresh = .github/workflows/refresh.yml 的入口；在默认分支的最新提交上重建机器人开的每个拉取请求。

cli-not-issue-number = { $value } 不是 issue 编号
cli-not-positive = { $value } 不是正整数
