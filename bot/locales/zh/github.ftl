## 机器人在 GitHub 上写的其他文字：拉取请求标题和提交说明。

pull-title-add = 榜单新增 { $name }
pull-title-update = 更新榜单条目 { $name }
pull-title-remove = 从榜单删除 { $name }

## GitHub 任务：注解、任务摘要、配置与限额。

rate-limited = GitHub 限流要求等待 { $wait } 秒（到 UTC { $resume }），超过本任务允许的 { $limit } 秒，任务已停止。请在该时间之后重新运行失败的任务。
kept-changing = 处理期间 issue #{ $issue } 或默认分支连续变化了 { $rounds } 次；下一次编辑或推送会再处理。
bad-login = LEADERBOARD_BOT_LOGIN={ $login } 不是 GitHub 账号名（GitHub App 令牌应为 `<app-slug>[bot]`，即 create-github-app-token 步骤输出的 app-slug 加上 [bot]）。
bad-wait = LEADERBOARD_MAX_WAIT={ $wait } 应为整数秒。
api-error = GitHub API 错误 { $status }：{ $detail }。重新运行任务即可：机器人会先检查已有内容，补完工作而不会重复。
unreachable = 连不上 GitHub API：{ $detail }。重新运行任务即可，不会产生重复内容。
pull-failed = 拉取请求 #{ $pull }（issue #{ $issue }）未能重建：{ $detail }。其他拉取请求已照常处理；重新运行任务会再试。
comment-failed = 无法在 issue #{ $issue } 留言：{ $status }
summary-title = 榜单机器人
summary-failed = 榜单机器人失败
summary-result = 结果
summary-pull = 拉取请求
