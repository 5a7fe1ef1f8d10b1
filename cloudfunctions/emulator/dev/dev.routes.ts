import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Role } from '../../contracts/rules/member.rules'
import { Collections } from '../../shared/collections'
import { identify, isValidOpenid, signInCookie, signOutCookie } from '../host/identity'
import { redirect, sendHtml, sendJson } from '../host/http-util'
import { DEMO_BRANCHES, DEMO_PEOPLE, type DemoPerson } from '../seed/demo-data.seed'
import { renderSignInPage, type SignInBranch, type SignInPerson } from './dev-sign-in.page'

/**
 * Developer pages that exist only in the local host: the sign-in that stands in for WeChat's login,
 * and a view of the subscribe messages the functions "sent". Nothing here is deployed.
 */

type Doc = Record<string, unknown>

export interface DevDeps {
  store: { find(collection: string, query?: Doc): Promise<Doc[]> }
  outbox(): Promise<unknown[]>
}

export async function handleDevRequest(req: IncomingMessage, res: ServerResponse, url: URL, deps: DevDeps): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  switch (url.pathname) {
    case '/dev/sign-in':
    case '/dev/sign-in/':
      await signIn(req, res, url, deps)
      return true
    case '/dev/sign-out':
      redirect(res, '/dev/sign-in', { 'set-cookie': signOutCookie() })
      return true
    case '/dev/outbox':
      sendJson(res, 200, await deps.outbox())
      return true
    default:
      return false
  }
}

async function signIn(req: IncomingMessage, res: ServerResponse, url: URL, deps: DevDeps): Promise<void> {
  const next = safeNext(url.searchParams.get('next'))
  const chosen = url.searchParams.get('openid')
  if (chosen !== null && isValidOpenid(chosen)) {
    redirect(res, next, { 'set-cookie': signInCookie(chosen) })
    return
  }
  const identity = identify(req)
  const currentOpenid = identity.kind === 'signed-in' ? identity.openid : null
  const { branches, others, names } = await currentPeople(deps)
  const html = renderSignInPage({
    branches,
    others,
    currentOpenid,
    currentName: currentOpenid ? (names.get(currentOpenid) ?? null) : null,
    next,
    error: chosen !== null ? 'openid 格式不正确：需要 6–64 位字母、数字、下划线或短横线（不能全是数字）。' : undefined,
  })
  sendHtml(res, chosen !== null ? 400 : 200, html)
}

/** Only a path on this host: `//evil.example` and `/\evil` would leave it. */
function safeNext(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/'
  return value
}

/**
 * The seeded people as the store knows them now: a developer who joined the newcomer to a branch, or
 * changed someone's role, sees that here rather than the seed's original story.
 */
async function currentPeople(
  deps: DevDeps,
): Promise<{ branches: SignInBranch[]; others: SignInPerson[]; names: Map<string, string> }> {
  const openids = DEMO_PEOPLE.map((p) => p.openid)
  const [memberDocs, branchDocs] = await Promise.all([
    deps.store.find(Collections.members, { _id: { $in: openids } }),
    deps.store.find(Collections.branches, { _id: { $in: DEMO_BRANCHES.map((b) => b.id) } }),
  ])
  const members = new Map(memberDocs.map((doc) => [String(doc._id), doc]))
  const branchNames = new Map<string, string>(DEMO_BRANCHES.map((b) => [b.id, b.name]))
  const inviteCodes = new Map<string, { member: string; resident: string } | null>()
  for (const doc of branchDocs) {
    const id = String(doc._id)
    if (typeof doc.name === 'string') branchNames.set(id, doc.name)
    inviteCodes.set(id, codesOf(doc.inviteCodes))
  }

  const people = DEMO_PEOPLE.map((person) => asStored(person, members.get(person.openid), branchNames))
  const branches: SignInBranch[] = DEMO_BRANCHES.map((branch) => ({
    name: branchNames.get(branch.id) ?? branch.name,
    inviteCodes: inviteCodes.get(branch.id) ?? null,
    people: people.filter((p) => p.branchId === branch.id).map((p) => p.row),
  }))
  const others = people.filter((p) => p.branchId === null || !branchNames.has(p.branchId)).map((p) => p.row)
  const names = new Map(people.map((p) => [p.row.openid, p.row.name]))
  return { branches, others, names }
}

function asStored(
  person: DemoPerson,
  doc: Doc | undefined,
  branchNames: Map<string, string>,
): { branchId: string | null; row: SignInPerson } {
  const role = doc ? roleOf(doc.role) : null
  const branchId = doc ? (typeof doc.branchId === 'string' ? doc.branchId : null) : null
  const row: SignInPerson = {
    openid: person.openid,
    name: doc && typeof doc.name === 'string' && doc.name ? doc.name : person.name,
    role,
    branchName: branchId ? (branchNames.get(branchId) ?? null) : null,
    post: doc && typeof doc.post === 'string' ? doc.post : person.post,
    note: person.note,
    isAdmin: person.isAdmin,
  }
  return { branchId, row }
}

function roleOf(value: unknown): Role | null {
  return value === 'secretary' || value === 'member' || value === 'resident' ? value : null
}

function codesOf(value: unknown): { member: string; resident: string } | null {
  if (typeof value !== 'object' || value === null) return null
  const { member, resident } = value as { member?: unknown; resident?: unknown }
  return typeof member === 'string' && typeof resident === 'string' ? { member, resident } : null
}
