## 提交或已存数据中的问题。显示在字段的表单标签之后
## （“开源地址 / Repository or homepage URL：…”），所以以问题本身开头。
## 投稿者的原文已经加了引号（“…”，一行，最多 60 个字符）。

## 数据格式（schema）

required = 必填，请填写。
empty = 为空，请填写。
not-text = 必须是文字。
too-long = 长 { $actual } 个字符，上限是 { $limit } 个，请缩短。
unknown-fields = 有未知字段 { $fields }；可用的字段是 { $known }。请检查拼写。
schema-other = 不符合数据格式（{ $detail }）。
url-invalid = { $value } 不是有效的网址；请粘贴完整地址，例如 https://github.com/owner/repo。
url-scheme = 必须以 http:// 或 https:// 开头；不接受其他类型的链接。
date-pattern = 必须是日期，例如 2023、2023-04、2023-04-19、2023/4/19、2023年4月19日 或 April 2023。
id-pattern = { $value } 不是有效的标识；请只用小写字母、数字和连字符，例如 biomedgpt-1-6b。
stamp-invalid = { $value } 不是日期；请写成 YYYY-MM-DD，例如 2024-03-01。

## 文字的审核规则

text-invisible = 含有看不见的字符 { $char }，位置：{ $near }{ $count ->
    [1] {""}
   *[other] （共 { $count } 个）
  }；请删掉它（看不出在哪里时，把附近的文字重新输入一遍）。
text-template = 含有模板或短代码语法（`{"{{"}`、`{"{%"}`）；请去掉花括号。
text-html = 含有 HTML（{ $html }）；请写纯文本，HTML 不会显示。
text-image = 含有图片；不接受图片，请改为链接到相应页面。
text-link-scheme = 含有指向 { $url } 的链接；只允许 http:// 和 https:// 链接。
text-link-spoof = 有一个链接的文字显示 { $shown }，实际却指向 { $host }（{ $url }）；请把链接文字写成名称，或写成它指向的网址。
text-trailing = 末尾多了一个“{ $char }”；请删掉。
text-long-word = 含有 { $word }，连续 { $length } 个字符没有空格；页面无法在其中换行，这一列会被撑得很宽。请用空格把它分开，每段不超过 { $limit } 个字符。
text-long-word-url = 含有网址 { $word }，连续 { $length } 个字符没有空格；页面无法在其中换行，这一列会被撑得很宽。请改写成带简短文字的链接：[名称](https://…)。
link-empty-label = 有一个链接没有可见的文字（{ $url }）；请在 [ 和 ] 之间写上要显示的文字。
link-userinfo = 有一个链接在“@”前带有用户名或密码（{ $url }）；它实际指向 { $host }，“@”前的文字会掩盖这一点。请直接链接到网址本身。
name-no-letter = 没有任何字母或数字；请填写模型的名称。

## 网址

url-not-full = 必须是完整的 http:// 或 https:// 网址，例如 https://github.com/owner/repo。
url-parens = 括号不成对；请删掉多余的“(”或“)”。
url-trailing-punct = 以“{ $char }”结尾，可能是句子里的标点；请写成 { $suggestion }。
url-partial-link = 在页面上无法完整成为链接（Hugo 只会链接其中的 { $linked }）；请删掉末尾的标点，或使用公开域名的地址。
url-no-link = 在页面上无法成为链接（Hugo 不会链接其中任何部分）；请使用公开域名的地址。
url-markdown-link = 是一个 markdown 链接；请只写网址：{ $suggestion }
url-angle-brackets = 两边带有尖括号；请只写网址：{ $suggestion }
url-several = 包含 { $count } 个网址；请只填一个（代码仓库，没有就填主页），其他网址请写在“所用数据”中。
url-space = 中间有空格；网址里不应有空格。请删掉空格，或重新粘贴网址。
url-userinfo = 在“@”前带有用户名或密码；这样的网址实际指向 { $host }，“@”前的文字会掩盖这一点。请填写网址本身。
url-no-scheme = 前面缺少 https://；请写成 { $suggestion }
url-with-text = 除了网址还有别的文字；请只写网址：{ $suggestion }
url-full-width = 含有全角字符；请改用半角，写成 { $suggestion }
url-scheme-typo = 开头的 http:// 或 https:// 写错了；请写成 { $suggestion }

## 日期

date-unknown = { $value } 不是日期；请写成 2023、2023-04、2023-04-19、2023/4/19、2023年4月19日 或 April 2023 这样的形式。
date-not-real = { $value } 不是真实存在的日期；请检查月份和日期。
date-future = { $value } 是未来的日期；请填写模型实际发布的日期。
date-ambiguous = { $value } 既可读作月在前（{ $month_first }），也可读作日在前（{ $day_first }）；请按“年-月-日”书写。
date-not-stored-form = { $value } 是日期，但不是数据文件保存的格式；请写成 { $stored }。

## 重复

duplicate-name = { $name } 已在榜单上：第 { $row } 条（{ $other }，标识 `{ $id }`）。如需修改该条目，请改用更新表单：{ $update }
duplicate-url = { $url } 已用于第 { $row } 条（{ $other }）；如果两个模型确实共用这个地址，可以忽略。
stored-duplicate-name = { $name } 与第 { $row } 条重复；请合并这两条。
stored-duplicate-url = { $url } 也是第 { $row } 条的网址。
id-repeated = 标识 { $id } 也是第 { $row } 条的标识；标识必须唯一，请给这一条换一个（只用小写字母、数字和连字符）。

## 整个 issue

label-repeated = 在 issue 中出现了不止一次；请只保留一节“### { $label }”。
not-a-form = 这个 issue 不是用表单填写的，机器人读不到要添加的内容；请用表单新建一个 issue（机器人靠表单的字段标题读取答案）。

## 仓库配置（由 `check` 报告）

post-stale = { $post } 与 { $data } 不同步；请运行 `python -m bot render`。
form-field-managed = { $form }：字段 `{ $field }` 由机器人自动填写（在 { $schema } 中是 readOnly）；请从表单中删除。
form-field-unknown = { $form }：字段 `{ $field }` 不是 { $schema } 中的属性；请在 schema 中添加，或从表单中删除。
form-required-mismatch = { $form }：字段 `{ $field }` 在 { $schema } 中是{ $side ->
    [required] 必填
   *[optional] 选填
  }，在表单中却不是；请让两者一致。
form-needs-label = { $form } 必须加上标签 `{ $label }`（`labels:`）；机器人只处理带有该标签的 issue。
schema-field-not-in-form = { $schema } 有属性 `{ $field }`，但 { $form } 中没有这个 id 的字段；请添加一个，或者如果由机器人填写，把该属性标为 readOnly。
