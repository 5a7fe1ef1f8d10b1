import { CommonErrors } from '../../cloudfunctions/shared/errors'
import { fieldLabel } from '../../cloudfunctions/shared/field-labels'

describe('a refusal names a field as a person calls it, never by its key', () => {
  it.each([
    [{ lectureId: '党课编号格式不正确' }, '党课编号格式不正确'],
    [{ title: '内容太长，最多 60 个字' }, '标题：内容太长，最多 60 个字'],
    [{ 'location.name': '此项必填' }, '地点名称：此项必填'],
    [{ 'materials.0.title': '此项必填' }, '材料标题：此项必填'],
    [{ 'scores.0': '格式不正确' }, '评分：格式不正确'],
    [{ someInternalKey: '格式不正确' }, '格式不正确'],
    [{ '': '请求内容必须是一个对象' }, '请求内容必须是一个对象'],
  ])('%j → %s', (fields, message) => {
    expect(CommonErrors.invalidInput(fields).message).toBe(message)
  })

  it('has no label for an unknown key', () => {
    expect(fieldLabel('nothing.here')).toBeNull()
    expect(fieldLabel('')).toBeNull()
  })
})
