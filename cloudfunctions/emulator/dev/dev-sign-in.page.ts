import type { Role } from '../../contracts/rules/member.rules'
import { escapeHtml } from '../host/http-util'

/** One row of the page: a seeded person as the store knows them now (they may have joined or left). */
export interface SignInPerson {
  openid: string
  name: string
  role: Role | null
  branchName: string | null
  post: string
  note: string
  isAdmin: boolean
}

export interface SignInBranch {
  name: string
  inviteCodes: { member: string; resident: string } | null
  people: SignInPerson[]
}

export interface SignInPageModel {
  branches: SignInBranch[]
  /** People in no branch: the newcomer, the street administrator. */
  others: SignInPerson[]
  currentOpenid: string | null
  currentName: string | null
  /** Where to go after choosing; already checked to be a local path. */
  next: string
  error?: string
}

const ROLE_LABEL: Record<Role, string> = { secretary: '支部书记', member: '党员', resident: '群众' }

function roleLabel(person: SignInPerson): string {
  if (person.isAdmin) return '街道管理员'
  return person.role ? ROLE_LABEL[person.role] : '未加入支部'
}

function signInHref(openid: string, next: string): string {
  const query = new URLSearchParams({ openid })
  if (next !== '/') query.set('next', next)
  return `/dev/sign-in?${query.toString()}`
}

function personRow(person: SignInPerson, model: SignInPageModel): string {
  const current = person.openid === model.currentOpenid
  return `<li class="person${current ? ' person--current' : ''}">
  <a class="person__link" href="${escapeHtml(signInHref(person.openid, model.next))}" data-openid="${escapeHtml(person.openid)}">
    <span class="person__name">${escapeHtml(person.name)}</span>
    <span class="badge badge--${person.isAdmin ? 'admin' : (person.role ?? 'none')}">${escapeHtml(roleLabel(person))}</span>
    <span class="person__post">${escapeHtml([person.post, person.branchName].filter(Boolean).join(' · '))}</span>
    <span class="person__note">${escapeHtml(person.note)}</span>
    <code class="person__openid">${escapeHtml(person.openid)}</code>
    <span class="person__action">${current ? '当前身份' : '以此身份进入 →'}</span>
  </a>
</li>`
}

export function renderSignInPage(model: SignInPageModel): string {
  const current = model.currentOpenid
    ? `<p class="current">当前身份：<strong>${escapeHtml(model.currentName ?? model.currentOpenid)}</strong>（<code>${escapeHtml(model.currentOpenid)}</code>）
       · <a href="/">进入小程序</a> · <a href="/dev/sign-out">退出登录</a></p>`
    : '<p class="current">当前未登录。</p>'
  const error = model.error ? `<p class="error" role="alert">${escapeHtml(model.error)}</p>` : ''
  const branches = model.branches
    .map(
      (branch) => `<section class="card">
  <h2>${escapeHtml(branch.name)}</h2>
  ${
    branch.inviteCodes
      ? `<p class="codes">邀请码：党员 <code>${escapeHtml(branch.inviteCodes.member)}</code> · 群众 <code>${escapeHtml(branch.inviteCodes.resident)}</code></p>`
      : ''
  }
  <ul class="people">${branch.people.map((p) => personRow(p, model)).join('\n')}</ul>
</section>`,
    )
    .join('\n')
  const others = model.others.length
    ? `<section class="card"><h2>未加入支部</h2><ul class="people">${model.others.map((p) => personRow(p, model)).join('\n')}</ul></section>`
    : ''
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>演示登录 · 支部活动（本地）</title>
<style>
  body { margin: 0; font-family: -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; background: #f5f5f5; color: #222; }
  main { max-width: 720px; margin: 0 auto; padding: 16px; }
  h1 { font-size: 20px; margin: 8px 0; color: #c8161d; }
  h2 { font-size: 16px; margin: 0 0 8px; }
  .hint { color: #666; font-size: 14px; margin: 4px 0 12px; }
  .current { background: #fff7e6; border: 1px solid #ffd591; border-radius: 8px; padding: 8px 12px; font-size: 14px; }
  .error { background: #fff1f0; border: 1px solid #ffa39e; border-radius: 8px; padding: 8px 12px; color: #a8071a; }
  .card { background: #fff; border-radius: 12px; padding: 12px 16px; margin: 12px 0; box-shadow: 0 1px 2px rgba(0,0,0,.06); }
  .codes { font-size: 13px; color: #666; margin: 0 0 8px; }
  .people { list-style: none; margin: 0; padding: 0; }
  .person { border-top: 1px solid #f0f0f0; }
  .person:first-child { border-top: 0; }
  .person__link { display: grid; grid-template-columns: auto 1fr auto; gap: 2px 8px; padding: 10px 4px; text-decoration: none; color: inherit; align-items: center; }
  .person__link:hover { background: #fafafa; }
  .person--current .person__link { background: #fff1f0; }
  .person__name { font-weight: 600; font-size: 16px; }
  .person__post, .person__note { grid-column: 1 / 3; font-size: 13px; color: #666; }
  .person__openid { grid-column: 1 / 3; font-size: 12px; color: #999; }
  .person__action { grid-row: 1 / 5; grid-column: 3; color: #c8161d; font-size: 14px; white-space: nowrap; }
  .badge { justify-self: start; font-size: 12px; border-radius: 4px; padding: 1px 6px; background: #f0f0f0; color: #555; }
  .badge--secretary { background: #c8161d; color: #fff; }
  .badge--member { background: #fff1f0; color: #c8161d; }
  .badge--resident { background: #e6f4ff; color: #0958d9; }
  .badge--admin { background: #f9f0ff; color: #531dab; }
  form { display: flex; gap: 8px; flex-wrap: wrap; }
  input { flex: 1; min-width: 180px; padding: 8px; border: 1px solid #d9d9d9; border-radius: 6px; font-size: 14px; }
  button { padding: 8px 16px; border: 0; border-radius: 6px; background: #c8161d; color: #fff; font-size: 14px; }
  footer { font-size: 13px; color: #888; margin: 16px 0; }
  code { font-family: ui-monospace, Menlo, Consolas, monospace; }
</style>
</head>
<body>
<main>
  <h1>支部活动 · 本地演示登录</h1>
  <p class="hint">仅本地开发可用：选择一位演示用户，以其身份打开小程序（H5 页面）。数据都是虚构的。</p>
  ${current}
  ${error}
  ${branches}
  ${others}
  <section class="card">
    <h2>其他身份</h2>
    <p class="hint">输入任意 openid（6–64 位字母、数字、下划线或短横线），以一位全新用户的身份进入。</p>
    <form method="get" action="/dev/sign-in">
      <input name="openid" placeholder="例如 test-user-001" pattern="[A-Za-z0-9_-]{6,64}" required>
      ${model.next !== '/' ? `<input type="hidden" name="next" value="${escapeHtml(model.next)}">` : ''}
      <button type="submit">进入</button>
    </form>
  </section>
  <footer>开发者工具：<a href="/dev/outbox">订阅消息发件箱（JSON）</a></footer>
</main>
</body>
</html>`
}
