## 投稿的写法，而不是回答的内容（bot/body_review.py、bot/validate.py）。
## 投稿者的原文已经加了引号（“…”，一行，最多 60 个字符）。

## issue 中不属于表单回答的文字：不发布。

extra-heading-like-label = 标题 { $heading } 与表单字段“{ $label }”不完全一致，机器人没有读取它下面的回答；请把标题改回“### { $label }”（一字不差），或删除这一节。
extra-section = { $where ->
    [before] 在第一个字段之前
   *[after] 在“{ $field }”的回答之后
  }的 { $heading } 不是表单的字段（内容：{ $text }），没有发布；备注请写在评论里。
extra-heading = { $where ->
    [before] 在第一个字段之前
   *[after] 在“{ $field }”的回答之后
  }的 { $heading } 不是表单的字段，没有发布。
extra-note = { $where ->
    [before] 在第一个字段之前
   *[after] 在“{ $field }”的回答之后
  }的 { $text } 看起来是留言，不是回答，没有发布；留言请写在评论里。
extra-text = { $where ->
    [before] 在第一个字段之前
   *[after] 在“{ $field }”的回答之后
  }的文字 { $text } 不属于任何字段，没有发布。

## 内容

text-table-row = { $value } 看起来是从表格复制的一整行；请把每一项填进各自的字段（名称、机构、发布时间……）。
