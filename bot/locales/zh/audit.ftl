## 链接检查（`python -m bot audit`）：状态、每项检查的发现、报告和跟踪 issue。
## 说明跟在状态之后（“已失效：页面不存在（HTTP 404）”）；变量是数字或服务器返回的文字。

## 状态

audit-state-ok = 正常
audit-state-moved = 已迁移
audit-state-archived = 已归档
audit-state-gated = 需申请访问
audit-state-unverified = 待确认
audit-state-dead = 已失效

## 检查的发现

link-ok = HTTP { $status }
link-moved = 永久重定向（{ $status }）
link-gone = 页面不存在（HTTP { $status }）
link-status = HTTP { $status }，无法据此判断
link-dns = 域名无法解析
link-dns-temporary = 域名解析暂时失败
link-timeout = 请求超时
link-tls = TLS/证书错误
link-reset = 连接被重置或中断
link-connect = 无法连接
link-redirect-loop = 重定向循环
link-too-many-redirects = 重定向次数过多
link-bad-redirect = 重定向地址无效
link-rate-limit = 被限流，需等待 { $seconds } 秒
link-network = 网络错误
link-api-unreachable = 无法访问 API（{ $error }），无法据此判断
github-ok = 仓库正常
github-archived = 仓库已归档（只读，不再维护）
github-renamed = 仓库已改名或转移到 { $name }
github-missing = 仓库不存在或已设为私有（{ $status }）
github-status = GitHub API 返回 { $status }
hub-ok = 许可证：{ $license }
hub-gated = 需申请访问（{ $mode }），许可证：{ $license }
hub-renamed = 已改名为 { $name }，许可证：{ $license }
hub-missing = 不存在或为私有（{ $status }）
hub-status = Hugging Face API 返回 { $status }
audit-pending = 已连续 { $count }/{ $needed } 次检查失败，达到 { $needed } 次才判定为失效
audit-repeated = 已连续 { $count } 次无法确认

## 报告和跟踪 issue

audit-title = 链接检查报告
audit-heading = 🔗 链接检查
audit-summary = 共 { $links } 个链接（{ $checks } 项检查）：{ $counts }
audit-attention = 需要处理
audit-informational = 暂无需处理（仅供参考）
audit-all-clear = ✅ 没有需要处理的链接。
audit-closed-note = 本 issue 在没有需要处理的链接时自动关闭，再发现问题时自动重新打开。
audit-col-entry = 条目
audit-col-field = 字段
audit-col-state = 状态
audit-col-link = 链接
audit-col-detail = 说明
audit-col-action = 操作
audit-suggested = 建议改为
audit-update = 提交更新
audit-more = 另有 { $count } 项未列出
audit-footer = 本 issue 由每周的链接检查（`audit.yml`）自动维护，手动修改会被覆盖。链接要连续 { $needed } 次检查都证实失效才会标为“已失效”；403、429、5xx 和超时只标为“待确认”。
audit-reason-moved = 链接检查：链接已迁移
audit-reason-dead = 链接检查：链接已失效

## 运行

audit-state-unreadable = 无法读取链接检查保存的状态；失败次数从零开始计算。
audit-issue-unreadable = 无法读取跟踪 issue：GitHub API 返回 { $status }。
audit-issue-failed = 无法更新跟踪 issue：{ $detail }。请重新运行任务。
audit-issue-done = 跟踪 issue：{ $url }（{ $action }）
