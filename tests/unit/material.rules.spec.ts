import { materialFileIdSchema, materialSchema } from '../../cloudfunctions/contracts/lecture.contract'
import { fileIdsOf, isFileMaterial } from '../../cloudfunctions/modules/lectures/material.rules'
import { chunks, isOwnEnvFile } from '../../cloudfunctions/shared/storage.rules'

describe('material rules', () => {
  it.each([
    ['a file of this environment', 'cloud://prod-1abc.7072-prod-1abc-1300000000/lecture-materials/202611/a.pdf', 'prod-1abc', true],
    ['the local environment', 'cloud://local.local-bucket/lecture-materials/a.pdf', 'local', true],
    ['another environment', 'cloud://prod-2xyz.7072-prod-2xyz-1300000000/lecture-materials/a.pdf', 'prod-1abc', false],
    ['an environment whose id starts the same', 'cloud://prod-1abcd.bucket/lecture-materials/a.pdf', 'prod-1abc', false],
    ['no environment known', 'cloud://local.local-bucket/lecture-materials/a.pdf', '', false],
  ])('isOwnEnvFile: %s → %s', (_label, fileID, env, expected) => {
    expect(isOwnEnvFile(fileID, env)).toBe(expected)
  })

  it('lists each file id once and tells files from links', () => {
    const a = { title: 'a', fileID: 'cloud://e.b/lecture-materials/a.pdf' }
    const link = { title: 'l', url: 'https://example.org' }
    expect(fileIdsOf([a, link, a, { title: 'b', fileID: 'cloud://e.b/lecture-materials/b.pdf' }])).toEqual([a.fileID, 'cloud://e.b/lecture-materials/b.pdf'])
    expect(isFileMaterial(a)).toBe(true)
    expect(isFileMaterial(link)).toBe(false)
  })

  it('cuts 120 ids into getTempFileURL calls of at most 50', () => {
    expect(chunks(Array.from({ length: 120 }, (_, i) => i), 50).map((c) => c.length)).toEqual([50, 50, 20])
    expect(chunks([], 50)).toEqual([])
  })

  it.each([
    ['cloud://local.local-bucket/lecture-materials/202611/a-b.pdf', true],
    ['cloud://local.local-bucket/exports/attendance/x.xlsx', false],
    ['cloud://local.local-bucket/lecture-materials/../exports/x.xlsx', false],
    ['cloud://local.local-bucket/lecture-materials/./a.pdf', false],
    ['cloud://local.local-bucket/lecture-materials/a b.pdf', false],
    ['cloud://local/lecture-materials/a.pdf', false],
    ['https://example.org/lecture-materials/a.pdf', false],
    [`cloud://local.local-bucket/lecture-materials/${'a'.repeat(300)}.pdf`, false],
  ])('the contract accepts fileID %s: %s', (fileID, ok) => {
    expect(materialFileIdSchema.safeParse(fileID).success).toBe(ok)
  })

  it('takes a material as a link or a file, never both or neither', () => {
    expect(materialSchema.safeParse({ title: '讲稿', fileID: 'cloud://e.b/lecture-materials/a.pdf' }).success).toBe(true)
    expect(materialSchema.safeParse({ title: '链接', url: 'https://example.org' }).success).toBe(true)
    expect(materialSchema.safeParse({ title: '两者', url: 'https://example.org', fileID: 'cloud://e.b/lecture-materials/a.pdf' }).success).toBe(false)
    expect(materialSchema.safeParse({ title: '都没有' }).success).toBe(false)
    expect(materialSchema.safeParse({ title: '链接', url: 'cloud://e.b/lecture-materials/a.pdf' }).success).toBe(false)
  })
})
