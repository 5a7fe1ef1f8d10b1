/**
 * The two locks the store needs.
 *
 * - `Mutex`: serialises the read-then-write sequences of one collection, so a conditional update reads
 *   the state the previous write left (race-safe `where({ _id, status: 'open' }).update(...)`). nedb
 *   orders single operations itself, but not a read followed by a write.
 * - `TransactionGate`: a readers–writer gate. Ordinary writes pass in shared mode (many at once, on
 *   different collections); a transaction holds it exclusively from start to commit/abort, so what it
 *   read stays true until it commits. Waiting exclusive requests block new shared ones (writer
 *   preference), otherwise a steady stream of writes would starve transactions.
 */

export type Release = () => void

export class Mutex {
  private tail: Promise<void> = Promise.resolve()

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work)
    // The chain must survive a failed step; the caller still sees the failure through `result`.
    this.tail = result.then(
      () => undefined,
      () => undefined,
    )
    return result
  }
}

interface Waiter {
  exclusive: boolean
  grant: (release: Release) => void
}

export class TransactionGate {
  private sharedHolders = 0
  private exclusiveHeld = false
  private readonly queue: Waiter[] = []

  acquireShared(): Promise<Release> {
    if (!this.exclusiveHeld && this.queue.length === 0) {
      this.sharedHolders += 1
      return Promise.resolve(this.sharedRelease())
    }
    return new Promise((grant) => {
      this.queue.push({ exclusive: false, grant })
    })
  }

  acquireExclusive(): Promise<Release> {
    if (!this.exclusiveHeld && this.sharedHolders === 0 && this.queue.length === 0) {
      this.exclusiveHeld = true
      return Promise.resolve(this.exclusiveRelease())
    }
    return new Promise((grant) => {
      this.queue.push({ exclusive: true, grant })
    })
  }

  async runShared<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquireShared()
    try {
      return await work()
    } finally {
      release()
    }
  }

  /** True while a transaction holds the gate (for diagnostics and tests). */
  get locked(): boolean {
    return this.exclusiveHeld
  }

  private sharedRelease(): Release {
    let released = false
    return () => {
      if (released) return
      released = true
      this.sharedHolders -= 1
      this.pump()
    }
  }

  private exclusiveRelease(): Release {
    let released = false
    return () => {
      if (released) return
      released = true
      this.exclusiveHeld = false
      this.pump()
    }
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.exclusiveHeld) {
      const head = this.queue[0]
      if (!head) return
      if (head.exclusive) {
        if (this.sharedHolders > 0) return
        this.queue.shift()
        this.exclusiveHeld = true
        head.grant(this.exclusiveRelease())
        return
      }
      this.queue.shift()
      this.sharedHolders += 1
      head.grant(this.sharedRelease())
    }
  }
}
