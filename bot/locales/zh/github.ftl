## 机器人在 GitHub 上写的其他文字：拉取请求标题和提交说明。

pull-title-add = 榜单新增 { $name }
pull-title-update = 更新榜单条目 { $name }
pull-title-remove = 从榜单删除 { $name }
