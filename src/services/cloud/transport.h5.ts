import type { Transport } from './transport.types'

/**
 * H5: the local host (or any server speaking the same contract) runs the function bundles behind
 * `POST /api/<fn>`. Identity travels in a same-origin cookie set by the host's dev sign-in; the body
 * is the cloud event. The envelope is parsed whatever the HTTP status (a 401 still carries
 * `{ ok:false, error:{ code:'AUTH.REQUIRED' } }`); a body that is not JSON rejects.
 */
export const transport: Transport = async (fn, event) => {
  const res = await fetch(`/api/${encodeURIComponent(fn)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(event),
  })
  const body: unknown = await res.json()
  return body
}
