"""Every text the audit shows people, in Chinese and English, keyed by stable codes.

Code decides which message, this table how it is said (ready to move into the message catalog).
`{name}` placeholders are filled from a verdict's args; the caller escapes for where it goes.
"""

from __future__ import annotations

from collections.abc import Mapping

STATES = {
    "ok": ("正常", "ok"),
    "moved": ("已迁移", "moved"),
    "archived": ("已归档", "archived"),
    "gated": ("需申请访问", "gated"),
    "unverified": ("待确认", "unverified"),
    "dead": ("已失效", "dead"),
}

DETAILS = {
    "http-ok": ("HTTP {status}", "HTTP {status}"),
    "redirect": ("永久重定向（{status}）", "permanent redirect ({status})"),
    "http-gone": ("页面不存在（HTTP {status}）", "not found (HTTP {status})"),
    "http-status": ("HTTP {status}，无法据此判断", "HTTP {status}, which proves nothing"),
    "dns": ("域名无法解析", "the domain name does not resolve"),
    "dns-temporary": ("域名解析暂时失败", "name resolution failed for now"),
    "timeout": ("请求超时", "the request timed out"),
    "tls": ("TLS/证书错误", "TLS or certificate error"),
    "reset": ("连接被重置或中断", "the connection was reset or closed"),
    "connect": ("无法连接", "could not connect"),
    "redirect-loop": ("重定向循环", "redirect loop"),
    "too-many-redirects": ("重定向次数过多", "too many redirects"),
    "bad-redirect": ("重定向地址无效", "a redirect without a usable address"),
    "rate-limit": ("被限流，需等待 {seconds} 秒", "rate limited: asked to wait {seconds} s"),
    "network": ("网络错误", "network error"),
    "api-unreachable": ("无法访问 API（{error}），无法据此判断", "the API could not be reached ({error})"),
    "github-ok": ("仓库正常", "the repository exists"),
    "github-archived": ("仓库已归档（只读，不再维护）", "the repository is archived (read-only)"),
    "github-renamed": ("仓库已改名或转移到 {name}", "the repository was renamed or moved to {name}"),
    "github-missing": ("仓库不存在或已设为私有（{status}）", "the repository is gone or private ({status})"),
    "github-status": ("GitHub API 返回 {status}", "the GitHub API answered {status}"),
    "hub-ok": ("许可证：{license}", "license: {license}"),
    "hub-gated": (
        "需申请访问（{mode}），许可证：{license}",
        "access must be requested ({mode}); license: {license}",
    ),
    "hub-renamed": ("已改名为 {name}，许可证：{license}", "renamed to {name}; license: {license}"),
    "hub-missing": ("不存在或为私有（{status}）", "gone or private ({status})"),
    "hub-status": ("Hugging Face API 返回 {status}", "the Hugging Face API answered {status}"),
}

PENDING = (
    "已连续 {count}/{needed} 次检查失败，达到 {needed} 次才判定为失效",
    "failed {count} of the {needed} audits in a row needed to call it dead",
)
REPEATED = ("已连续 {count} 次无法确认", "unverified {count} audits in a row")

UI = {
    "title": ("链接检查报告", "Link health report"),
    "heading": ("🔗 链接检查", "Link health"),
    "summary": (
        "共 {links} 个链接（{checks} 项检查）：{counts}",
        "{links} links ({checks} checks): {counts}",
    ),
    "attention": ("需要处理", "Needs attention"),
    "informational": ("暂无需处理（仅供参考）", "For information (nothing to do yet)"),
    "all-clear": ("✅ 没有需要处理的链接。", "✅ No link needs attention."),
    "closed-note": (
        "本 issue 在没有需要处理的链接时自动关闭，再发现问题时自动重新打开。",
        "This issue is closed while no link needs attention, and reopens when one does.",
    ),
    "col-entry": ("条目", "Entry"),
    "col-field": ("字段", "Field"),
    "col-state": ("状态", "State"),
    "col-link": ("链接", "Link"),
    "col-detail": ("说明", "Detail"),
    "col-action": ("操作", "Action"),
    "suggested": ("建议改为", "suggested"),
    "update": ("提交更新", "Update"),
    "more": ("另有 {count} 项未列出", "{count} more not listed"),
    "footer": (
        "本 issue 由每周的链接检查（`audit.yml`）自动维护，手动修改会被覆盖。"
        "链接要连续 {needed} 次检查都证实失效才会标为“已失效”；403、429、5xx 和超时只标为“待确认”。",
        "This issue is kept by the weekly link audit (`audit.yml`); manual edits are overwritten. A link is "
        "called dead only after {needed} audits in a row proved it gone; 403, 429, 5xx and timeouts are only "
        "“unverified”.",
    ),
    "reason-moved": ("链接检查：链接已迁移", "Link audit: the link moved"),
    "reason-dead": ("链接检查：链接已失效", "Link audit: the link is dead"),
}


def both(pair: tuple[str, str], args: Mapping[str, object] | None = None) -> str:
    """`中文 / English`, placeholders filled (one of the two may be empty)."""
    zh, en = (text.format_map(dict(args or {})) for text in pair)
    return " / ".join(t for t in (zh, en) if t)


def state(name: str) -> str:
    return both(STATES[name])


def detail(
    code: str,
    args: Mapping[str, object],
    *,
    pending: tuple[int, int] | None = None,
    repeated: int = 0,
    cap: int = 0,
) -> str:
    """A verdict's detail, with how far a failure streak got: `pending` (count, needed) for a URL
    proven gone but not yet dead, `repeated` for a URL unverified in several audits in a row."""
    parts = [DETAILS.get(code, DETAILS["network"])]
    if pending is not None:
        parts.append(PENDING)
        args = {**args, "count": pending[0], "needed": pending[1]}
    elif repeated > 1:
        parts.append(REPEATED)
        args = {**args, "count": f"{repeated}+" if repeated == cap else repeated}
    zh = "，".join(p[0].format_map(dict(args)) for p in parts)
    en = "; ".join(p[1].format_map(dict(args)) for p in parts)
    return f"{zh} / {en}"


def ui(key: str, **args: object) -> str:
    return both(UI[key], args)
